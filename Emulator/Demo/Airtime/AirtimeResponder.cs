using System;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// The vendor server of one node of an <see cref="AirtimeExchange"/> (no firmware image: the events of its stack are taken here), timed
    /// as the firmware's VendorServer: a SEND to a group is answered after a random delay from the node's own <see cref="ResponseDelay"/>
    /// (seeded by its unicast address, Mesh Profile 1.0.1 §3.7.3.1), 20 ms to the response window the binary SEND carries
    /// (<see cref="BinaryCommandCodec.ResponseWindowMillisecondsOf"/>) or to 500 ms for text, on the air's clock (virtual on the timed air);
    /// a unicast SEND is answered at once; the node's own group SEND looped back is ignored. STATUS answers and request timeouts that
    /// reach this node go to <see cref="StatusReceived"/> and <see cref="RequestTimedOut"/> (node-0, the gateway).
    /// </summary>
    public sealed class AirtimeResponder
    {
        /// <summary>The seed's text STATUS reply (≈ 40 bytes: 4 segments with the opcode and TransMIC).</summary>
        public const string TextReply = "D:50%,V:12.003V,I:250.00mA,P:3000.8mW";

        /// <summary>Vendor opcodes (seed §4.3 and this firmware's binary pair).</summary>
        public const int TextSend = 0xC002E5, TextStatus = 0xC102E5, BinarySend = 0xC202E5, BinaryStatus = 0xC302E5;

        private static readonly byte[] s_binaryStatus = { 0x10, 50, 0, 200, 0x25, 0x82, 1, 0x2C };
        private static readonly byte[] s_textStatus = Encoding.ASCII.GetBytes(TextReply);

        private readonly object _gate = new object();
        private readonly EmulatedMeshStack _stack;
        private readonly IAirClock _clock;
        private readonly byte[] _record = new byte[NativeContract.RecordHeaderLength + NativeContract.MaximumPayloadLength];
        private ResponseDelay _delay;
        private readonly System.Collections.Generic.List<IDisposable> _timers = new System.Collections.Generic.List<IDisposable>(); // a real-time timer nobody references may be collected unfired
        private int _waiting;
        private int _handling;

        /// <summary>A responder for <paramref name="stack"/>, timing its delays on <paramref name="clock"/>.</summary>
        public AirtimeResponder(EmulatedMeshStack stack, IAirClock clock)
        {
            _stack = stack;
            _clock = clock;
        }

        /// <summary>A STATUS from another node reached this one: (source address, opcode).</summary>
        public event Action<int, int> StatusReceived;

        /// <summary>An acknowledged SEND of this node timed out: destination address.</summary>
        public event Action<int> RequestTimedOut;

        /// <summary>Answers waiting for their response delay.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        /// <summary>True when every event the stack queued has been handled (for <see cref="VirtualAir.FirmwareIdle"/>).</summary>
        public bool Idle => Volatile.Read(ref _handling) == 0 && _stack.QueuedEvents == 0;

        /// <summary>Takes every event of the stack (call when its custom event is posted).</summary>
        public void TakeEvents()
        {
            Interlocked.Increment(ref _handling);
            try
            {
                TakeQueuedEvents();
            }
            finally
            {
                Interlocked.Decrement(ref _handling);
            }
        }

        private void TakeQueuedEvents()
        {
            while (true)
            {
                byte[] record;
                lock (_gate)
                {
                    int length = _stack.TakeEvent(_record);
                    if (length <= 0)
                    {
                        return;
                    }

                    record = _record.AsSpan(0, length).ToArray();
                }

                Handle(record); // outside the gate: a handler may send, and a send may loop an event back to this node
            }
        }

        private void Handle(byte[] record)
        {
            int source = record[1] | (record[2] << 8);
            int destination = record[3] | (record[4] << 8);
            int opcode = record[5] | (record[6] << 8) | (record[7] << 16);
            if (record[0] == NativeContract.VendorSendTimedOut)
            {
                RequestTimedOut?.Invoke(destination);
                return;
            }

            if (record[0] != NativeContract.VendorMessageReceived || source == _stack.UnicastAddress)
            {
                return; // not a vendor message, or this node's own SEND or answer looped back
            }

            if (opcode == TextStatus || opcode == BinaryStatus)
            {
                StatusReceived?.Invoke(source, opcode);
                return;
            }

            if (opcode != TextSend && opcode != BinarySend)
            {
                return;
            }

            int handle = record[9] | (record[10] << 8);
            int length = record[13] | (record[14] << 8);
            bool binary = opcode == BinarySend;
            int window = ResponseDelay.MaximumMilliseconds;
            if (binary)
            {
                byte[] payload = new byte[length];
                Array.Copy(record, NativeContract.RecordHeaderLength, payload, 0, length);
                if (BinaryCommandCodec.TryDecodeToText(payload, 0, length) == null)
                {
                    throw new InvalidOperationException("node 0x" + _stack.UnicastAddress.ToString("X4") + " received a malformed binary SEND");
                }

                window = BinaryCommandCodec.ResponseWindowMillisecondsOf(payload, 0, length);
            }

            if (destination < NodeAddressing.AllNodesGroupAddress)
            {
                Answer(handle, binary);
                return;
            }

            int delay;
            lock (_gate)
            {
                _delay ??= new ResponseDelay(_stack.UnicastAddress);
                delay = _delay.NextMilliseconds(window);
            }

            Interlocked.Increment(ref _waiting);
            IDisposable timer = null;
            timer = _clock.After(delay * 1000L, () =>
            {
                Answer(handle, binary);
                Interlocked.Decrement(ref _waiting);
                lock (_gate)
                {
                    _timers.Remove(timer);
                }
            });
            lock (_gate)
            {
                if (Volatile.Read(ref _waiting) > 0)
                {
                    _timers.Add(timer);
                }
            }
        }

        private void Answer(int handle, bool binary)
        {
            byte[] status = binary ? s_binaryStatus : s_textStatus;
            _stack.ReplyVendor(handle, binary ? BinaryStatus : TextStatus, status, status.Length);
        }
    }
}
