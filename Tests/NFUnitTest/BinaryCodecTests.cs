using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The compact mesh payloads of ARCHITECTURE §7: a status fits one unsegmented message (8 bytes).</summary>
    [TestClass]
    public class BinaryCodecTests
    {
        [DataRow("read", 1, 0)]
        [DataRow("s", 2, 0)]
        [DataRow("r", 3, 0)]
        [DataRow("duty:75", 4, 75)]
        [DataRow("duty:150", 4, 100)]
        public void CommandsEncodeToTwoBytesAndDecodeToTheSameText(string text, int command, int duty)
        {
            byte[] encoded = new byte[BinaryCommandCodec.Length];
            Assert.IsTrue(BinaryCommandCodec.TryEncode(NodeCommandParser.Parse(text), encoded));
            Assert.AreEqual((byte)command, encoded[0]);
            Assert.AreEqual((byte)duty, encoded[1]);
            string decoded = BinaryCommandCodec.TryDecodeToText(encoded, 0, 2);
            Assert.AreEqual((int)NodeCommandParser.Parse(text).Kind, (int)NodeCommandParser.Parse(decoded).Kind);
            Assert.AreEqual(NodeCommandParser.Parse(text).DutyPercent, NodeCommandParser.Parse(decoded).DutyPercent);
        }

        [TestMethod]
        public void TextTheBinaryFormDoesNotCarryIsNotEncoded()
        {
            byte[] encoded = new byte[2];
            Assert.IsFalse(BinaryCommandCodec.TryEncode(NodeCommandParser.Parse("hello"), encoded));
            Assert.IsFalse(BinaryCommandCodec.TryEncode(NodeCommandParser.Parse("duty:x"), encoded));
        }

        [TestMethod]
        public void MalformedBinaryCommandsAreRejected()
        {
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(new byte[] { 4, 101 }, 0, 2));
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(new byte[] { 9, 0 }, 0, 2));
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(new byte[] { 1, 0, 0 }, 0, 3));
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(new byte[] { 1, 7 }, 0, 2));
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(null, 0, 2));
        }

        [TestMethod]
        public void AGroupCommandCarriesItsResponseWindowOnlyWhenLongerThanTheStandard500Milliseconds()
        {
            byte[] encoded = new byte[BinaryCommandCodec.WindowedLength];
            Assert.IsTrue(BinaryCommandCodec.TryEncode(NodeCommandParser.Parse("read"), encoded));
            Assert.AreEqual(BinaryCommandCodec.Length, BinaryCommandCodec.WriteResponseWindow(encoded, 500));
            Assert.AreEqual(500, BinaryCommandCodec.ResponseWindowMillisecondsOf(encoded, 0, BinaryCommandCodec.Length));

            Assert.AreEqual(BinaryCommandCodec.WindowedLength, BinaryCommandCodec.WriteResponseWindow(encoded, 6250));
            Assert.AreEqual((byte)63, encoded[2], "rounded up to whole 100 ms");
            Assert.AreEqual("read", BinaryCommandCodec.TryDecodeToText(encoded, 0, 3));
            Assert.AreEqual(6300, BinaryCommandCodec.ResponseWindowMillisecondsOf(encoded, 0, 3));

            BinaryCommandCodec.WriteResponseWindow(encoded, 60000);
            Assert.AreEqual((byte)255, encoded[2], "at most 25.5 s");
            Assert.IsNull(BinaryCommandCodec.TryDecodeToText(new byte[] { 1, 0, 4 }, 0, 3), "a window below 500 ms is malformed");
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), delegate { BinaryCommandCodec.WriteResponseWindow(encoded, -1); });
        }

        [TestMethod]
        public void AReadingIsEightBytesAndBecomesTheSameTextTheNodeWouldSend()
        {
            SensorReading reading = new SensorReading();
            reading.Set(0x00C8, 0x2582, 0x012C); // 250.00 mA, 12.0025 V, 3.00 W
            byte[] status = new byte[BinaryStatusCodec.Length];
            BinaryStatusCodec.Encode(BinaryStatusKind.Reading, 50, reading, status);
            Assert.AreEqual(8, status.Length);
            Assert.AreEqual((byte)0x10, status[0]);
            Assert.AreEqual((byte)50, status[1]);
            Assert.AreEqual((byte)0x00, status[2]);
            Assert.AreEqual((byte)0xC8, status[3]);

            string text = BinaryStatusCodec.ToReplyText(status, 0, 8, new SensorReading(), new SensorPayloadFormatter());
            Assert.AreEqual(new SensorPayloadFormatter().Format(50, reading.BusVoltageMicrovolts, reading.CurrentMicroamps), text);
            Assert.AreEqual("D:50%,V:12.003V,I:250.00mA,P:3000.6mW", text);
        }

        [TestMethod]
        public void ErrorStatusesBecomeTheNodesErrorTexts()
        {
            byte[] status = new byte[8];
            SensorReading scratch = new SensorReading();
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            BinaryStatusCodec.Encode(BinaryStatusKind.SensorAbsent, 30, null, status);
            Assert.AreEqual("ERR:SENSOR_ABSENT,D:30%", BinaryStatusCodec.ToReplyText(status, 0, 8, scratch, formatter));
            BinaryStatusCodec.Encode(BinaryStatusKind.SensorFault, 0, null, status);
            Assert.AreEqual("ERR:SENSOR_FAULT,D:0%", BinaryStatusCodec.ToReplyText(status, 0, 8, scratch, formatter));
            BinaryStatusCodec.Encode(BinaryStatusKind.RampCancelled, 0, null, status);
            Assert.AreEqual("ERR:RAMP_CANCELLED", BinaryStatusCodec.ToReplyText(status, 0, 8, scratch, formatter));
        }

        [TestMethod]
        public void MalformedStatusesAreRejected()
        {
            SensorReading scratch = new SensorReading();
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[7], 0, 7, scratch, formatter));
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x20, 0, 0, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter)); // version 2
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x14, 0, 0, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter)); // kind 4
            Assert.IsNull(BinaryStatusCodec.ToReplyText(new byte[] { 0x10, 101, 0, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter)); // duty 101
        }
    }
}
