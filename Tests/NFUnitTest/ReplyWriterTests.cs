using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The allocation-free text of the gateway paths (issue 16): <see cref="ReplyWriter"/> and the byte forms that must write exactly
    /// what the string forms return (<see cref="BinaryStatusCodec.WriteReplyText"/>, <see cref="NodeCommandText"/>, the byte
    /// <see cref="IntegerText"/> parser, a reused <see cref="GatewayCommand"/>).
    /// </summary>
    [TestClass]
    public class ReplyWriterTests
    {
        [TestMethod]
        public void TextIntegersAndDecimalsAreWrittenAsAscii()
        {
            ReplyWriter writer = new ReplyWriter(32);
            writer.Append("NODE");
            writer.AppendInteger(-12);
            writer.Append(":");
            writer.AppendDecimal(12003, 3);
            Assert.AreEqual("NODE-12:12.003", writer.ToString());
            Assert.AreEqual(14, writer.Length);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void WhatDoesNotFitIsLeftOutAndReported()
        {
            ReplyWriter writer = new ReplyWriter(4);
            writer.Append("ABCDE");
            Assert.AreEqual("ABCD", writer.ToString());
            Assert.IsTrue(writer.Overflowed);
            writer.Clear();
            Assert.AreEqual(0, writer.Length);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void ACharacterOutsideAsciiIsAQuestionMark()
        {
            ReplyWriter writer = new ReplyWriter(8);
            writer.Append("A\u00e9B");
            Assert.AreEqual("A?B", writer.ToString());
        }

        [TestMethod]
        public void TheBinaryStatusIsWrittenAsTheTextItStandsFor()
        {
            SensorReading registers = new SensorReading();
            registers.Set(200, 9602, 300);
            byte[] status = new byte[BinaryStatusCodec.Length];
            ReplyWriter writer = new ReplyWriter(GatewayReplies.MaximumMessageBytes);
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            SensorReading scratch = new SensorReading();
            BinaryStatusKind[] kinds = new BinaryStatusKind[] { BinaryStatusKind.Reading, BinaryStatusKind.SensorAbsent, BinaryStatusKind.SensorFault, BinaryStatusKind.RampCancelled };
            for (int i = 0; i < kinds.Length; i++)
            {
                BinaryStatusCodec.Encode(kinds[i], 37, registers, status);
                writer.Clear();
                Assert.IsTrue(BinaryStatusCodec.WriteReplyText(status, 0, status.Length, scratch, formatter, writer));
                Assert.AreEqual(BinaryStatusCodec.ToReplyText(status, 0, status.Length, scratch, formatter), writer.ToString());
            }

            writer.Clear();
            Assert.IsFalse(BinaryStatusCodec.WriteReplyText(new byte[] { 0x10, 101, 0, 0, 0, 0, 0, 0 }, 0, 8, scratch, formatter, writer)); // duty 101
            Assert.AreEqual(0, writer.Length);
        }

        [TestMethod]
        public void NodeCommandTextIsWhatTheNodeParsesBack()
        {
            NodeCommandKind[] kinds = new NodeCommandKind[] { NodeCommandKind.Read, NodeCommandKind.SetDuty, NodeCommandKind.Ramp, NodeCommandKind.Stop };
            ReplyWriter writer = new ReplyWriter(16);
            for (int i = 0; i < kinds.Length; i++)
            {
                writer.Clear();
                Assert.IsTrue(NodeCommandText.Write(kinds[i], 42, writer));
                string text = NodeCommandText.Of(kinds[i], 42);
                Assert.AreEqual(text, writer.ToString());
                NodeCommand parsed = NodeCommandParser.Parse(text);
                Assert.AreEqual((int)kinds[i], (int)parsed.Kind);
                Assert.AreEqual(kinds[i] == NodeCommandKind.SetDuty ? 42 : 0, parsed.DutyPercent);
            }

            writer.Clear();
            Assert.IsFalse(NodeCommandText.Write(NodeCommandKind.Unknown, 0, writer));
            Assert.IsNull(NodeCommandText.Of(NodeCommandKind.Unknown, 0));
        }

        [TestMethod]
        public void DutyTextIsKeptAfterItsFirstUseAndRightAtEveryDuty()
        {
            for (int duty = 0; duty <= 100; duty++)
            {
                string first = NodeCommandText.Of(NodeCommandKind.SetDuty, duty);
                Assert.AreEqual("duty:" + duty.ToString(), first);
                Assert.IsTrue(object.ReferenceEquals(first, NodeCommandText.Of(NodeCommandKind.SetDuty, duty)), "duty " + duty.ToString() + " made a new text");
            }

            Assert.AreEqual("duty:101", NodeCommandText.Of(NodeCommandKind.SetDuty, 101));
            Assert.AreEqual("duty:-1", NodeCommandText.Of(NodeCommandKind.SetDuty, -1));
        }

        [TestMethod]
        public void IntegerBytesParseAsTheirText()
        {
            string[] texts = new string[] { "50", "-5", "+7", " 12", "5 0", "12.5", "", "-", "99999999999", "-99999999999", "x" };
            for (int i = 0; i < texts.Length; i++)
            {
                byte[] bytes = new byte[texts[i].Length + 2];
                for (int c = 0; c < texts[i].Length; c++)
                {
                    bytes[c + 1] = (byte)texts[i][c];
                }

                int fromText;
                int fromBytes;
                bool textOk = IntegerText.TryParse(texts[i], out fromText);
                bool bytesOk = IntegerText.TryParse(bytes, 1, 1 + texts[i].Length, out fromBytes);
                Assert.AreEqual(textOk, bytesOk, texts[i]);
                Assert.AreEqual(fromText, fromBytes, texts[i]);
            }
        }

        [TestMethod]
        public void AReusedCommandForgetsThePreviousOne()
        {
            GatewayCommand command = GatewayCommandParser.Parse(Bytes("1:FOO"), 5);
            Assert.AreEqual("ERROR:UNKNOWN_CMD:FOO", command.Error);
            byte[] write = Bytes("xx2:duty:30");
            GatewayCommandParser.Parse(write, 2, write.Length - 2, command);
            Assert.IsNull(command.Error);
            Assert.AreEqual("duty", command.Word);
            Assert.AreEqual(2, command.NodeId);
            Assert.AreEqual(30, command.DutyPercent);
            Assert.AreEqual((int)NodeCommandKind.SetDuty, (int)command.NodeKind);
            ReplyWriter writer = new ReplyWriter(16);
            command.WriteWord(writer);
            Assert.AreEqual("duty", writer.ToString());
            Assert.IsTrue(command.WordIs("DUTY"));
        }

        private static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
