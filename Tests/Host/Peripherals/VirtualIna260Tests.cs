using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Peripherals;
using Xunit;

namespace DcMonitor.Tests.Peripherals
{
    /// <summary>
    /// The register-level INA260 model against the datasheet (TI SBOS656C; docs/reference/anchors.md §1),
    /// on a manual clock so conversion timing is exact.
    /// </summary>
    public class VirtualIna260Tests
    {
        private readonly VirtualClock _clock = VirtualClock.Manual();
        private readonly ConstantShuntInput _input = new ConstantShuntInput(12.0, 1.0);

        [Fact]
        public void PowerOnRegisters()
        {
            VirtualIna260 chip = Noiseless(0x45);
            Assert.Equal(0x6127, Read(chip, 0x00));
            Assert.Equal(0x5449, Read(chip, 0xFE));
            Assert.Equal(0x2270, Read(chip, 0xFF));
            Assert.Equal(0, Read(chip, 0x01));
            Assert.Equal(0, Read(chip, 0x02));
        }

        [Theory]
        [InlineData(0x40)]
        [InlineData(0x4F)]
        public void AnswersAnyStrapAddress(int address)
        {
            Assert.Equal(0x5449, Read(Noiseless(address), 0xFE));
        }

        [Theory]
        [InlineData(0x3F)]
        [InlineData(0x50)]
        public void RefusesAddressesOutsideTheStrapRange(int address)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualIna260(address, _clock, _input));
        }

        [Fact]
        public void ResultsAppearAfterOneUpdatePeriodNotBefore()
        {
            VirtualIna260 chip = Noiseless(0x40);
            Write(chip, 0x00, 0x6127); // AVG 1, 1.1 ms + 1.1 ms: one result every 2.2 ms
            _clock.Advance(2199);
            Assert.Equal(0, Read(chip, 0x01));
            Assert.Equal(0, Read(chip, 0x06) & 0x0008);
            _clock.Advance(1);
            Assert.Equal(0x0008, Read(chip, 0x06) & 0x0008); // CVRF set by a completed conversion
            Assert.Equal(0, Read(chip, 0x06) & 0x0008);      // and cleared by reading Mask/Enable
            Assert.Equal(0x0320, Read(chip, 0x01));          // +1.000 A
            Assert.Equal(0x2580, Read(chip, 0x02));          // 12.000 V
            Assert.Equal(0x04B0, Read(chip, 0x03));          // 12.00 W
        }

        [Fact]
        public void NegativeCurrentIsTwosComplementAndPowerIsItsMagnitude()
        {
            _input.Amperes = -1.0;
            VirtualIna260 chip = Noiseless(0x40);
            _clock.Advance(2200);
            Assert.Equal(0xFCE0, Read(chip, 0x01));
            Assert.Equal(0x04B0, Read(chip, 0x03));
        }

        [Fact]
        public void FullScaleCurrentSaturates()
        {
            _input.Amperes = 50.0; // beyond ±40.96 A
            VirtualIna260 chip = Noiseless(0x40);
            _clock.Advance(2200);
            Assert.Equal(0x7FFF, Read(chip, 0x01));
            _input.Amperes = -50.0;
            _clock.Advance(2200);
            Assert.Equal(0x8000, Read(chip, 0x01));
        }

        [Fact]
        public void UpdatePeriodIsAveragesTimesBothConversionTimes()
        {
            VirtualIna260 chip = Noiseless(0x40);
            Write(chip, 0x00, 0x6537); // 16 × (1.1 ms + 4.156 ms) = 84.096 ms
            Assert.Equal(84096, chip.CyclePeriodMicroseconds);
            _clock.Advance(84095);
            Assert.Equal(0, Read(chip, 0x02));
            _clock.Advance(1);
            Assert.Equal(0x2580, Read(chip, 0x02));
        }

        [Fact]
        public void WritingConfigurationRestartsTheCycleAndReadsBackWithFixedBits()
        {
            VirtualIna260 chip = Noiseless(0x40);
            Write(chip, 0x00, 0x0527); // bits 14:12 are fixed at 110
            Assert.Equal(0x6527, Read(chip, 0x00));
            Assert.Equal(1, chip.ConfigurationWrites);
        }

        [Fact]
        public void ResetRestoresPowerOnValuesAndClearsItself()
        {
            VirtualIna260 chip = Noiseless(0x40);
            Write(chip, 0x00, 0x6537);
            Write(chip, 0x07, 0x1234);
            _clock.Advance(100000);
            Assert.NotEqual(0, Read(chip, 0x01));
            Write(chip, 0x00, 0x8000);
            Assert.Equal(0x6127, Read(chip, 0x00));
            Assert.Equal(0, Read(chip, 0x07));
            Assert.Equal(0, Read(chip, 0x01));
        }

        [Fact]
        public void TriggeredModeConvertsOncePerConfigurationWrite()
        {
            VirtualIna260 chip = Noiseless(0x40);
            Write(chip, 0x00, 0x6123); // AVG 1, 1.1/1.1 ms, triggered current + voltage
            _clock.Advance(2200);
            Assert.Equal(0x0320, Read(chip, 0x01));
            _input.Amperes = 2.0;
            _clock.Advance(100000);
            Assert.Equal(0x0320, Read(chip, 0x01)); // no new conversion
            Write(chip, 0x00, 0x6123);
            _clock.Advance(2200);
            Assert.Equal(0x0640, Read(chip, 0x01)); // +2.000 A
        }

        [Fact]
        public void PowerDownHoldsTheRegisters()
        {
            VirtualIna260 chip = Noiseless(0x40);
            _clock.Advance(2200);
            Assert.Equal(0x0320, Read(chip, 0x01));
            Write(chip, 0x00, 0x6120);
            _input.Amperes = 3.0;
            _clock.Advance(1000000);
            Assert.Equal(0x0320, Read(chip, 0x01));
            Assert.Equal(0, chip.CyclePeriodMicroseconds);
        }

        [Fact]
        public void SingleQuantityModesUpdateOnlyThatRegister()
        {
            VirtualIna260 chip = Noiseless(0x40);
            Write(chip, 0x00, 0x6125); // current only, continuous: 1.1 ms per result
            _clock.Advance(1100);
            Assert.Equal(0x0320, Read(chip, 0x01));
            Assert.Equal(0, Read(chip, 0x02));
        }

        [Fact]
        public void AveragingNarrowsTheSpreadOfANoisyInput()
        {
            double spreadOne = SpreadOfResults(0x6127, 2200);   // AVG 1
            double spreadSixtyFour = SpreadOfResults(0x6727, 140800); // AVG 64
            Assert.True(spreadOne > 4 * spreadSixtyFour, "AVG 1 spread " + spreadOne + " LSB, AVG 64 spread " + spreadSixtyFour + " LSB");
            Assert.True(spreadSixtyFour < 2.0, "AVG 64 spread " + spreadSixtyFour + " LSB");
        }

        [Fact]
        public void AFourMillisecondCurrentConversionSeesLessPwmRippleThanA1Point1MillisecondOne()
        {
            // 50 % PWM at 1 kHz on the load stage: the per-conversion error depends on the window length.
            var board = new VirtualBoard(System.IO.Path.GetTempPath(), VirtualClock.Manual());
            board.Pin(5).Set(0, 0.5, 1000);
            var load = new InvertedPwmLoad(board, 5, 12.0, 48.0, 0.0);
            double mean = load.OnCurrentAmperes * 0.5;
            double worstShort = 0;
            double worstLong = 0;
            for (long start = 0; start < 1000; start += 37)
            {
                worstShort = Math.Max(worstShort, Math.Abs(load.CurrentAmperes(start, start + 1100) - mean));
                worstLong = Math.Max(worstLong, Math.Abs(load.CurrentAmperes(start, start + 4156) - mean));
            }

            Assert.True(worstLong < worstShort / 2, "1.1 ms error " + worstShort + " A, 4.156 ms error " + worstLong + " A");
        }

        [Fact]
        public void AnAbsentChipNeverAcknowledges()
        {
            VirtualIna260 chip = Noiseless(0x40);
            chip.Fault = Ina260Fault.Absent;
            Assert.Equal(I2cPeripheralResponse.AddressNotAcknowledged, chip.Write(new byte[] { 0xFE }));
            Assert.Equal(I2cPeripheralResponse.AddressNotAcknowledged, chip.Read(new byte[2]));
        }

        [Fact]
        public void AStuckChipReadsOneValueEverywhereAndIgnoresWrites()
        {
            VirtualIna260 chip = Noiseless(0x40);
            chip.Fault = Ina260Fault.StuckValue;
            chip.StuckValue = 0xFFFF;
            Write(chip, 0x00, 0x6537);
            Assert.Equal(0xFFFF, Read(chip, 0xFE));
            chip.Fault = Ina260Fault.None;
            Assert.Equal(0x6127, Read(chip, 0x00));
        }

        [Fact]
        public void AChipThatIgnoresWritesKeepsItsConfiguration()
        {
            VirtualIna260 chip = Noiseless(0x40);
            chip.Fault = Ina260Fault.WritesIgnored;
            Write(chip, 0x00, 0x6537);
            Assert.Equal(0x6127, Read(chip, 0x00));
        }

        private double SpreadOfResults(ushort configuration, long period)
        {
            var chip = new VirtualIna260(0x40, _clock, _input, noiseSeed: 7) { CurrentNoiseAmperes = 0.02, BusNoiseVolts = 0 };
            Write(chip, 0x00, configuration);
            var results = new List<double>();
            for (int i = 0; i < 200; i++)
            {
                _clock.Advance(period);
                results.Add((short)Read(chip, 0x01));
            }

            double mean = results.Average();
            Assert.InRange(mean, 800 - 2, 800 + 2); // centred on 1.000 A
            return Math.Sqrt(results.Sum(value => (value - mean) * (value - mean)) / results.Count);
        }

        private VirtualIna260 Noiseless(int address)
        {
            return new VirtualIna260(address, _clock, _input) { CurrentNoiseAmperes = 0, BusNoiseVolts = 0 };
        }

        private static void Write(VirtualIna260 chip, byte register, ushort value)
        {
            Assert.Equal(I2cPeripheralResponse.Acknowledged, chip.Write(new[] { register, (byte)(value >> 8), (byte)value }));
        }

        private static int Read(VirtualIna260 chip, byte register)
        {
            Assert.Equal(I2cPeripheralResponse.Acknowledged, chip.Write(new[] { register }));
            byte[] value = new byte[2];
            Assert.Equal(I2cPeripheralResponse.Acknowledged, chip.Read(value));
            return (value[0] << 8) | value[1];
        }
    }
}
