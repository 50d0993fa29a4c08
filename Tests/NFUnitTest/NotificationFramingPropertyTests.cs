using System;
using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Property test of the chunked framing against the Pi's reassembly rule (seed protocol §3): thousands of random
    /// printable messages of 1–127 bytes, rich in <c>+</c> and blanks, are chunked and reassembled as the Pi does
    /// (decode, Python's <c>strip()</c>, a <c>+</c> start is buffered, anything else completes the message). Every message
    /// that some split can carry must come back exactly, in exactly one message; the others come back made safe.
    /// </summary>
    [TestClass]
    public class NotificationFramingPropertyTests
    {
        private const int Messages = 4000;
        private const int MaximumLength = 127;

        [TestMethod]
        public void RandomMessagesSurviveThePiReassembly()
        {
            var chunker = new NotificationChunker(MaximumLength);
            byte[] message = new byte[MaximumLength];
            byte[] chunk = new byte[NotificationChunker.ChunkSize];
            uint state = 0x2545F491;
            int exact = 0;
            int madeSafe = 0;
            for (int run = 0; run < Messages; run++)
            {
                int length = 1 + (int)(Next(ref state) % MaximumLength);
                for (int i = 0; i < length; i++)
                {
                    message[i] = RandomCharacter(ref state, i == 0 || i == length - 1);
                }

                string original = Text(message, length);
                bool framable = Framable(original);
                string expected = framable ? original : MadeSafe(original);

                int chunks = chunker.Plan(message, length);
                Assert.AreEqual(framable, chunker.WasExact, "exactness of \"" + original + "\"");
                string buffer = string.Empty;
                int completed = 0;
                string received = null;
                for (int index = 0; index < chunks; index++)
                {
                    int chunkLength = chunker.WriteChunk(message, index, chunk);
                    Assert.IsTrue(chunkLength >= 1 && chunkLength <= NotificationChunker.ChunkSize, "chunk length " + chunkLength);
                    string text = PythonStrip(Text(chunk, chunkLength));
                    if (text.Length > 0 && text[0] == '+')
                    {
                        buffer += text.Substring(1);
                        continue;
                    }

                    received = buffer + text;
                    buffer = string.Empty;
                    completed++;
                }

                Assert.AreEqual(1, completed, "messages completed for \"" + original + "\"");
                Assert.AreEqual(string.Empty, buffer, "left in the Pi's buffer after \"" + original + "\"");
                Assert.AreEqual(expected, received, "reassembled \"" + original + "\"");
                if (framable)
                {
                    exact++;
                }
                else
                {
                    madeSafe++;
                }
            }

            // Both paths were exercised, and most messages go through exactly.
            Assert.IsTrue(exact > Messages / 2, "exact: " + exact);
            Assert.IsTrue(madeSafe > 0, "made safe: " + madeSafe);
        }

        [TestMethod]
        public void TheSeedSplitIsKeptWhenItIsAlreadySafe()
        {
            var chunker = new NotificationChunker(MaximumLength);
            byte[] message = Bytes("NODE1:DATA:D:50%,V:12.003V,I:250.00mA,P:3000.8mW");
            Assert.AreEqual(3, chunker.Plan(message, message.Length));
            Assert.IsTrue(chunker.WasExact);
            Assert.AreEqual("+NODE1:DATA:D:50%,V:", Chunk(chunker, message, 0));
            Assert.AreEqual("+12.003V,I:250.00mA,", Chunk(chunker, message, 1));
            Assert.AreEqual("P:3000.8mW", Chunk(chunker, message, 2));
        }

        [TestMethod]
        public void AnEchoWhoseSeedLastChunkWouldStartWithPlusIsSplitOtherwise()
        {
            // 21 bytes: the seed split leaves "+B" as the last chunk, which the Pi would buffer and glue to the next reply.
            string message = "ERROR:UNKNOWN_CMD:A+B";
            var chunker = new NotificationChunker(MaximumLength);
            byte[] bytes = Bytes(message);
            int chunks = chunker.Plan(bytes, bytes.Length);
            Assert.IsTrue(chunker.WasExact);
            Assert.IsFalse(Chunk(chunker, bytes, chunks - 1)[0] == '+', "the last chunk starts with '+'");
            Assert.AreEqual(message, Reassemble(chunker, bytes, chunks));
        }

        [TestMethod]
        public void ABlankAtASeedChunkEdgeIsNotLost()
        {
            // The seed split's first chunk would be "+ERROR:UNKNOWN_CMD: ", whose blank the Pi strips.
            string message = "ERROR:UNKNOWN_CMD: ABCDEFGHIJKLMNOP";
            var chunker = new NotificationChunker(MaximumLength);
            byte[] bytes = Bytes(message);
            int chunks = chunker.Plan(bytes, bytes.Length);
            Assert.IsTrue(chunker.WasExact);
            for (int index = 0; index < chunks; index++)
            {
                string text = Chunk(chunker, bytes, index);
                Assert.IsFalse(text[text.Length - 1] == ' ', "chunk " + index + " ends with a blank: \"" + text + "\"");
            }

            Assert.AreEqual(message, Reassemble(chunker, bytes, chunks));
        }

        [TestMethod]
        public void AMessageEndingInSpacedLettersCannotBeCarriedAndIsMadeSafe()
        {
            // Every byte that could start the last notification follows a blank, which would end the piece before it.
            var chunker = new NotificationChunker(MaximumLength);
            byte[] bytes = Bytes("ERROR:UNKNOWN_CMD: A B C D E F G H I J");
            chunker.Plan(bytes, bytes.Length);
            Assert.IsFalse(chunker.WasExact);
            Assert.AreEqual("ERROR:UNKNOWN_CMD:_A_B_C_D_E_F_G_H_I_J", Text(bytes, bytes.Length));
        }

        [TestMethod]
        public void AMessageNoSplitCanCarryIsMadeSafe()
        {
            var chunker = new NotificationChunker(MaximumLength);
            byte[] message = Bytes("ERROR:UNKNOWN_CMD:++++++++++++++++++++++");
            int chunks = chunker.Plan(message, message.Length);
            Assert.IsFalse(chunker.WasExact);
            Assert.AreEqual("ERROR:UNKNOWN_CMD:______________________", Text(message, message.Length));
            Assert.AreEqual(3, chunks);
        }

        [TestMethod]
        public void LengthsOutsideTheChunkersRangeAreRefused()
        {
            var chunker = new NotificationChunker(40);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => chunker.Plan(new byte[41], 41));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => chunker.Plan(new byte[1], 0));
        }

        private static string Reassemble(NotificationChunker chunker, byte[] message, int chunks)
        {
            string buffer = string.Empty;
            for (int index = 0; index < chunks; index++)
            {
                string text = PythonStrip(Chunk(chunker, message, index));
                if (text.Length > 0 && text[0] == '+')
                {
                    buffer += text.Substring(1);
                    continue;
                }

                Assert.AreEqual(chunks - 1, index, "a message completed before its last chunk");
                return buffer + text;
            }

            Assert.IsTrue(false, "no chunk completed the message");
            return null;
        }

        /// <summary>True when some sequence of chunks carries the message exactly through the Pi's rule (the definition, by search).</summary>
        private static bool Framable(string message)
        {
            sbyte[] memo = new sbyte[message.Length + 1];
            return Carries(message, 0, memo);
        }

        private static bool Carries(string message, int position, sbyte[] memo)
        {
            if (memo[position] != 0)
            {
                return memo[position] > 0;
            }

            int remaining = message.Length - position;
            bool result = remaining <= NotificationChunker.ChunkSize && PythonStrip(message.Substring(position)) == message.Substring(position)
                && message[position] != '+';
            for (int piece = 1; !result && piece < remaining && piece <= NotificationChunker.ChunkSize - 1; piece++)
            {
                string notification = "+" + message.Substring(position, piece);
                result = PythonStrip(notification) == notification && Carries(message, position + piece, memo);
            }

            memo[position] = result ? (sbyte)1 : (sbyte)-1;
            return result;
        }

        private static string MadeSafe(string message)
        {
            char[] characters = message.ToCharArray();
            for (int i = 0; i < characters.Length; i++)
            {
                if (characters[i] == '+' || IsPythonWhiteSpace(characters[i]))
                {
                    characters[i] = '_';
                }
            }

            return new string(characters);
        }

        private static string PythonStrip(string text)
        {
            int start = 0;
            int end = text.Length;
            while (start < end && IsPythonWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && IsPythonWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return text.Substring(start, end - start);
        }

        /// <summary>Python's <c>str.isspace()</c> for ASCII: \t \n \v \f \r, 0x1C–0x1F and space.</summary>
        private static bool IsPythonWhiteSpace(char c)
        {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= (char)0x1C && c <= (char)0x1F);
        }

        private static byte RandomCharacter(ref uint state, bool atAnEnd)
        {
            uint draw = Next(ref state) % 100;
            if (atAnEnd && draw < 50)
            {
                return (byte)('A' + (Next(ref state) % 26));
            }

            if (draw < 30)
            {
                return (byte)'+';
            }

            if (draw < 55)
            {
                return (byte)' ';
            }

            if (draw < 58)
            {
                return (byte)'\t';
            }

            return (byte)(0x21 + (Next(ref state) % 94));
        }

        /// <summary>xorshift32: the same sequence on nanoCLR and here, unlike System.Random.</summary>
        private static uint Next(ref uint state)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return state;
        }

        private static string Chunk(NotificationChunker chunker, byte[] message, int index)
        {
            byte[] chunk = new byte[NotificationChunker.ChunkSize];
            return Text(chunk, chunker.WriteChunk(message, index, chunk));
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

        private static string Text(byte[] bytes, int length)
        {
            char[] characters = new char[length];
            for (int i = 0; i < length; i++)
            {
                characters[i] = (char)bytes[i];
            }

            return new string(characters);
        }
    }
}
