using System;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Storage;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// What the MQTT uplink keeps on the internal flash drive (ESP32 <c>I:</c>, littlefs), each file written atomically
    /// (<see cref="AtomicFile"/>: a power cut leaves the old or the new copy):
    /// <list type="bullet">
    /// <item><c>I:\uplink\settings.txt</c>: <see cref="UplinkSettings"/> text (with checksum);</item>
    /// <item><c>I:\uplink\meter.bin</c>: 16 bytes, the energy counter (mWh) and the next free block of reading sequence numbers,
    /// each followed by its bitwise complement so a damaged copy is recognised;</item>
    /// <item><c>I:\uplink\identities.bin</c>: the <see cref="NodeIdentityTable"/>;</item>
    /// <item><c>I:\uplink\queue.bin</c>: the bridge's <see cref="ReadingQueue"/>.</item>
    /// </list>
    /// Every load falls back to the pending copy of an interrupted write, then to an empty default, and logs why; a failed save is
    /// logged and leaves the previous copy. Used from the worker thread, and from the MQTT session for the queue (its caller locks).
    /// </summary>
    public sealed class UplinkStore
    {
        private const string Component = "uplink";
        private readonly AtomicFile _settings;
        private readonly AtomicFile _meter;
        private readonly AtomicFile _identities;
        private readonly AtomicFile _queue;
        private readonly NodeLog _log;

        // The two periodic saves (the meter from the worker, the queue from the MQTT session) write reused bytes through a delegate
        // made once: a save allocates no closure and no meter array (issue 16).
        private readonly byte[] _meterBytes = new byte[16];
        private readonly WorkItem _writeMeter;
        private readonly WorkItem _writeQueue;
        private byte[] _queueBytes;

        /// <summary>The store under <paramref name="folder"/> (e.g. <c>I:\uplink</c>).</summary>
        public UplinkStore(string folder, NodeLog log)
        {
            _settings = new AtomicFile(folder + "\\settings.txt");
            _meter = new AtomicFile(folder + "\\meter.bin");
            _identities = new AtomicFile(folder + "\\identities.bin");
            _queue = new AtomicFile(folder + "\\queue.bin");
            _log = log;
            _writeMeter = WriteMeter;
            _writeQueue = WriteQueue;
        }

        /// <summary>The saved settings, or defaults (no uplink) when none are readable.</summary>
        public UplinkSettings LoadSettings()
        {
            string[] copies = { _settings.ReadMain(), _settings.ReadPending() };
            foreach (string text in copies)
            {
                if (text != null)
                {
                    try
                    {
                        return UplinkSettings.Parse(text);
                    }
                    catch (ArgumentException exception)
                    {
                        _log.Write(Component, "settings copy unreadable: " + exception.Message);
                    }
                }
            }

            return new UplinkSettings();
        }

        /// <summary>Saves <paramref name="settings"/>; false (logged) when the flash refused.</summary>
        public bool SaveSettings(UplinkSettings settings)
        {
            return Save(delegate { _settings.Write(settings.ToText()); }, "settings");
        }

        /// <summary>The saved energy counter (mWh) and sequence block; false when none is readable (both then 0).</summary>
        public bool LoadMeter(out uint energyMilliwattHours, out int nextSequenceBlock)
        {
            byte[][] copies = { _meter.ReadMainBytes(), _meter.ReadPendingBytes() };
            foreach (byte[] bytes in copies)
            {
                if (bytes != null && bytes.Length == 16 && LittleEndian.Read32(bytes, 0) == ~LittleEndian.Read32(bytes, 4) && LittleEndian.Read32(bytes, 8) == ~LittleEndian.Read32(bytes, 12))
                {
                    energyMilliwattHours = LittleEndian.Read32(bytes, 0);
                    nextSequenceBlock = (int)(LittleEndian.Read32(bytes, 8) & 0xFFFF);
                    return true;
                }
            }

            energyMilliwattHours = 0;
            nextSequenceBlock = 0;
            return false;
        }

        /// <summary>Saves the energy counter and the sequence block; false (logged) when the flash refused.</summary>
        public bool SaveMeter(uint energyMilliwattHours, int nextSequenceBlock)
        {
            LittleEndian.Write32(_meterBytes, 0, energyMilliwattHours);
            LittleEndian.Write32(_meterBytes, 4, ~energyMilliwattHours);
            LittleEndian.Write32(_meterBytes, 8, (uint)nextSequenceBlock);
            LittleEndian.Write32(_meterBytes, 12, ~(uint)nextSequenceBlock);
            return Save(_writeMeter, "energy meter");
        }

        /// <summary>The saved identity table, or an empty one.</summary>
        public NodeIdentityTable LoadIdentities()
        {
            byte[][] copies = { _identities.ReadMainBytes(), _identities.ReadPendingBytes() };
            foreach (byte[] bytes in copies)
            {
                if (bytes != null)
                {
                    try
                    {
                        return NodeIdentityTable.Parse(bytes);
                    }
                    catch (ArgumentException exception)
                    {
                        _log.Write(Component, "identity table copy unreadable: " + exception.Message);
                    }
                }
            }

            return new NodeIdentityTable();
        }

        /// <summary>Saves the identity table; false (logged) when the flash refused.</summary>
        public bool SaveIdentities(NodeIdentityTable table)
        {
            byte[] bytes = table.ToBytes();
            return Save(delegate { _identities.WriteBytes(bytes); }, "identity table");
        }

        /// <summary>The saved queue with <paramref name="capacity"/>, or an empty one.</summary>
        public ReadingQueue LoadQueue(int capacity)
        {
            byte[][] copies = { _queue.ReadMainBytes(), _queue.ReadPendingBytes() };
            foreach (byte[] bytes in copies)
            {
                if (bytes != null)
                {
                    try
                    {
                        return ReadingQueue.Parse(bytes, capacity);
                    }
                    catch (ArgumentException exception)
                    {
                        _log.Write(Component, "queue copy unreadable: " + exception.Message);
                    }
                }
            }

            return new ReadingQueue(capacity);
        }

        /// <summary>Saves the queue's bytes (<see cref="ReadingQueue.Serialize"/> or <see cref="ReadingQueue.SerializeIntoReused"/>, the
        /// whole array); false (logged) when the flash refused.</summary>
        public bool SaveQueue(byte[] bytes)
        {
            _queueBytes = bytes;
            try
            {
                return Save(_writeQueue, "queue");
            }
            finally
            {
                _queueBytes = null;
            }
        }

        private void WriteMeter()
        {
            _meter.WriteBytes(_meterBytes);
        }

        private void WriteQueue()
        {
            _queue.WriteBytes(_queueBytes);
        }

        private bool Save(WorkItem write, string what)
        {
            try
            {
                write();
                return true;
            }
            catch (System.IO.IOException exception)
            {
                _log.Write(Component, what + " not saved: " + exception.Message);
                return false;
            }
        }
    }
}
