using System;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>The emulated SpanByte follows CoreLibrary 1.x's (bounds, slicing, implicit conversion).</summary>
    public class SpanByteTests
    {
        [Fact]
        public void AnArrayConvertsImplicitlyAndWritesGoThrough()
        {
            byte[] array = { 1, 2, 3, 4 };
            SpanByte span = array;
            span[1] = 20;
            Assert.Equal(4, span.Length);
            Assert.Equal(20, array[1]);
        }

        [Fact]
        public void SlicesAreWindowsOntoTheSameArray()
        {
            byte[] array = { 1, 2, 3, 4, 5 };
            SpanByte middle = new SpanByte(array).Slice(1, 3);
            middle[0] = 9;
            Assert.Equal(new byte[] { 9, 3, 4 }, middle.ToArray());
            Assert.Equal(9, array[1]);
            Assert.Equal(new byte[] { 4 }, middle.Slice(2).ToArray());
        }

        [Fact]
        public void IndexesOutsideTheSpanThrowArgumentOutOfRange()
        {
            byte[] array = { 1, 2, 3, 4 };
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(array, 1, 2)[2]);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(array, 1, 2)[-1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(array, 3, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(array).Slice(2, 3));
        }

        [Fact]
        public void CopyToNeedsRoom()
        {
            byte[] source = { 1, 2, 3 };
            byte[] small = new byte[2];
            Assert.Throws<ArgumentException>(() => new SpanByte(source).CopyTo(small));
            byte[] big = new byte[4];
            new SpanByte(source).CopyTo(big);
            Assert.Equal(new byte[] { 1, 2, 3, 0 }, big);
        }

        [Fact]
        public void EmptyAndNull()
        {
            Assert.True(SpanByte.Empty.IsEmpty);
            Assert.Equal(0, new SpanByte(null).Length);
            Assert.Empty(SpanByte.Empty.ToArray());
        }
    }
}
