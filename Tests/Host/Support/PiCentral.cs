using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using DcMonitor.Emulator.Mesh;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// The Raspberry Pi's side of a GATT link, with its reassembly (seed protocol §3): decode, strip surrounding
    /// white space, a chunk starting with '+' is buffered, anything else completes the message (buffer first). Security as BlueZ
    /// handles it (src/shared/att.c change_security): a write or read refused with insufficient encryption (0x0F) makes it encrypt
    /// with its stored key, insufficient authentication (0x05) makes it pair (Just Works, or passkey entry with <see cref="Passkey"/>
    /// as the owner's agent types it), then the request is retried once.
    /// </summary>
    public sealed class PiCentral
    {
        private readonly BlockingCollection<string> _messages = new BlockingCollection<string>();
        private readonly StringBuilder _buffer = new StringBuilder();
        private readonly GattCentralLink _link;

        /// <summary>The Pi's identity address as a bond record (public address 2C:CF:67:00:00:05, least significant byte first).</summary>
        public static readonly byte[] Address = { 0, 0x05, 0x00, 0x00, 0x67, 0xCF, 0x2C };

        public PiCentral(EmulatedMeshStack node, int mtu = 0, byte[] address = null)
        {
            _link = node.Gatt.Connect(OnNotification, address ?? Address);
            if (mtu > 0)
            {
                _link.NegotiateMtu(mtu);
            }

            _link.Subscribe();
        }

        /// <summary>Every chunk received, in order.</summary>
        public List<string> Chunks { get; } = new List<string>();

        public GattCentralLink Link => _link;

        /// <summary>A copy of <see cref="Chunks"/> taken while no notification is being added.</summary>
        public List<string> ChunksSnapshot()
        {
            lock (_buffer)
            {
                return new List<string>(Chunks);
            }
        }

        /// <summary>Writes a command as the Pi does (UTF-8, no terminator, with response); false when ATT refused it (too long, or the
        /// node's event ring full: <see cref="GattCentralLink.LastAttError"/>).</summary>
        public bool Write(string command) => WriteBytes(Encoding.UTF8.GetBytes(command));

        public bool WriteBytes(byte[] value) => _link.Write(value) || (RaiseSecurity() && _link.Write(value));

        /// <summary>
        /// What the owner does once per node in bonded mode while its pairing window is open (<c>bluetoothctl pair</c>): connect,
        /// pair Just Works, disconnect; fails the test when no bond results.
        /// </summary>
        public static void PairAsOwner(EmulatedMeshStack node)
        {
            GattCentralLink link = node.Gatt.Connect(_ => { }, Address);
            Assert.Equal(0, link.Pair());
            Assert.True(link.Bonded, "the node's pairing window was closed");
            link.Disconnect();
        }

        /// <summary>The passkey the Pi's agent enters when pairing (-1: no agent, Just Works only).</summary>
        public int Passkey { get; set; } = -1;

        /// <summary>SMP results of the pairings this central started (0 = success).</summary>
        public List<int> Pairings { get; } = new List<int>();

        /// <summary>BlueZ's reaction to a security ATT error; true when the request should be retried.</summary>
        private bool RaiseSecurity()
        {
            if (_link.LastAttError == NativeContract.AttErrorInsufficientEncryption)
            {
                return _link.Encrypt() || Pair();
            }

            return _link.LastAttError == NativeContract.AttErrorInsufficientAuthentication && Pair();
        }

        private bool Pair()
        {
            int result = _link.Pair(Passkey);
            Pairings.Add(result);
            return result == 0;
        }

        /// <summary>The next complete message, failing the test after <paramref name="timeoutMilliseconds"/>.</summary>
        public string Next(int timeoutMilliseconds = 10000)
        {
            Assert.True(_messages.TryTake(out string message, timeoutMilliseconds), "no message from the gateway within " + timeoutMilliseconds + " ms; chunks so far: " + string.Join(" | ", Chunks));
            return message;
        }

        /// <summary>
        /// The nodes (<c>NODE&lt;id&gt;</c>) of the next DATA messages until <paramref name="count"/> different nodes have answered, failing
        /// the test when a message takes longer than <paramref name="timeoutMilliseconds"/>.
        /// </summary>
        public HashSet<string> NodesAnswering(int count, int timeoutMilliseconds = 10000)
        {
            var answered = new HashSet<string>();
            while (answered.Count < count)
            {
                string message = Next(timeoutMilliseconds);
                answered.Add(message.Substring(0, message.IndexOf(":DATA:", StringComparison.Ordinal)));
            }

            return answered;
        }

        /// <summary>True when no further message arrives within <paramref name="milliseconds"/> (used only after every expected message).</summary>
        public bool NothingMoreWithin(int milliseconds) => !_messages.TryTake(out _, milliseconds);

        private void OnNotification(byte[] value)
        {
            string chunk = Encoding.UTF8.GetString(value);
            lock (_buffer)
            {
                Chunks.Add(chunk);
                string text = chunk.Trim();
                if (text.StartsWith("+", StringComparison.Ordinal))
                {
                    _buffer.Append(text.Substring(1));
                    return;
                }

                string message = _buffer.ToString() + text;
                _buffer.Clear();
                _messages.Add(message);
            }
        }
    }
}
