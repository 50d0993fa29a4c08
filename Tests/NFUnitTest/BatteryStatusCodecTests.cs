using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using nanoFramework.TestFramework;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The battery monitor over the mesh: the binary command byte 5 and the 8-byte battery statuses (docs/battery-monitor.md).</summary>
    [TestClass]
    public class BatteryStatusCodecTests
    {
        [TestMethod]
        public void BattIsCommandByte5BothWaysAndANodeCommandKind()
        {
            byte[] encoded = new byte[2];
            Assert.IsTrue(BinaryCommandCodec.TryEncode(NodeCommandParser.Parse("batt"), encoded));
            Assert.AreEqual((byte)5, encoded[0]);
            Assert.AreEqual((byte)0, encoded[1]);
            Assert.AreEqual("batt", BinaryCommandCodec.TryDecodeToText(encoded, 0, 2));
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(new byte[] { 5, 1 }, 0, 2));
            Assert.AreEqual((int)NodeCommandKind.Battery, (int)NodeCommandParser.Parse("batt").Kind);
            Assert.AreEqual((int)NodeCommandKind.Unknown, (int)NodeCommandParser.Parse("BATT").Kind, "node text is case-sensitive");
            Assert.AreEqual("batt", NodeCommandText.Of(NodeCommandKind.Battery, 0));
        }

        [TestMethod]
        public void AReadingIsEightBytesAndBecomesTheNodesText()
        {
            BatteryReading reading = new BatteryReading();
            reading.Set(1271, 87, 21);
            byte[] status = new byte[BinaryStatusCodec.Length];
            NodeReply reply = NodeReply.ForBattery(BinaryStatusKind.BatteryReading, reading, 42);
            Assert.AreEqual("BATT:V:12.71V,SOC:87%,T:21C", reply.Text);
            Assert.IsTrue(reply.EncodeBinary(status));
            Assert.AreEqual("185704f70015002a", NodeRegistry.Hex(status, 0, 8));
            Assert.AreEqual("BATT:V:12.71V,SOC:87%,T:21C", BinaryStatusCodec.ToReplyText(status, 0, 8, new SensorReading(), new SensorPayloadFormatter()));
            BatteryReading decoded = new BatteryReading();
            int age;
            Assert.IsTrue(BinaryStatusCodec.TryDecodeBattery(status, 0, 8, decoded, out age));
            Assert.AreEqual(1271, decoded.VoltageCentivolts);
            Assert.AreEqual(42, age);
        }

        [TestMethod]
        public void ANegativeTemperatureIsTwosComplement()
        {
            BatteryReading reading = new BatteryReading();
            reading.Set(1190, 40, -5);
            byte[] status = new byte[8];
            Assert.IsTrue(NodeReply.ForBattery(BinaryStatusKind.BatteryReading, reading, 70000).EncodeBinary(status));
            Assert.AreEqual("182804a6fffbffff", NodeRegistry.Hex(status, 0, 8), "age saturates at 65535 s");
            ReplyWriter text = new ReplyWriter(64);
            Assert.IsTrue(BinaryStatusCodec.WriteReplyText(status, 0, 8, new SensorReading(), new SensorPayloadFormatter(), text));
            Assert.AreEqual("BATT:V:11.90V,SOC:40%,T:-5C", text.ToString());
        }

        [TestMethod]
        public void TheTwoErrorsHaveTheirOwnKinds()
        {
            byte[] status = new byte[8];
            Assert.IsTrue(NodeReply.ForBattery(BinaryStatusKind.NoBatteryMonitor, null, 0).EncodeBinary(status));
            Assert.AreEqual("1900000000000000", NodeRegistry.Hex(status, 0, 8));
            Assert.AreEqual("BATT:ERROR:NO_BATTERY_MONITOR", BinaryStatusCodec.ToReplyText(status, 0, 8, new SensorReading(), new SensorPayloadFormatter()));
            NodeReply unreachable = NodeReply.ForBattery(BinaryStatusKind.BatteryMonitorUnreachable, null, 0);
            Assert.AreEqual("BATT:ERROR:BATTERY_MONITOR_UNREACHABLE", unreachable.Text);
            Assert.IsTrue(unreachable.EncodeBinary(status));
            Assert.AreEqual((byte)0x1A, status[0]);
            Assert.AreEqual("BATT:ERROR:BATTERY_MONITOR_UNREACHABLE", BinaryStatusCodec.ToReplyText(status, 0, 8, new SensorReading(), new SensorPayloadFormatter()));
        }

        [TestMethod]
        public void OutOfRangeBatteryStatusesAreRejected()
        {
            SensorReading scratch = new SensorReading();
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x18, 101, 0, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter), "SoC 101");
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x18, 50, 0x10, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter), "voltage above 12 bits");
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x18, 50, 0, 0, 0x01, 0x00, 0, 0 }, 0, 8, scratch, formatter), "256 °C");
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x1B, 0, 0, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter), "kind 11");
            int age;
            Assert.IsFalse(BinaryStatusCodec.TryDecodeBattery(new byte[] { 0x10, 50, 0, 0, 0, 0, 0, 0 }, 0, 8, new BatteryReading(), out age), "a load reading is no battery reading");
        }
    }
}
