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

        [DataRow("")]
        [DataRow("address=A4:C1:38:00:11:22\n")]
        [DataRow("period=5\n")]
        [DataRow("period=60\nperiod=60\n")]
        [DataRow("period=60\naddress=A4:C1:38\n")]
        [DataRow("period=60\ntype=random\n")]
        [DataRow("period=60\naddress=A4:C1:38:00:11:22\ntype=static\n")]
        [DataRow("period=60\ncolour=red\n")]
        public void ADamagedSettingsFileIsRefusedWithAReason(string text)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => BatteryMonitorSettings.Parse(text));
        }
    }
}
