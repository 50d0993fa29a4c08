using System;
using System.Collections.Generic;
using System.IO;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// The Relay states a provisioner's relay selection (<see cref="RelaySelection"/>, docs/relay-selection.md) leaves for radios
    /// whose links on a <see cref="VirtualAir"/> are known: for meshes whose nodes boot pre-provisioned (the demo without
    /// <c>--fresh</c>, the test meshes), so that they start as a provisioned mesh runs — relay node images always relaying,
    /// universal nodes only where the connected dominating set needs them. The graph is the one-hop graph the provisioner's
    /// heartbeat survey measures (Tests/Host/Network/RelayPlannerNetworkTests show that it finds it).
    /// </summary>
    public static class RelayPlan
    {
        /// <summary>
        /// Relay on/off per radio of <paramref name="radios"/> (same order); <paramref name="alwaysRelays"/> marks the relay node images
        /// (null: none). When the graph is not connected every radio relays (the selection's fallback).
        /// </summary>
        /// <exception cref="ArgumentException">More radios than a <see cref="NeighbourGraph"/> holds, or lists of different lengths.</exception>
        public static bool[] Select(VirtualAir air, IReadOnlyList<string> radios, IReadOnlyList<bool> alwaysRelays = null)
        {
            if (radios.Count > NeighbourGraph.MaximumCount || (alwaysRelays != null && alwaysRelays.Count != radios.Count))
            {
                throw new ArgumentException("A relay plan covers 1 to " + NeighbourGraph.MaximumCount + " radios, with one always-relays flag each; got "
                    + radios.Count + " radios.", nameof(radios));
            }

            var selection = new RelaySelection(OneHopGraph(radios.Count, (a, b) => air.InRange(radios[a], radios[b])));
            for (int i = 0; alwaysRelays != null && i < radios.Count; i++)
            {
                if (alwaysRelays[i])
                {
                    selection.AlwaysRelays(i);
                }
            }

            return selection.Select();
        }

        /// <summary>The one-hop graph of <paramref name="count"/> devices in which <paramref name="hear"/>(a, b) links each pair a &lt; b that hear each other.</summary>
        public static NeighbourGraph OneHopGraph(int count, Func<int, int, bool> hear)
        {
            var graph = new NeighbourGraph(count);
            for (int a = 0; a < count; a++)
            {
                for (int b = a + 1; b < count; b++)
                {
                    if (hear(a, b))
                    {
                        graph.Link(a, b);
                    }
                }
            }

            return graph;
        }

        /// <summary>
        /// Writes the provisioned state of every pre-provisioned universal and relay node of <paramref name="hub"/> (unicast above 0, no
        /// settings in its flash yet) with the Relay state of <see cref="Select"/> over the hub's links: call after the links are set,
        /// before powering the nodes. Nodes that boot unprovisioned (<c>--fresh</c>) are left to the provisioner's own planning.
        /// </summary>
        public static void Preprovision(AirHub hub)
        {
            var nodes = new List<HubNode>();
            foreach (HubNode node in hub.Nodes())
            {
                if (node.Unicast > 0 && (node.Image == "universal" || node.Image == "relay"))
                {
                    nodes.Add(node);
                }
            }

            bool[] relays = Select(hub.Air, nodes.ConvertAll(node => node.Name), nodes.ConvertAll(node => node.Image == "relay"));
            for (int i = 0; i < nodes.Count; i++)
            {
                HubNode node = nodes[i];
                if (File.Exists(MeshSettings.PathFor(node.FlashDirectory)))
                {
                    continue; // a kept flash keeps its state
                }

                Directory.CreateDirectory(node.FlashDirectory);
                int models = node.Image == "relay" ? EmulatedRelayNode.RelayNodeModels : EmulatedUniversalNode.UniversalNodeModels;
                EmulatedMeshStack.Preprovision(node.FlashDirectory, node.Unicast, models, (models & NativeContract.VendorServer) != 0, relays[i] ? 1 : 0);
            }
        }
    }
}
