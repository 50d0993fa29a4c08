using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// A node's answer in both forms (the text the seed sends, and the 8-byte binary status a gateway turns back into the same
    /// text), and the node log that prefixes its component and never lets a failing console break the writer.
    /// </summary>
    [TestClass]
    public class NodeReplyTests
    {
        private static string s_lastLine;
        private static int s_lines;

        [TestMethod]
        public void AReadingsBinaryFormBecomesTheSameTextAtTheGateway()
        {
            SensorReading reading = new SensorReading();
            reading.Set(0x00C8, 0x2580, 0x012C); // 250 mA, 12 V, 3 W
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            string text = formatter.Format(50, reading.BusVoltageMicrovolts, reading.CurrentMicroamps);
            NodeReply reply = NodeReply.ForReading(text, 50, reading);
            Assert.IsTrue(reply.HasBinaryForm);
            Assert.AreEqual(BinaryStatusKind.Reading, reply.Kind);
            Assert.AreEqual(text, reply.Text);

            byte[] binary = new byte[BinaryStatusCodec.Length];
            Assert.IsTrue(reply.EncodeBinary(binary));
            Assert.AreEqual((byte)0x10, binary[0], "version 1, kind reading");
            Assert.AreEqual((byte)50, binary[1]);
            Assert.AreEqual((byte)0x00, binary[2]);
            Assert.AreEqual((byte)0xC8, binary[3]);
            Assert.AreEqual((byte)0x25, binary[4]);
            Assert.AreEqual((byte)0x80, binary[5]);
            Assert.AreEqual((byte)0x01, binary[6]);
            Assert.AreEqual((byte)0x2C, binary[7]);
            Assert.AreEqual(text, BinaryStatusCodec.ToReplyText(binary, 0, binary.Length, new SensorReading(), new SensorPayloadFormatter()));
        }

        [TestMethod]
        public void TheReplyKeepsTheRegistersItWasMadeFrom()
        {
            SensorReading reading = new SensorReading();
            reading.Set(1, 2, 3);
            NodeReply reply = NodeReply.ForReading("x", 10, reading);
            reading.Set(0xFFFF, 0xFFFF, 0xFFFF); // the sensor worker reuses its reading
            byte[] binary = new byte[BinaryStatusCodec.Length];
            reply.EncodeBinary(binary);
            Assert.AreEqual((byte)1, binary[3]);
            Assert.AreEqual((byte)2, binary[5]);
            Assert.AreEqual((byte)3, binary[7]);
        }

        [TestMethod]
        public void AReusedReadingReplyGivesTheSameTextAndBinaryAsANewOne()
        {
            SensorReading reading = new SensorReading();
            reading.Set(0x00C8, 0x2582, 0x012C); // 250 mA, 12.0025 V, 3 W
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            NodeReply expected = NodeReply.ForReading(formatter.Format(50, reading.BusVoltageMicrovolts, reading.CurrentMicroamps), 50, reading);
            NodeReply reused = NodeReply.ForReusedReading(new SensorPayloadFormatter());
            reused.SetReading(50, reading);

            Assert.AreEqual(expected.Text, reused.Text);
            Assert.AreEqual(50, reused.DutyPercent);
            Assert.AreEqual(BinaryStatusKind.Reading, reused.Kind);
            byte[] expectedBinary = new byte[BinaryStatusCodec.Length];
            byte[] reusedBinary = new byte[BinaryStatusCodec.Length];
            Assert.IsTrue(expected.EncodeBinary(expectedBinary));
            Assert.IsTrue(reused.EncodeBinary(reusedBinary));
            for (int i = 0; i < BinaryStatusCodec.Length; i++)
            {
                Assert.AreEqual(expectedBinary[i], reusedBinary[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void WritingAReplysTextGivesTheSameBytesAsItsText()
        {
            SensorReading reading = new SensorReading();
            reading.Set(0x00C8, 0x2582, 0x012C); // 250 mA, 12.0025 V, 3 W
            NodeReply reused = NodeReply.ForReusedReading(new SensorPayloadFormatter());
            ReplyWriter writer = new ReplyWriter(64);
            NodeReply[] replies = { reused, NodeReply.TextOnly(NodeReplies.Unknown("jump")), NodeReply.ForStatus(NodeReplies.RampCancelled, BinaryStatusKind.RampCancelled, 0) };
            for (int duty = 0; duty <= 100; duty += 50)
            {
                reused.SetReading(duty, reading);
                for (int i = 0; i < replies.Length; i++)
                {
                    writer.Clear();
                    replies[i].WriteText(writer); // before Text: the reused reply must not depend on a formatted text
                    Assert.IsFalse(writer.Overflowed);
                    Assert.AreEqual(replies[i].Text, writer.ToString(), "reply " + i.ToString() + " at duty " + duty.ToString());
                }
            }
        }

        [TestMethod]
        public void WritingAReplysTextToNoWriterIsRefused()
        {
            NodeReply reply = NodeReply.TextOnly(NodeReplies.Unknown("jump"));
            Assert.ThrowsException(typeof(System.ArgumentNullException), delegate { reply.WriteText(null); });
        }

        [TestMethod]
        public void RefillingAReusedReadingReplyReplacesItsTextAndRegisters()
        {
            SensorReading reading = new SensorReading();
            reading.Set(0x00C8, 0x2580, 0x012C);
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            NodeReply reused = NodeReply.ForReusedReading(new SensorPayloadFormatter());
            reused.SetReading(50, reading);
            string first = reused.Text;

            reading.Set(0x0064, 0x1000, 0x0010);
            reused.SetReading(75, reading);
            Assert.AreEqual(formatter.Format(75, reading.BusVoltageMicrovolts, reading.CurrentMicroamps), reused.Text);
            Assert.AreNotEqual(first, reused.Text);
            byte[] binary = new byte[BinaryStatusCodec.Length];
            reused.EncodeBinary(binary);
            Assert.AreEqual((byte)75, binary[1]);
            Assert.AreEqual((byte)0x64, binary[3]);
            Assert.AreEqual((byte)0x10, binary[4]);
        }

        [TestMethod]
        public void OnlyAReusedReadingReplyCanBeRefilled()
        {
            NodeReply fixedReply = NodeReply.ForStatus(NodeReplies.RampCancelled, BinaryStatusKind.RampCancelled, 0);
            Assert.ThrowsException(typeof(System.InvalidOperationException), delegate { fixedReply.SetReading(10, new SensorReading()); });
            Assert.ThrowsException(typeof(System.ArgumentNullException), delegate { NodeReply.ForReusedReading(null); });
        }

        [TestMethod]
        public void StatusRepliesCarryTheirKindAndDutyWithoutRegisters()
        {
            NodeReply absent = NodeReply.ForStatus(NodeReplies.SensorAbsent(30), BinaryStatusKind.SensorAbsent, 30);
            byte[] binary = new byte[BinaryStatusCodec.Length];
            for (int i = 0; i < binary.Length; i++)
            {
                binary[i] = 0xEE;
            }

            Assert.IsTrue(absent.EncodeBinary(binary));
            Assert.AreEqual((byte)0x11, binary[0]);
            Assert.AreEqual((byte)30, binary[1]);
            for (int i = 2; i < binary.Length; i++)
            {
                Assert.AreEqual((byte)0, binary[i], "byte " + i.ToString());
            }

            Assert.AreEqual(absent.Text, BinaryStatusCodec.ToReplyText(binary, 0, binary.Length, new SensorReading(), new SensorPayloadFormatter()));
            NodeReply cancelled = NodeReply.ForStatus(NodeReplies.RampCancelled, BinaryStatusKind.RampCancelled, 0);
            Assert.IsTrue(cancelled.EncodeBinary(binary));
            Assert.AreEqual(NodeReplies.RampCancelled, BinaryStatusCodec.ToReplyText(binary, 0, binary.Length, new SensorReading(), new SensorPayloadFormatter()));
        }

        [TestMethod]
        public void TextOnlyRepliesHaveNoBinaryFormAndWriteNothing()
        {
            NodeReply reply = NodeReply.TextOnly(NodeReplies.Unknown("jump"));
            Assert.IsFalse(reply.HasBinaryForm);
            Assert.AreEqual("ERR:UNKNOWN:jump", reply.Text);
            byte[] binary = new byte[] { 9, 9, 9, 9, 9, 9, 9, 9 };
            Assert.IsFalse(reply.EncodeBinary(binary));
            for (int i = 0; i < binary.Length; i++)
            {
                Assert.AreEqual((byte)9, binary[i]);
            }
        }

        [TestMethod]
        public void LogLinesNameTheirComponentAndReachTheAttachedSink()
        {
            NodeLog log = new NodeLog();
            s_lastLine = null;
            s_lines = 0;
            log.Write("boot", "nobody listens yet"); // no sink: only the debugger
            log.Attach(Record);
            log.Write("uplink", "connected to 10.0.0.2:1883");
            Assert.AreEqual("[uplink] connected to 10.0.0.2:1883", s_lastLine);
            Assert.AreEqual(1, s_lines);
            log.Attach(null);
            log.Write("uplink", "gone");
            Assert.AreEqual(1, s_lines, "a detached sink hears nothing");
        }

        [TestMethod]
        public void AFailingSinkNeverBreaksTheWriter()
        {
            NodeLog log = new NodeLog();
            log.Attach(Fail);
            log.Write("sensor", "the console port is closed"); // must not throw
            s_lines = 0;
            log.Attach(Record);
            log.Write("sensor", "after");
            Assert.AreEqual(1, s_lines, "the log still works with the next sink");
            Assert.AreEqual("[sensor] after", s_lastLine);
        }

        private static void Record(string line)
        {
            s_lastLine = line;
            s_lines++;
        }

        private static void Fail(string line)
        {
            throw new System.InvalidOperationException("port closed: " + line);
        }
    }
}
