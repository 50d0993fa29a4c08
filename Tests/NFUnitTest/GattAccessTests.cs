using System;
using DcMonitor.Shared.Gatt;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The <c>gatt</c> console lines, the GATT settings file and bond addresses (docs/security.md).</summary>
    [TestClass]
    public class GattAccessTests
    {
        [TestMethod]
        public void ParsesEveryGattLine()
        {
            Assert.AreEqual((int)GattConsoleCommandKind.Status, (int)GattConsoleCommand.Parse("gatt").Kind);
            Assert.AreEqual((int)GattConsoleCommandKind.Pair, (int)GattConsoleCommand.Parse("gatt pair").Kind);
            Assert.AreEqual((int)GattConsoleCommandKind.List, (int)GattConsoleCommand.Parse("gatt list").Kind);
            GattConsoleCommand mode = GattConsoleCommand.Parse("gatt mode passkey");
            Assert.AreEqual((int)GattConsoleCommandKind.Mode, (int)mode.Kind);
            Assert.AreEqual((int)GattAccessMode.Passkey, (int)mode.Mode);
            GattConsoleCommand all = GattConsoleCommand.Parse("gatt forget all");
            Assert.AreEqual((int)GattConsoleCommandKind.Forget, (int)all.Kind);
            Assert.IsTrue(all.All);
        }

        [TestMethod]
        public void ForgetTakesAnAddressMostSignificantByteFirst()
        {
            GattConsoleCommand command = GattConsoleCommand.Parse("gatt forget 2C:cf:67:00:00:05");
            Assert.AreEqual((int)GattConsoleCommandKind.Forget, (int)command.Kind);
            Assert.IsFalse(command.All);
            Assert.AreEqual((byte)0x05, command.Address[0]);
            Assert.AreEqual((byte)0x2C, command.Address[5]);
        }

        [DataRow("gatt pair now")]
        [DataRow("gatt mode")]
        [DataRow("gatt mode secret")]
        [DataRow("gatt mode Bonded")]
        [DataRow("gatt forget")]
        [DataRow("gatt forget 2C:CF:67:00:00")]
        [DataRow("gatt forget 2C-CF-67-00-00-05")]
        [DataRow("gatt forget 2C:CF:67:00:00:0G")]
        [DataRow("gatt  list")]
        [DataRow("gatt open")]
        public void RefusesAnythingElseWithAReason(string line)
        {
            GattConsoleCommand command = GattConsoleCommand.Parse(line);
            Assert.AreEqual((int)GattConsoleCommandKind.Invalid, (int)command.Kind);
            Assert.IsTrue(command.Error.Length > 0);
        }

        [TestMethod]
        public void AcceptsOnlyGattLines()
        {
            Assert.IsTrue(GattConsoleCommand.Accepts("gatt"));
            Assert.IsTrue(GattConsoleCommand.Accepts("gatt list"));
            Assert.IsFalse(GattConsoleCommand.Accepts("gattlist"));
            Assert.IsFalse(GattConsoleCommand.Accepts("read"));
        }

        [TestMethod]
        public void BondRecordsPrintAsBlueZDoes()
        {
            byte[] record = { 0, 0x05, 0x00, 0x00, 0x67, 0xCF, 0x2C };
            Assert.AreEqual("2C:CF:67:00:00:05", BondAddress.Format(record));
            record[0] = 1;
            Assert.AreEqual("2C:CF:67:00:00:05 (random)", BondAddress.Format(record));
            byte[] address = new byte[BondAddress.AddressLength];
            Assert.IsTrue(BondAddress.TryParse("2C:CF:67:00:00:05", address));
            Assert.IsTrue(BondAddress.Matches(record, address));
            address[0] = 0x06;
            Assert.IsFalse(BondAddress.Matches(record, address));
            Assert.ThrowsException(typeof(ArgumentException), delegate { BondAddress.Format(new byte[6]); });
        }

        [TestMethod]
        public void SettingsRoundTripAndRefuseDamage()
        {
            Assert.AreEqual("mode=open\n", new GattAccessSettings(GattAccessMode.Open).ToText());
            Assert.AreEqual((int)GattAccessMode.Passkey, (int)GattAccessSettings.Parse("mode=passkey\n").Mode);
            Assert.AreEqual((int)GattAccessMode.Bonded, (int)GattAccessSettings.Parse("\n  mode=bonded  \n").Mode);
            Assert.ThrowsException(typeof(ArgumentException), delegate { GattAccessSettings.Parse(""); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GattAccessSettings.Parse("mode=none"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GattAccessSettings.Parse("mode=open\nmode=bonded"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GattAccessSettings.Parse("pin=1234"); });
        }

        [TestMethod]
        public void ModeWordsRoundTrip()
        {
            Assert.AreEqual((int)GattAccessMode.Open, (int)GattAccessModeText.Parse(GattAccessModeText.Of(GattAccessMode.Open)));
            Assert.AreEqual((int)GattAccessMode.Bonded, (int)GattAccessModeText.Parse(GattAccessModeText.Of(GattAccessMode.Bonded)));
            Assert.AreEqual((int)GattAccessMode.Passkey, (int)GattAccessModeText.Parse(GattAccessModeText.Of(GattAccessMode.Passkey)));
        }
    }
}
