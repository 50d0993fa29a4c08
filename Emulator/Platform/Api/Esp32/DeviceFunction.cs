namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// Emulation of nanoFramework.Hardware.Esp32's <c>DeviceFunction</c>: a peripheral signal that
    /// <see cref="Configuration.SetPinFunction"/> routes to a GPIO. Value = device type × 0x10000 +
    /// instance × 0x100 + signal (nanoFramework.Hardware.Esp32, DeviceFunction.cs).
    /// </summary>
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x10100, SPI1_MISO = 0x10101, SPI1_CLOCK = 0x10102,
        SPI2_MOSI = 0x10200, SPI2_MISO = 0x10201, SPI2_CLOCK = 0x10202,

        I2C1_DATA = 0x20100, I2C1_CLOCK = 0x20101,
        I2C2_DATA = 0x20200, I2C2_CLOCK = 0x20201,

        COM1_TX = 0x30100, COM1_RX = 0x30101, COM1_RTS = 0x30102, COM1_CTS = 0x30103,
        COM2_TX = 0x30200, COM2_RX = 0x30201, COM2_RTS = 0x30202, COM2_CTS = 0x30203,
        COM3_TX = 0x30300, COM3_RX = 0x30301, COM3_RTS = 0x30302, COM3_CTS = 0x30303,
        COM4_TX = 0x30400, COM4_RX = 0x30401, COM4_RTS = 0x30402, COM4_CTS = 0x30403,

        PWM1 = 0x40100, PWM2 = 0x40200, PWM3 = 0x40300, PWM4 = 0x40400,
        PWM5 = 0x40500, PWM6 = 0x40600, PWM7 = 0x40700, PWM8 = 0x40800,
        PWM9 = 0x40900, PWM10 = 0x40A00, PWM11 = 0x40B00, PWM12 = 0x40C00,
        PWM13 = 0x40D00, PWM14 = 0x40E00, PWM15 = 0x40F00, PWM16 = 0x41000,

        ADC1_CH0 = 0x50100, ADC1_CH1, ADC1_CH2, ADC1_CH3, ADC1_CH4, ADC1_CH5, ADC1_CH6, ADC1_CH7,
        ADC1_CH8, ADC1_CH9, ADC1_CH10, ADC1_CH11, ADC1_CH12, ADC1_CH13, ADC1_CH14, ADC1_CH15,
        ADC1_CH16, ADC1_CH17, ADC1_CH18, ADC1_CH19,

        I2S1_MCK = 0x60100, I2S1_BCK, I2S1_WS, I2S1_DATA_OUT, I2S1_MDATA_IN,
        I2S2_MCK = 0x60200, I2S2_BCK, I2S2_WS, I2S2_DATA_OUT, I2S2_MDATA_IN,

        SDMMC1_CLOCK = 0x80100, SDMMC1_COMMAND, SDMMC1_D0, SDMMC1_D1, SDMMC1_D2, SDMMC1_D3,
        SDMMC2_CLOCK = 0x80200, SDMMC2_COMMAND, SDMMC2_D0, SDMMC2_D1, SDMMC2_D2, SDMMC2_D3,
    }

    /// <summary>
    /// Device types: the third byte of a <see cref="DeviceFunction"/> value, in place (a type's value is the value
    /// of its functions with instance and signal masked off; SDMMC is 0x80000, as in nanoFramework).
    /// </summary>
    public enum DeviceTypes
    {
        GPIO = 0,
        SPI = 0x10000,
        I2C = 0x20000,
        SERIAL = 0x30000,
        PWM = 0x40000,
        ADC = 0x50000,
        I2S = 0x60000,
        SDMMC = 0x80000,
    }
}
