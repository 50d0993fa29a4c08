using System;
using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The 20-byte chunk framing of seed protocol §3, with its own examples.</summary>
    [TestClass]
    public class NotificationChunkerTests
    {
        [TestMethod]
        public void SpecificationExampleOf48Bytes()
        {
            string[] chunks = Chunk("NODE1:DATA:D:50%,V:12.003V,I:250.00mA,P:3000.8mW");
            Assert.AreEqual(3, chunks.Length);
            Assert.AreEqual("+NODE1:DATA:D:50%,V:", chunks[0]);
            Assert.AreEqual("+12.003V,I:250.00mA,", chunks[1]);
            Assert.AreEqual("P:3000.8mW", chunks[2]);
        }

        [TestMethod]
        public void TwentyBytesAreOneNotification()
        {
            string[] chunks = Chunk("ERROR:MESH_SEND_FAIL");
            Assert.AreEqual(1, chunks.Length);
            Assert.AreEqual("ERROR:MESH_SEND_FAIL", chunks[0]);
        }

        [TestMethod]
        public void TwentyOneBytesArePlusNineteenThenTwo()
        {
            string[] chunks = Chunk("ERROR:MESH_SEND_FAIL!");
            Assert.AreEqual(2, chunks.Length);
            Assert.AreEqual("+ERROR:MESH_SEND_FAI", chunks[0]);
            Assert.AreEqual("L!", chunks[1]);
        }

        [DataRow(1, 1)]
        [DataRow(20, 1)]
        [DataRow(21, 2)]
        [DataRow(39, 2)]
        [DataRow(40, 3)]
        [DataRow(127, 7)]
        public void ChunkCounts(int length, int chunks)
        {
            Assert.AreEqual(chunks, Chunk("M" + new string('x', length - 1)).Length);
        }

        [TestMethod]
        public void ReassemblingAsThePiDoesGivesTheMessageBack()
        {
            for (int length = 1; length <= 127; length++)
            {
                char[] characters = new char[length];
                characters[0] = 'M';
                for (int i = 1; i < length; i++)
                {
                    characters[i] = (char)('a' + (i % 26));
                }

                string message = new string(characters);

                string buffer = string.Empty;
                string[] chunks = Chunk(message);
                for (int i = 0; i < chunks.Length; i++)
                {
                    Assert.IsTrue(chunks[i].Length <= 20);
                    if (chunks[i][0] == '+')
                    {
                        Assert.IsTrue(i < chunks.Length - 1, "only non-final chunks are marked");
                        buffer += chunks[i].Substring(1);
                    }
                    else
                    {
                        Assert.AreEqual(chunks.Length - 1, i);
                        buffer += chunks[i];
                    }
                }

                Assert.AreEqual(message, buffer);
            }
        }

        [TestMethod]
        public void AMessageStartingWithPlusTravelsBehindAContinuationAndNoLengthIsRefused()
        {
            // The Pi takes "++" for a continuation carrying "+", then "x" completes "+x".
            string[] chunks = Chunk("+x");
            Assert.AreEqual(2, chunks.Length);
            Assert.AreEqual("++", chunks[0]);
            Assert.AreEqual("x", chunks[1]);
            var chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { chunker.Plan(new byte[0], 0); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { chunker.Plan(new byte[200], GatewayReplies.MaximumMessageBytes + 1); });
        }

        [TestMethod]
        public void IndexesOutsideThePlanAreRefused()
        {
            var chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);
            byte[] message = new byte[45];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)'N';
            }

            byte[] destination = new byte[NotificationChunker.ChunkSize];
            Assert.AreEqual(3, chunker.Plan(message, 45));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { chunker.WriteChunk(message, -1, destination); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { chunker.WriteChunk(message, 3, destination); });
            Assert.AreEqual(7, chunker.WriteChunk(message, 2, destination), "45 = 19 + 19 + 7");
        }

        [TestMethod]
        public void OnlyTheGivenLengthIsChunkedAndAPlusInsideIsData()
        {
            string[] chunks = Chunk("A+B");
            Assert.AreEqual(1, chunks.Length);
            Assert.AreEqual("A+B", chunks[0]);
            byte[] buffer = new byte[64];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)'x';
            }

            byte[] destination = new byte[NotificationChunker.ChunkSize];
            var chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);
            Assert.AreEqual(1, chunker.Plan(buffer, 5));
            Assert.AreEqual(5, chunker.WriteChunk(buffer, 0, destination), "the rest of the buffer is not sent");
        }

        [TestMethod]
        public void TheLongestGatewayMessageNeverExceedsTwentyBytesPerNotification()
        {
            string message = "N" + new string('9', GatewayReplies.MaximumMessageBytes - 1);
            string[] chunks = Chunk(message);
            Assert.AreEqual(7, chunks.Length, "127 = 6 × 19 + 13");
            string joined = "";
            for (int i = 0; i < chunks.Length; i++)
            {
                Assert.IsTrue(chunks[i].Length <= NotificationChunker.ChunkSize, "chunk " + i.ToString());
                joined += i < chunks.Length - 1 ? chunks[i].Substring(1) : chunks[i];
            }

            Assert.AreEqual(message, joined);
        }

        private static string[] Chunk(string message)
        {
            byte[] bytes = new byte[message.Length];
            for (int i = 0; i < message.Length; i++)
            {
                bytes[i] = (byte)message[i];
            }

            var chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);
            int count = chunker.Plan(bytes, bytes.Length);
            string[] chunks = new string[count];
            byte[] chunk = new byte[NotificationChunker.ChunkSize];
            for (int i = 0; i < count; i++)
            {
                int length = chunker.WriteChunk(bytes, i, chunk);
                char[] text = new char[length];
                for (int j = 0; j < length; j++)
                {
                    text[j] = (char)chunk[j];
                }

                chunks[i] = new string(text);
            }

            return chunks;
        }
    }
}
