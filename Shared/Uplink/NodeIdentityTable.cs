using System;
using System.Collections;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Which device UUID sits at which unicast address, as learned from the nodes' identity messages (<see cref="UplinkMessages"/>):
    /// the bridge names a node in MQTT by its UUID (stable across re-provisioning), while the mesh names it by its address. At most
    /// <see cref="Capacity"/> nodes; a UUID seen at a new address moves there (re-provisioned). Stored on every uplink candidate's
    /// flash so a new bridge can name nodes at once (<see cref="ToBytes"/>: 8 bytes per node, address little-endian then the six
    /// identity bytes). Not thread-safe: the worker owns it.
    /// </summary>
    public sealed class NodeIdentityTable
    {
        /// <summary>
        /// Most nodes remembered: twice the mesh's node ids (<see cref="NodeAddressing.MaximumNodes"/>), room for nodes re-provisioned at
        /// other addresses; 500 records are 4,000 bytes of flash.
        /// </summary>
        public const int Capacity = 2 * NodeAddressing.MaximumNodes;

        private const int RecordLength = 2 + UplinkMessages.IdentityLength;

        private readonly Hashtable _byAddress = new Hashtable();

        /// <summary>Nodes known.</summary>
        public int Count => _byAddress.Count;

        /// <summary>Records that <paramref name="address"/> has <paramref name="uuid"/>; true when that is news (a new node or a move).</summary>
        /// <exception cref="ArgumentException">Not a unicast address or not a 16-byte UUID.</exception>
        public bool Learn(int address, byte[] uuid)
        {
            if (address < 1 || address > 0x7FFF || uuid == null || uuid.Length != 16)
            {
                throw new ArgumentException("identity: unicast address and 16-byte UUID expected (address 0x" + address.ToString("X4") + ")");
            }

            byte[] known = (byte[])_byAddress[address];
            if (NodeRegistry.SameBytes(known, uuid))
            {
                return false;
            }

            object moved = null;
            foreach (object key in _byAddress.Keys)
            {
                if (NodeRegistry.SameBytes((byte[])_byAddress[key], uuid))
                {
                    moved = key;
                }
            }

            if (moved != null)
            {
                _byAddress.Remove(moved);
            }

            if (known == null && _byAddress.Count >= Capacity)
            {
                return false; // full: the node stays unnamed (its readings go to the unidentified topic)
            }

            _byAddress[address] = uuid;
            return true;
        }

        /// <summary>The UUID of <paramref name="address"/>, or null when not known.</summary>
        public byte[] UuidOf(int address)
        {
            return (byte[])_byAddress[address];
        }

        /// <summary>The address of <paramref name="uuid"/>, or 0 when not known.</summary>
        public int AddressOf(byte[] uuid)
        {
            foreach (object key in _byAddress.Keys)
            {
                if (NodeRegistry.SameBytes((byte[])_byAddress[key], uuid))
                {
                    return (int)key;
                }
            }

            return 0;
        }

        /// <summary>Every known address (no order).</summary>
        public int[] Addresses()
        {
            int[] addresses = new int[_byAddress.Count];
            int i = 0;
            foreach (object key in _byAddress.Keys)
            {
                addresses[i++] = (int)key;
            }

            return addresses;
        }

        /// <summary>The table as bytes for flash.</summary>
        public byte[] ToBytes()
        {
            byte[] bytes = new byte[_byAddress.Count * RecordLength];
            int offset = 0;
            foreach (object key in _byAddress.Keys)
            {
                int address = (int)key;
                bytes[offset] = (byte)address;
                bytes[offset + 1] = (byte)(address >> 8);
                Array.Copy((byte[])_byAddress[key], 2, bytes, offset + 2, UplinkMessages.IdentityLength);
                offset += RecordLength;
            }

            return bytes;
        }

        /// <summary>A table from <see cref="ToBytes"/>'s bytes; records that are not a unicast address are skipped.</summary>
        /// <exception cref="ArgumentException">Not a whole number of records.</exception>
        public static NodeIdentityTable Parse(byte[] bytes)
        {
            if (bytes == null || bytes.Length % RecordLength != 0)
            {
                throw new ArgumentException("identity table: torn (" + (bytes == null ? 0 : bytes.Length).ToString() + " bytes)");
            }

            var table = new NodeIdentityTable();
            byte[] identity = new byte[UplinkMessages.IdentityLength];
            for (int offset = 0; offset < bytes.Length; offset += RecordLength)
            {
                int address = bytes[offset] | (bytes[offset + 1] << 8);
                Array.Copy(bytes, offset + 2, identity, 0, identity.Length);
                if (address >= 1 && address <= 0x7FFF)
                {
                    table.Learn(address, UplinkMessages.UuidOf(identity, identity.Length));
                }
            }

            return table;
        }
    }
}
