using DcMonitor.Shared.Sensing;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// INA260 register conversions against the datasheet LSBs (TI SBOS656C: current 1.25 mA, bus voltage
    /// 1.25 mV, power 10 mW) and the worked vectors of docs/reference/anchors.md §1.5.
    /// </summary>
    [TestClass]
    public class Ina260UnitsTests
    {
        [DataRow(0x0320, 1000000)]       // +1.000 A
        [DataRow(0xFCE0, -1000000)]      // -1.000 A (two's complement)
        [DataRow(0x2EE0, 15000000)]      // +15.000 A, the device's rated maximum
        [DataRow(0x0001, 1250)]          // one LSB
        [DataRow(0xFFFF, -1250)]         // minus one LSB
        [DataRow(0x7FFF, 40958750)]      // positive full-scale code
        [DataRow(0x8000, -40960000)]     // negative full-scale code
        [DataRow(0x0000, 0)]
        public void CurrentRegisterIsSignedWith1250MicroampsPerBit(int register, int expectedMicroamps)
        {
            Assert.AreEqual(expectedMicroamps, Ina260Units.CurrentMicroamps((ushort)register));
        }

        [DataRow(0x2580, 12000000)]      // 12.000 V
        [DataRow(0x7080, 36000000)]      // 36.000 V, top of the recommended range
        [DataRow(0x2582, 12002500)]      // 12.0025 V
        [DataRow(0x7FFF, 40958750)]      // 15-bit full scale, 40.96 V - 1 LSB
        [DataRow(0x0000, 0)]
        public void BusVoltageRegisterIs1250MicrovoltsPerBit(int register, int expectedMicrovolts)
        {
            Assert.AreEqual(expectedMicrovolts, Ina260Units.BusVoltageMicrovolts((ushort)register));
        }

        [DataRow(0x04B0, 12000)]         // 12.00 W
        [DataRow(0xFFFF, 655350)]        // 655.35 W, register maximum
        [DataRow(0x0001, 10)]
        public void PowerRegisterIs10MilliwattsPerBit(int register, int expectedMilliwatts)
        {
            Assert.AreEqual(expectedMilliwatts, Ina260Units.PowerMilliwatts((ushort)register));
        }

        [TestMethod]
        public void RegistersAreBigEndian()
        {
            byte[] bytes = new byte[] { 0xAA, 0x25, 0x80, 0xBB };
            Assert.AreEqual((ushort)0x2580, Ina260Units.FromBigEndian(bytes, 1));

            byte[] written = new byte[3];
            Ina260Units.ToBigEndian(0x6537, written, 1);
            Assert.AreEqual((byte)0x00, written[0]);
            Assert.AreEqual((byte)0x65, written[1]);
            Assert.AreEqual((byte)0x37, written[2]);
        }

        [DataRow(0x5449, 0x2270, true)]  // INA260 revision 0
        [DataRow(0x5449, 0x2271, true)]  // a later revision of the same die
        [DataRow(0x5449, 0x2260, false)] // TI, but the INA226's die ID
        [DataRow(0x4D43, 0x2270, false)] // another manufacturer
        [DataRow(0xFFFF, 0xFFFF, false)] // bus stuck high
        [DataRow(0x0000, 0x0000, false)]
        public void IdentityNeedsTexasInstrumentsAndDie227(int manufacturerId, int dieId, bool expected)
        {
            Assert.AreEqual(expected, Ina260Units.IsIna260((ushort)manufacturerId, (ushort)dieId));
        }

        [TestMethod]
        public void SensorReadingKeepsRawRegistersAndUnits()
        {
            SensorReading reading = new SensorReading();
            reading.Set(0xFCE0, 0x2580, 0x04B0);
            Assert.AreEqual((ushort)0xFCE0, reading.CurrentRegister);
            Assert.AreEqual(-1000000, reading.CurrentMicroamps);
            Assert.AreEqual(12000000, reading.BusVoltageMicrovolts);
            Assert.AreEqual(12000, reading.PowerMilliwatts);

            SensorReading copy = new SensorReading();
            copy.CopyFrom(reading);
            Assert.AreEqual((ushort)0x2580, copy.BusVoltageRegister);
            Assert.AreEqual((ushort)0x04B0, copy.PowerRegister);
        }

        [TestMethod]
        public void RegisterPointersFollowTheDatasheet()
        {
            // INA260 datasheet (SBOS656) register map
            Assert.AreEqual((byte)0x00, (byte)Ina260Register.Configuration);
            Assert.AreEqual((byte)0x01, (byte)Ina260Register.Current);
            Assert.AreEqual((byte)0x02, (byte)Ina260Register.BusVoltage);
            Assert.AreEqual((byte)0x03, (byte)Ina260Register.Power);
            Assert.AreEqual((byte)0x06, (byte)Ina260Register.MaskEnable);
            Assert.AreEqual((byte)0x07, (byte)Ina260Register.AlertLimit);
            Assert.AreEqual((byte)0xFE, (byte)Ina260Register.ManufacturerId);
            Assert.AreEqual((byte)0xFF, (byte)Ina260Register.DieId);
        }
    }
}
