using System;
using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh.Stack.DirectedForwarding
{
    /// <summary>
    /// One fixed path entry of a node's forwarding table (Mesh Protocol 1.1 directed forwarding; ESP-IDF v5.5
    /// <c>esp_ble_mesh_forwarding_table_add_t</c> and <c>esp_ble_mesh_forwarding_table_deps_add_t</c>): the path origin's
    /// primary address, its dependent origins as unicast address ranges, the path target's unicast address, and whether the
    /// backward path is validated (a two-way path, <c>bw_path_validated</c>). A directed PDU belongs to the entry when its source is
    /// the path origin or in a dependent range and its destination is the path target; on a two-way path also when its source is the
    /// path target and its destination the path origin or in a dependent range.
    /// </summary>
    internal sealed class ForwardingEntry
    {
        private readonly List<(int First, int Length)> _dependentOrigins = new List<(int First, int Length)>();

        /// <summary>An entry from <paramref name="pathOrigin"/> to <paramref name="pathTarget"/> with no dependents, two-way or not.</summary>
        /// <exception cref="ArgumentOutOfRangeException">An address that is not unicast (0x0001–0x7FFF).</exception>
        public ForwardingEntry(int pathOrigin, int pathTarget, bool twoWay)
        {
            CheckUnicast(pathOrigin, nameof(pathOrigin));
            CheckUnicast(pathTarget, nameof(pathTarget));
            PathOrigin = pathOrigin;
            PathTarget = pathTarget;
            TwoWay = twoWay;
        }

        /// <summary>True when the backward path is validated: the path also carries the path target's PDUs to the origin side.</summary>
        public bool TwoWay { get; }

        /// <summary>Primary element address of the path origin.</summary>
        public int PathOrigin { get; }

        /// <summary>Unicast address of the path target.</summary>
        public int PathTarget { get; }

        /// <summary>Dependent origin ranges held.</summary>
        public int DependentRangeCount => _dependentOrigins.Count;

        /// <summary>
        /// Adds dependent origins <paramref name="first"/> … <paramref name="first"/> + <paramref name="length"/> − 1 (Forwarding Table
        /// Dependents Add); true without a change when the entry already holds that range (a repeated request after a lost status);
        /// false when the entry already holds <paramref name="capacity"/> ranges (the stack answers Insufficient Resources).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A range outside the unicast addresses, or a length outside 1–255.</exception>
        public bool AddDependentOrigins(int first, int length, int capacity)
        {
            CheckUnicast(first, nameof(first));
            if (length < 1 || length > 255 || first + length - 1 > 0x7FFF)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "a unicast address range holds 1–255 addresses up to 0x7FFF, not " + length + " from 0x" + first.ToString("X4"));
            }

            if (_dependentOrigins.Contains((first, length)))
            {
                return true;
            }

            if (_dependentOrigins.Count >= capacity)
            {
                return false;
            }

            _dependentOrigins.Add((first, length));
            return true;
        }

        /// <summary>The dependent origin ranges as (first address, length) pairs, in the order they were added.</summary>
        public int[] DependentOriginPairs()
        {
            var pairs = new int[_dependentOrigins.Count * 2];
            for (int i = 0; i < _dependentOrigins.Count; i++)
            {
                pairs[i * 2] = _dependentOrigins[i].First;
                pairs[i * 2 + 1] = _dependentOrigins[i].Length;
            }

            return pairs;
        }

        /// <summary>True when a directed PDU from <paramref name="source"/> to <paramref name="destination"/> travels on this path (either way on a two-way path).</summary>
        public bool Carries(int source, int destination) =>
            (destination == PathTarget && OnOriginSide(source)) || (TwoWay && source == PathTarget && OnOriginSide(destination));

        /// <summary>True for the path origin and its dependent origins.</summary>
        private bool OnOriginSide(int address)
        {
            if (address == PathOrigin)
            {
                return true;
            }

            foreach ((int first, int length) in _dependentOrigins)
            {
                if (address >= first && address < first + length)
                {
                    return true;
                }
            }

            return false;
        }

        private static void CheckUnicast(int address, string name)
        {
            if (address < 0x0001 || address > 0x7FFF)
            {
                throw new ArgumentOutOfRangeException(name, "a path end is a unicast address (0x0001–0x7FFF), not 0x" + address.ToString("X4"));
            }
        }
    }
}
