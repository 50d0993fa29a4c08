using System;
using DcMonitor.Emulator.Mesh;
using DcMonitor.MeshInterop;
using DcMonitor.UniversalNode.Mesh;
using Xunit;

namespace DcMonitor.Tests.UniversalNode
{
    /// <summary>
    /// The coordinator's ring of received mesh events (issue 16: refilled copies, no allocation per event): first in, first out; full
    /// → refused (null), never overwriting an event the worker has not removed; the newest taken back when the worker queue refused its run.
    /// </summary>
    public class MeshEventRingTests
    {
        [Fact]
        public void EventsComeOutInOrderAndAFullRingRefusesWithoutOverwriting()
        {
            var ring = new MeshEventRing(2, 8);
            Assert.NotNull(ring.TryAdd(Event(1, 0x11)));
            Assert.NotNull(ring.TryAdd(Event(2, 0x22)));
            Assert.Null(ring.TryAdd(Event(3, 0x33)));

            Assert.Equal(1, ring.Oldest.Source);
            Assert.Equal(0x11, ring.Oldest.Payload[0]);
            ring.RemoveOldest();
            Assert.NotNull(ring.TryAdd(Event(4, 0x44)));
            Assert.Equal(2, ring.Oldest.Source);
            ring.RemoveOldest();
            Assert.Equal(4, ring.Oldest.Source);
            Assert.Equal(0x44, ring.Oldest.Payload[0]);
        }

        [Fact]
        public void TheNewestEventCanBeTakenBack()
        {
            var ring = new MeshEventRing(2, 8);
            ring.TryAdd(Event(1, 0x11));
            ring.TryAdd(Event(2, 0x22));
            ring.RemoveNewest();
            Assert.Equal(1, ring.Count);
            Assert.Equal(1, ring.Oldest.Source);
            Assert.NotNull(ring.TryAdd(Event(3, 0x33)));
            ring.RemoveOldest();
            Assert.Equal(3, ring.Oldest.Source);
        }

        [Fact]
        public void ASlotIsReusedAndAPayloadLongerThanItsBufferGetsAnArrayOfItsOwn()
        {
            var ring = new MeshEventRing(1, 4);
            ReceivedMeshEvent first = ring.TryAdd(Event(1, 0x11, 3));
            byte[] buffer = first.Payload;
            Assert.Equal(3, first.PayloadLength);
            ring.RemoveOldest();

            ReceivedMeshEvent longer = ring.TryAdd(Event(2, 0x22, 10));
            Assert.Same(first, longer);
            Assert.Equal(10, longer.PayloadLength);
            Assert.NotSame(buffer, longer.Payload);
            Assert.Equal(0x22 + 9, longer.Payload[9]);
            Assert.Equal(10, longer.ExactCopy().Payload.Length);
            ring.RemoveOldest();

            ReceivedMeshEvent shorter = ring.TryAdd(Event(3, 0x33, 2));
            Assert.Same(buffer, shorter.Payload);
            Assert.Equal("34", shorter.PayloadText());
        }

        [Fact]
        public void AnEmptyRingSaysSo()
        {
            var ring = new MeshEventRing(1, 4);
            Assert.Throws<InvalidOperationException>(() => ring.Oldest);
            Assert.Throws<InvalidOperationException>(() => ring.RemoveOldest());
            Assert.Throws<InvalidOperationException>(() => ring.RemoveNewest());
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeshEventRing(0, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeshEventRing(1, MeshEvent.MaximumPayloadLength + 1));
        }

        /// <summary>A vendor message from <paramref name="source"/> whose payload counts up from <paramref name="first"/>.</summary>
        private static MeshEvent Event(int source, int first, int length = 1)
        {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = (byte)(first + i);
            }

            byte[] record = NativeContract.EncodeEvent(NativeContract.VendorMessageReceived, source, 0x0005, 0xC202E5, 0, 0, payload, length);
            var meshEvent = new MeshEvent();
            Assert.True(meshEvent.Decode(record, record.Length));
            return meshEvent;
        }
    }
}
