using System;
using System.Collections.Generic;
using System.IO;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// The demo mesh: universal nodes node-0 … node-(N−1) at unicast 0x0005 + i and one relay after them, all on
    /// one virtual air, with the last universal node in range of the relay only. Nodes boot provisioned (the
    /// state the provisioner leaves, written into each node's mesh settings on first start) until the
    /// Provisioner image can do it. Flash folders persist under <c>.emulator/demo/</c>, so power cycles keep state.
    /// </summary>
    public sealed class DemoNetwork : IDisposable
    {
        private readonly string _root;
        private readonly Dictionary<string, Func<IDisposable>> _factories = new Dictionary<string, Func<IDisposable>>(StringComparer.Ordinal);
        private readonly Dictionary<string, IDisposable> _running = new Dictionary<string, IDisposable>(StringComparer.Ordinal);
        private readonly Dictionary<string, EmulatedMeshStack> _radios = new Dictionary<string, EmulatedMeshStack>(StringComparer.Ordinal);

        /// <summary>Builds and powers on the network.</summary>
        public DemoNetwork(string root, int universalNodes)
        {
            _root = root;
            UniversalNodeCount = universalNodes;
            string relay = "relay-0";
            for (int i = 0; i < universalNodes; i++)
            {
                string name = "node-" + i;
                int address = 0x0005 + i;
                int seed = 100 + i;
                _factories[name] = () =>
                {
                    var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions
                    {
                        FlashDirectory = Path.Combine(_root, name), Name = name, Air = Air, PreprovisionedAddress = address, NoiseSeed = seed,
                    });
                    node.PowerOn();
                    _radios[name] = node.Radio;
                    return node;
                };
            }

            int relayAddress = 0x0005 + universalNodes;
            _factories[relay] = () =>
            {
                var node = new EmulatedRelayNode(Path.Combine(_root, relay), relay, Air, relayAddress);
                node.PowerOn();
                _radios[relay] = node.Radio;
                return node;
            };

            if (universalNodes >= 2)
            {
                string farthest = "node-" + (universalNodes - 1);
                for (int i = 0; i < universalNodes - 1; i++)
                {
                    Air.SetLink(farthest, "node-" + i, inRange: false);
                }
            }

            foreach (string name in _factories.Keys)
            {
                _running[name] = _factories[name]();
            }
        }

        /// <summary>The shared air.</summary>
        public VirtualAir Air { get; } = new VirtualAir();

        /// <summary>Number of universal nodes.</summary>
        public int UniversalNodeCount { get; }

        /// <summary>Names of all nodes.</summary>
        public IEnumerable<string> Names => _factories.Keys;

        /// <summary>Radios of powered nodes that advertise the DC-Monitor service (universal nodes), by name.</summary>
        public IEnumerable<KeyValuePair<string, EmulatedMeshStack>> Advertising()
        {
            foreach (KeyValuePair<string, EmulatedMeshStack> entry in _radios)
            {
                if (_running.ContainsKey(entry.Key) && entry.Key.StartsWith("node-", StringComparison.Ordinal) && entry.Value.Gatt.Advertising)
                {
                    yield return entry;
                }
            }
        }

        /// <summary>True when the node exists and has power.</summary>
        public bool IsPowered(string name) => _running.ContainsKey(name);

        /// <summary>Cuts or restores a node's power; false for an unknown name.</summary>
        public bool SetPower(string name, bool on)
        {
            if (!_factories.ContainsKey(name))
            {
                return false;
            }

            if (on && !_running.ContainsKey(name))
            {
                _running[name] = _factories[name]();
            }
            else if (!on && _running.TryGetValue(name, out IDisposable node))
            {
                node.Dispose();
                _running.Remove(name);
            }

            return true;
        }

        /// <summary>A universal node's serial console, or null.</summary>
        public DcMonitor.Emulator.Board.VirtualSerialPort Console(string name)
        {
            return _running.TryGetValue(name, out IDisposable node) && node is EmulatedUniversalNode universal ? universal.Console : null;
        }

        /// <summary>Powers everything off.</summary>
        public void Dispose()
        {
            foreach (IDisposable node in _running.Values)
            {
                node.Dispose();
            }

            _running.Clear();
        }
    }
}
