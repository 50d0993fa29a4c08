using System;
using DcMonitor.Shared.Battery;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The <c>bm6</c> console lines and the battery monitor's settings file (docs/battery-monitor.md).</summary>
    [TestClass]
    public class BatteryConsoleCommandTests
    {
        [TestMethod]
        public void ParsesEveryBm6Line()
        {
            Assert.AreEqual((int)BatteryConsoleCommandKind.Status, (int)BatteryConsoleCommand.Parse("bm6").Kind);
            Assert.AreEqual((int)BatteryConsoleCommandKind.Scan, (int)BatteryConsoleCommand.Parse("bm6 scan").Kind);
            Assert.AreEqual((int)BatteryConsoleCommandKind.Off, (int)BatteryConsoleCommand.Parse("bm6 off").Kind);
            Assert.AreEqual((int)BatteryConsoleCommandKind.Read, (int)BatteryConsoleCommand.Parse("bm6 read").Kind);
            BatteryConsoleCommand interval = BatteryConsoleCommand.Parse("bm6 interval 300");
            Assert.AreEqual((int)BatteryConsoleCommandKind.Interval, (int)interval.Kind);
            Assert.AreEqual(300, interval.PeriodSeconds);
        }

        [TestMethod]
        public void UseTakesAnAddressMostSignificantByteFirstAndOptionallyRandom()
        {
            BatteryConsoleCommand use = BatteryConsoleCommand.Parse("bm6 use A4:c1:38:00:11:22");
            Assert.AreEqual((int)BatteryConsoleCommandKind.Use, (int)use.Kind);
            Assert.AreEqual((byte)0x22, use.Address[0]);
            Assert.AreEqual((byte)0xA4, use.Address[5]);
            Assert.AreEqual(0, use.AddressType);
            Assert.AreEqual(1, BatteryConsoleCommand.Parse("bm6 use A4:C1:38:00:11:22 random").AddressType);
        }

        [DataRow("bm6 use", "usage")]
        [DataRow("bm6 use A4:C1:38:00:11", "not an address")]
        [DataRow("bm6 use A4-C1-38-00-11-22", "not an address")]
        [DataRow("bm6 use A4:C1:38:00:11:22 public", "usage")]
        [DataRow("bm6 use A4:C1:38:00:11:22 bm8", "'bm8' is not 'random', 'bm6' or 'bm7'")]
        [DataRow("bm6 use A4:C1:38:00:11:22 BM7", "'BM7' is not 'random', 'bm6' or 'bm7'")]
        [DataRow("bm6 use A4:C1:38:00:11:22 bm7 bm6", "repeated")]
        [DataRow("bm6 use A4:C1:38:00:11:22 random random", "repeated")]
        [DataRow("bm6 use A4:C1:38:00:11:22 random bm7 bm7", "usage: bm6 use AA:BB:CC:DD:EE:FF [random] [bm6|bm7]")]
        [DataRow("bm6 interval", "usage")]
        [DataRow("bm6 interval fast", "usage")]
        [DataRow("bm6 interval 9", "outside 10-3600")]
        [DataRow("bm6 interval 3601", "outside 10-3600")]
        [DataRow("bm6 read now", "takes no argument")]
        [DataRow("bm6 scan 5", "takes no argument")]
        [DataRow("bm6 start", "unknown bm6 command")]
        [DataRow("bm6  read", "unknown bm6 command")]
        public void RefusesAnythingElseWithAReason(string line, string reason)
        {
            BatteryConsoleCommand command = BatteryConsoleCommand.Parse(line);
            Assert.AreEqual((int)BatteryConsoleCommandKind.Invalid, (int)command.Kind);
            Assert.IsTrue(command.Error.IndexOf(reason) >= 0, command.Error);
        }

        [TestMethod]
        public void UseReadsABm6UnlessBm7FollowsTheAddressBeforeOrAfterRandom()
        {
            Assert.AreEqual((int)BatteryMonitorVariant.Bm6, (int)BatteryConsoleCommand.Parse("bm6 use A4:C1:38:00:11:22").Variant);
            Assert.AreEqual((int)BatteryMonitorVariant.Bm6, (int)BatteryConsoleCommand.Parse("bm6 use A4:C1:38:00:11:22 bm6").Variant);
            BatteryConsoleCommand bm7 = BatteryConsoleCommand.Parse("bm6 use A4:C1:38:00:11:22 bm7");
            Assert.AreEqual((int)BatteryConsoleCommandKind.Use, (int)bm7.Kind);
            Assert.AreEqual((int)BatteryMonitorVariant.Bm7, (int)bm7.Variant);
            Assert.AreEqual(0, bm7.AddressType);
            Assert.AreEqual((byte)0xA4, bm7.Address[5]);
            BatteryConsoleCommand randomFirst = BatteryConsoleCommand.Parse("bm6 use A4:C1:38:00:11:22 random bm7");
            Assert.AreEqual(1, randomFirst.AddressType);
            Assert.AreEqual((int)BatteryMonitorVariant.Bm7, (int)randomFirst.Variant);
            BatteryConsoleCommand randomLast = BatteryConsoleCommand.Parse("bm6 use A4:C1:38:00:11:22 bm7 random");
            Assert.AreEqual(1, randomLast.AddressType);
            Assert.AreEqual((int)BatteryMonitorVariant.Bm7, (int)randomLast.Variant);
        }

        [TestMethod]
        public void AcceptsOnlyBm6Lines()
        {
            Assert.IsTrue(BatteryConsoleCommand.Accepts("bm6"));
            Assert.IsTrue(BatteryConsoleCommand.Accepts("bm6 read"));
            Assert.IsFalse(BatteryConsoleCommand.Accepts("bm6read"));
            Assert.IsFalse(BatteryConsoleCommand.Accepts("batt"));
            Assert.IsFalse(BatteryConsoleCommand.Accepts(null));
        }

        [TestMethod]
        public void SettingsSurviveTheirText()
        {
            byte[] address = { 0x22, 0x11, 0x00, 0x38, 0xC1, 0xA4 };
            BatteryMonitorSettings settings = new BatteryMonitorSettings(address, 1, 120);
            Assert.AreEqual("period=120\naddress=A4:C1:38:00:11:22\ntype=random\n", settings.ToText());
            BatteryMonitorSettings read = BatteryMonitorSettings.Parse(settings.ToText());
            Assert.AreEqual(120, read.PeriodSeconds);
            Assert.AreEqual(1, read.AddressType);
            for (int i = 0; i < 6; i++)
            {
                Assert.AreEqual(address[i], read.Address[i]);
            }

            BatteryMonitorSettings off = BatteryMonitorSettings.Parse(new BatteryMonitorSettings(null, 0, 60).ToText());
            Assert.IsNull(off.Address);
            Assert.AreEqual(60, off.PeriodSeconds);
            Assert.IsNull(BatteryMonitorSettings.Default.Address);
            Assert.AreEqual(BatteryMonitorReader.DefaultPeriodSeconds, BatteryMonitorSettings.Default.PeriodSeconds);
        }

        [TestMethod]
        public void ABm7IsKeptAsAVariantLineAndAFileWithoutOneIsABm6()
        {
            byte[] address = { 0x22, 0x11, 0x00, 0x38, 0xC1, 0xA4 };
            BatteryMonitorSettings bm7 = new BatteryMonitorSettings(address, 0, BatteryMonitorVariant.Bm7, 60);
            Assert.AreEqual("period=60\naddress=A4:C1:38:00:11:22\ntype=public\nvariant=bm7\n", bm7.ToText());
            BatteryMonitorSettings read = BatteryMonitorSettings.Parse(bm7.ToText());
            Assert.AreEqual((int)BatteryMonitorVariant.Bm7, (int)read.Variant);
            Assert.AreEqual(0, read.AddressType);
            Assert.AreEqual((byte)0xA4, read.Address[5]);

            string before = "period=60\naddress=A4:C1:38:00:11:22\ntype=public\n"; // a file written before the variant existed
            Assert.AreEqual((int)BatteryMonitorVariant.Bm6, (int)BatteryMonitorSettings.Parse(before).Variant);
            Assert.AreEqual(before, new BatteryMonitorSettings(address, 0, BatteryMonitorVariant.Bm6, 60).ToText(), "a BM6's file is unchanged");
            Assert.AreEqual((int)BatteryMonitorVariant.Bm6, (int)BatteryMonitorSettings.Parse(before + "variant=bm6\n").Variant);
            Assert.AreEqual((int)BatteryMonitorVariant.Bm7, (int)BatteryMonitorSettings.Parse("variant=bm7\naddress=A4:C1:38:00:11:22\nperiod=60\n").Variant);
            Assert.ThrowsException(typeof(ArgumentException), () => new BatteryMonitorSettings(address, 0, (BatteryMonitorVariant)2, 60));
        }

        [DataRow("")]
        [DataRow("address=A4:C1:38:00:11:22\n")]
        [DataRow("period=5\n")]
        [DataRow("period=60\nperiod=60\n")]
        [DataRow("period=60\naddress=A4:C1:38\n")]
        [DataRow("period=60\ntype=random\n")]
        [DataRow("period=60\naddress=A4:C1:38:00:11:22\ntype=static\n")]
        [DataRow("period=60\ncolour=red\n")]
        [DataRow("period=60\nvariant=bm7\n")]
        [DataRow("period=60\naddress=A4:C1:38:00:11:22\ntype=public\nvariant=BM7\n")]
        [DataRow("period=60\naddress=A4:C1:38:00:11:22\nvariant=bm2\n")]
        [DataRow("period=60\naddress=A4:C1:38:00:11:22\nvariant=bm7\nvariant=bm7\n")]
        public void ADamagedSettingsFileIsRefusedWithAReason(string text)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => BatteryMonitorSettings.Parse(text));
        }
    }
}
