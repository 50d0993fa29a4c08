using System;
using DcMonitor.Shared.Sensing;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Configuration register fields (TI SBOS656C; docs/reference/anchors.md §1.3).</summary>
    [TestClass]
    public class Ina260ConfigurationTests
    {
        [TestMethod]
        public void PowerOnValueDecodesToOneSampleContinuous()
        {
            Ina260Configuration configuration = Ina260Configuration.Decode(Ina260Configuration.PowerOnValue);
            Assert.AreEqual((int)Ina260AveragingCount.Samples1, (int)configuration.Averaging);
            Assert.AreEqual((int)Ina260ConversionTime.Microseconds1100, (int)configuration.BusVoltageConversionTime);
            Assert.AreEqual((int)Ina260ConversionTime.Microseconds1100, (int)configuration.CurrentConversionTime);
            Assert.AreEqual((int)Ina260OperatingMode.CurrentAndBusVoltageContinuous, (int)configuration.Mode);
            Assert.AreEqual(2200, configuration.UpdatePeriodMicroseconds);
        }

        [TestMethod]
        public void SeedValue0x6727IsSixtyFourAveragesNotTenTwentyFour()
        {
            Ina260Configuration seed = Ina260Configuration.Decode(0x6727);
            Assert.AreEqual(64, seed.AveragingSamples);
            Assert.AreEqual(140800, seed.UpdatePeriodMicroseconds); // 64 × (1.1 + 1.1) ms ≈ 141 ms

            Assert.AreEqual(1024, Ina260Configuration.Decode(0x6F27).AveragingSamples);
        }

        [TestMethod]
        public void NodeDefaultIs0x6537WithAn84MillisecondUpdate()
        {
            Ina260Configuration node = Ina260Configuration.NodeDefault;
            Assert.AreEqual((ushort)0x6537, node.Encode());
            Assert.AreEqual(16, node.AveragingSamples);
            Assert.AreEqual(84096, node.UpdatePeriodMicroseconds); // 16 × (1100 + 4156) µs
        }

        [DataRow(0x6127)]
        [DataRow(0x6537)]
        [DataRow(0x6727)]
        [DataRow(0x6F27)]
        [DataRow(0x6000)]
        [DataRow(0x6FFF)]
        public void EncodeIsTheInverseOfDecode(int value)
        {
            Assert.AreEqual((ushort)value, Ina260Configuration.Decode((ushort)value).Encode());
        }

        [TestMethod]
        public void ResetBitIsNeverPartOfAStoredConfiguration()
        {
            Assert.AreEqual((ushort)0x6127, Ina260Configuration.Decode(0xE127).Encode());
        }

        [TestMethod]
        public void PowerDownHasNoUpdatePeriod()
        {
            Assert.AreEqual(0, Ina260Configuration.Decode(0x6120).UpdatePeriodMicroseconds);
            Assert.AreEqual(0, Ina260Configuration.Decode(0x6124).UpdatePeriodMicroseconds);
        }

        [TestMethod]
        public void SingleQuantityModesCountOnlyTheirConversion()
        {
            // AVG 4, VBUSCT 588 µs, ISHCT 8.244 ms
            Ina260Configuration currentOnly = new Ina260Configuration(Ina260AveragingCount.Samples4, Ina260ConversionTime.Microseconds588, Ina260ConversionTime.Microseconds8244, Ina260OperatingMode.CurrentContinuous);
            Assert.AreEqual(4 * 8244, currentOnly.UpdatePeriodMicroseconds);
            Ina260Configuration busOnly = new Ina260Configuration(Ina260AveragingCount.Samples4, Ina260ConversionTime.Microseconds588, Ina260ConversionTime.Microseconds8244, Ina260OperatingMode.BusVoltageTriggered);
            Assert.AreEqual(4 * 588, busOnly.UpdatePeriodMicroseconds);
        }

        [DataRow(0, 140)]
        [DataRow(1, 204)]
        [DataRow(2, 332)]
        [DataRow(3, 588)]
        [DataRow(4, 1100)]
        [DataRow(5, 2116)]
        [DataRow(6, 4156)]
        [DataRow(7, 8244)]
        public void ConversionTimesFollowTheDatasheetTable(int field, int microseconds)
        {
            Assert.AreEqual(microseconds, Ina260Configuration.ConversionMicroseconds((Ina260ConversionTime)field));
        }

        [DataRow(0, 1)]
        [DataRow(1, 4)]
        [DataRow(2, 16)]
        [DataRow(3, 64)]
        [DataRow(4, 128)]
        [DataRow(5, 256)]
        [DataRow(6, 512)]
        [DataRow(7, 1024)]
        public void AveragingCountsFollowTheDatasheetTable(int field, int samples)
        {
            Assert.AreEqual(samples, Ina260Configuration.Decode((ushort)(0x6000 | (field << 9))).AveragingSamples);
        }

        [TestMethod]
        public void AnUnknownConversionTimeIsRejected()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { Ina260Configuration.ConversionMicroseconds((Ina260ConversionTime)8); });
        }
    }
}
