using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The one 32-bit little-endian reader/writer of the uplink's byte formats (mesh messages, readings, the queue and meter files):
    /// least significant byte first, every bit of the top byte kept (no sign extension), only the four bytes at the offset touched.
    /// </summary>
    [TestClass]
    public class LittleEndianTests
    {
        [TestMethod]
        public void TheLeastSignificantByteComesFirst()
        {
            byte[] bytes = new byte[4];
            LittleEndian.Write32(bytes, 0, 0x12345678);
            Assert.AreEqual((byte)0x78, bytes[0]);
            Assert.AreEqual((byte)0x56, bytes[1]);
            Assert.AreEqual((byte)0x34, bytes[2]);
            Assert.AreEqual((byte)0x12, bytes[3]);
            Assert.AreEqual(0x12345678u, LittleEndian.Read32(bytes, 0));
        }

        [TestMethod]
        public void TheTopBitIsAValueBitNotASign()
        {
            byte[] bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF };
            Assert.AreEqual(4294967295u, LittleEndian.Read32(bytes, 0));
            bytes = new byte[] { 0x00, 0x00, 0x00, 0x80 };
            Assert.AreEqual(2147483648u, LittleEndian.Read32(bytes, 0));
            bytes = new byte[] { 0x80, 0x80, 0x80, 0x00 };
            Assert.AreEqual(0x00808080u, LittleEndian.Read32(bytes, 0), "a high bit in a low byte is not sign-extended into the next");
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(255)]
        [DataRow(256)]
        [DataRow(65535)]
        [DataRow(16777216)]
        [DataRow(2147483647)]
        [DataRow(-2147483648)]
        [DataRow(-1)]
        public void EveryValueRoundTripsAtAnOffset(int bits)
        {
            uint value = unchecked((uint)bits);
            byte[] bytes = new byte[9];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = 0xA5;
            }

            LittleEndian.Write32(bytes, 3, value);
            Assert.AreEqual(value, LittleEndian.Read32(bytes, 3));
            Assert.AreEqual((byte)0xA5, bytes[2], "the byte before is untouched");
            Assert.AreEqual((byte)0xA5, bytes[7], "the byte after is untouched");
            Assert.AreEqual((byte)value, bytes[3]);
            Assert.AreEqual((byte)(value >> 24), bytes[6]);
        }

        [TestMethod]
        public void FieldsPastTheEndAreRefused()
        {
            byte[] bytes = new byte[6];
            Assert.AreEqual(0u, LittleEndian.Read32(bytes, 2), "the last whole field");
            Assert.ThrowsException(typeof(IndexOutOfRangeException), delegate { LittleEndian.Read32(bytes, 3); });
            Assert.ThrowsException(typeof(IndexOutOfRangeException), delegate { LittleEndian.Write32(bytes, 3, 1); });
        }
    }
}
