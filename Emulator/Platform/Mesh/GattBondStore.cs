using System;
using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The bonds NimBLE keeps in NVS (CONFIG_BT_NIMBLE_NVS_PERSIST): each bonded central's identity address and whether the
    /// bond is authenticated (passkey) — the keys themselves are not modelled. At most <see cref="NativeContract.GattMaximumBonds"/>
    /// (CONFIG_BT_NIMBLE_MAX_BONDS); a full store refuses a new bond. Kept in a JSON file next to the node's flash folder, like
    /// <see cref="MeshSettings"/>, so it survives a power cut; written atomically. Not thread-safe (the GATT server locks).
    /// </summary>
    internal sealed class GattBondStore
    {
        private readonly string _path;
        private List<GattBond> _bonds;

        public GattBondStore(string flashDirectory)
        {
            _path = flashDirectory.TrimEnd('/', '\\') + ".gatt-bonds.json";
        }

        /// <summary>The bonds, oldest first (loaded on first use).</summary>
        public IReadOnlyList<GattBond> Bonds => Loaded();

        /// <summary>The bond of <paramref name="record"/>'s address (7-byte record: type, address LSB first), or null.</summary>
        public GattBond Find(byte[] record)
        {
            string key = Convert.ToHexString(record, 0, NativeContract.GattBondRecordLength);
            return Loaded().Find(bond => bond.Record == key);
        }

        /// <summary>Adds or replaces the bond of <paramref name="record"/>; false when the store is full.</summary>
        public bool Add(byte[] record, bool authenticated)
        {
            GattBond existing = Find(record);
            if (existing != null)
            {
                existing.Authenticated = authenticated;
            }
            else if (Loaded().Count >= NativeContract.GattMaximumBonds)
            {
                return false;
            }
            else
            {
                _bonds.Add(new GattBond { Record = Convert.ToHexString(record, 0, NativeContract.GattBondRecordLength), Authenticated = authenticated });
            }

            Save();
            return true;
        }

        /// <summary>Removes the bond of <paramref name="record"/>, or every bond when null; false when there was none to remove.</summary>
        public bool Remove(byte[] record)
        {
            int removed = record == null ? Loaded().RemoveAll(_ => true) : Loaded().RemoveAll(bond => bond.Record == Convert.ToHexString(record, 0, NativeContract.GattBondRecordLength));
            Save();
            return removed > 0 || record == null;
        }

        private List<GattBond> Loaded()
        {
            if (_bonds == null)
            {
                _bonds = NonVolatileJsonFile.Load(_path, () => new List<GattBond>());
            }

            return _bonds;
        }

        private void Save() => NonVolatileJsonFile.Save(_path, _bonds);
    }

    /// <summary>One bond of <see cref="GattBondStore"/>.</summary>
    internal sealed class GattBond
    {
        /// <summary>The 7-byte record (address type, address LSB first) in hex.</summary>
        public string Record { get; set; }

        /// <summary>True when paired by passkey entry (MITM-protected).</summary>
        public bool Authenticated { get; set; }
    }
}
