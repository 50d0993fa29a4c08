using System;
using System.Collections;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The bridge's store-and-forward queue (issue "MQTT uplink"; the seed's mesh-to-MQTT sender): readings wait here for the
    /// broker, bounded to <see cref="Capacity"/>; when full, the oldest is dropped and counted (<see cref="Dropped"/>, published
    /// when the link returns). A batch is taken for one connection (<see cref="TakeBatch(int)"/>) and stays queued until the broker
    /// acknowledges it: <see cref="Acknowledge"/> removes the acknowledged oldest readings, <see cref="Requeue"/> gives the rest
    /// back, in order, for the next attempt. Nothing is ever removed without an acknowledgement, except by the drop-oldest
    /// rule. <see cref="Serialize"/> / <see cref="Parse"/> give the bytes the bridge keeps on flash.
    /// Not thread-safe: the bridge's worker owns it.
    /// </summary>
    public sealed class ReadingQueue
    {
        private const int HeaderLength = 12;
        private const uint Magic = 0x32514D44; // "DMQ2": readings of format 2 (current in µA)
        private const uint FormatOneMagic = 0x31514D44; // "DMQ1": firmware up to 0.7.0 (current in whole mA), still read

        private readonly ArrayList _readings = new ArrayList();
        private byte[] _serialized; // SerializeIntoReused's array
        private int _inFlight;

        /// <summary>An empty queue holding at most <paramref name="capacity"/> readings.</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity below 1.</exception>
        public ReadingQueue(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "capacity " + capacity.ToString() + " below 1");
            }

            Capacity = capacity;
        }

        /// <summary>Most readings kept.</summary>
        public int Capacity { get; private set; }

        /// <summary>Changes the capacity; when the queue holds more, the oldest waiting readings are dropped and counted.</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity below 1.</exception>
        public void Resize(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "capacity " + capacity.ToString() + " below 1");
            }

            Capacity = capacity;
            while (_readings.Count > capacity && _readings.Count > _inFlight)
            {
                _readings.RemoveAt(_inFlight);
                Dropped++;
                DroppedSinceStart++;
            }

            Version++;
        }

        /// <summary>Readings queued (in flight included).</summary>
        public int Count
        {
            get { return _readings.Count; }
        }

        /// <summary>Readings of the batch taken and not yet acknowledged or requeued.</summary>
        public int InFlight
        {
            get { return _inFlight; }
        }

        /// <summary>Readings dropped because the queue was full and not yet reported (<see cref="ForgetDropped"/>).</summary>
        public int Dropped { get; private set; }

        /// <summary>Readings dropped because the queue was full since this queue was made (at boot), reported or not: the bridge's
        /// "readings dropped" diagnostic.</summary>
        public int DroppedSinceStart { get; private set; }

        /// <summary>Changes whenever the queue's content or drop count changes (the bridge saves the queue when it differs from the saved one's).</summary>
        public int Version { get; private set; }

        /// <summary>
        /// Queues a reading; when full the oldest waiting one is dropped and counted. Readings in flight are never dropped (the
        /// broker may be acknowledging them): when the whole queue is in flight, the new reading is the one dropped and counted.
        /// </summary>
        public void Enqueue(UplinkReading reading)
        {
            Version++;
            if (_readings.Count >= Capacity)
            {
                Dropped++;
                DroppedSinceStart++;
                if (_inFlight >= _readings.Count)
                {
                    return;
                }

                _readings.RemoveAt(_inFlight);
            }

            _readings.Add(reading);
        }

        /// <summary>Marks up to <paramref name="maximum"/> oldest readings in flight and returns them in order (none while a batch is out).</summary>
        public UplinkReading[] TakeBatch(int maximum)
        {
            if (_inFlight > 0)
            {
                return new UplinkReading[0];
            }

            int count = maximum < _readings.Count ? maximum : _readings.Count;
            UplinkReading[] batch = new UplinkReading[count < 0 ? 0 : count];
            TakeBatch(batch);
            return batch;
        }

        /// <summary>
        /// Marks up to <paramref name="destination"/>'s length of the oldest readings in flight and writes them there in order;
        /// returns how many (0 while a batch is out). Allocates nothing (the bridge reuses its batch array).
        /// </summary>
        public int TakeBatch(UplinkReading[] destination)
        {
            if (_inFlight > 0)
            {
                return 0;
            }

            int count = destination.Length < _readings.Count ? destination.Length : _readings.Count;
            for (int i = 0; i < count; i++)
            {
                destination[i] = (UplinkReading)_readings[i];
            }

            _inFlight = count;
            return count;
        }

        /// <summary>The broker acknowledged the first <paramref name="count"/> readings of the batch: they leave the queue.</summary>
        /// <exception cref="ArgumentOutOfRangeException">More than are in flight.</exception>
        public void Acknowledge(int count)
        {
            if (count < 0 || count > _inFlight)
            {
                throw new ArgumentOutOfRangeException("count", "acknowledged " + count.ToString() + " of " + _inFlight.ToString() + " in flight");
            }

            for (int i = 0; i < count; i++)
            {
                _readings.RemoveAt(0);
            }

            _inFlight -= count;
            Version += count > 0 ? 1 : 0;
        }

        /// <summary>The rest of the batch was not acknowledged: it waits again at the front, in order.</summary>
        public void Requeue()
        {
            _inFlight = 0;
        }

        /// <summary>Forgets <paramref name="count"/> of the dropped readings once their number was published (drops counted since stay).</summary>
        public void ForgetDropped(int count)
        {
            Dropped = count >= Dropped ? 0 : Dropped - count;
            Version++;
        }

        /// <summary>The queue as bytes: magic, capacity, drop count (4 bytes each, little-endian), then the readings, oldest first.</summary>
        public byte[] Serialize()
        {
            byte[] bytes = new byte[SerializedLength];
            WriteSerialized(bytes);
            return bytes;
        }

        /// <summary>
        /// The queue's bytes as <see cref="Serialize"/> gives them, in an array this queue keeps for the next call and reuses while the
        /// length stays the same (the bridge's save after each acknowledged batch: in steady state the queue drains to the same
        /// length every period, so the save allocates no array, issue 16). The content is valid until the next call; the caller
        /// writes it out before (the publishing thread is the only caller).
        /// </summary>
        public byte[] SerializeIntoReused()
        {
            int length = SerializedLength;
            if (_serialized == null || _serialized.Length != length)
            {
                _serialized = new byte[length];
            }

            WriteSerialized(_serialized);
            return _serialized;
        }

        private int SerializedLength
        {
            get { return HeaderLength + (_readings.Count * UplinkReading.EncodedLength); }
        }

        private void WriteSerialized(byte[] bytes)
        {
            LittleEndian.Write32(bytes, 0, Magic);
            LittleEndian.Write32(bytes, 4, (uint)Capacity);
            LittleEndian.Write32(bytes, 8, (uint)Dropped);
            for (int i = 0; i < _readings.Count; i++)
            {
                ((UplinkReading)_readings[i]).Encode(bytes, HeaderLength + (i * UplinkReading.EncodedLength));
            }
        }

        /// <summary>A queue from <see cref="Serialize"/>'s bytes (nothing in flight), with <paramref name="capacity"/> (keeping the newest when smaller);
        /// a format-1 file ("DMQ1", written by firmware up to 0.7.0) is read too, so an update loses no waiting reading.</summary>
        /// <exception cref="ArgumentException">Not a queue, or torn in the middle of a reading.</exception>
        public static ReadingQueue Parse(byte[] bytes, int capacity)
        {
            uint magic = bytes == null || bytes.Length < HeaderLength ? 0 : LittleEndian.Read32(bytes, 0);
            if ((magic != Magic && magic != FormatOneMagic) || ((bytes.Length - HeaderLength) % UplinkReading.EncodedLength) != 0)
            {
                throw new ArgumentException("reading queue: not a queue file, or torn");
            }

            var queue = new ReadingQueue(capacity);
            queue.Dropped = (int)LittleEndian.Read32(bytes, 8);
            int count = (bytes.Length - HeaderLength) / UplinkReading.EncodedLength;
            for (int i = 0; i < count; i++)
            {
                int offset = HeaderLength + (i * UplinkReading.EncodedLength);
                queue.Enqueue(magic == Magic ? UplinkReading.Decode(bytes, offset) : UplinkReading.DecodeFormatOne(bytes, offset));
            }

            return queue;
        }
    }
}
