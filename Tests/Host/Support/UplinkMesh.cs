using DcMonitor.Emulator.Broker;
using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Shared.Uplink;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A demo-like mesh for the MQTT uplink tests: provisioned universal nodes node-i at 0x0005 + i on one air (as the provisioner
    /// leaves them, uplink group included), a Wi-Fi access point of their own (switchable), the embedded broker on a free port,
    /// and a recorder subscribed to everything on it. Nodes get their uplink settings over the serial console, as a user types them.
    /// Nodes can lose power and come back over the same flash.
    /// </summary>
    public sealed class UplinkMesh : IDisposable
    {
        public const string Password = "emulated-router";
        private readonly List<TemporaryFlash> _flashes = new List<TemporaryFlash>();
        private readonly double _supplyVolts;
        private readonly double _loadOhms;

        public UplinkMesh(int nodes, int periodSeconds, int uplinkNodes = -1, int queueCapacity = 0, double supplyVolts = 12.0, double loadOhms = 48.0,
            Action<VirtualAir> topology = null, UplinkBrokerSecurity security = null)
        {
            Security = security;
            topology?.Invoke(Air);
            _supplyVolts = supplyVolts;
            _loadOhms = loadOhms;
            Ssid = "dcm-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Router = VirtualAccessPoint.Create(Ssid, Password);
            Broker = security == null ? new EmbeddedBroker() : new EmbeddedBroker(security.User, security.Password, security.Authority.IssueServer());
            Recorder = security == null ? new MqttRecorder(Broker.Port) : new MqttRecorder(Broker.Port, security.PastedAuthority(), security.User, security.Password);
            PeriodSeconds = periodSeconds;
            QueueCapacity = queueCapacity;
            UplinkNodes = uplinkNodes < 0 ? nodes : uplinkNodes;
            for (int i = 0; i < nodes; i++)
            {
                _flashes.Add(new TemporaryFlash());
                Nodes.Add(null);
                Consoles.Add(null);
            }

            for (int i = 0; i < nodes; i++)
            {
                PowerOn(i);
            }

            for (int i = 0; i < nodes; i++)
            {
                Configure(i);
            }
        }

        public string Ssid { get; }

        /// <summary>TLS and credentials of the broker, which every uplink node is configured with; null for a plain, open broker.</summary>
        public UplinkBrokerSecurity Security { get; }

        public VirtualAccessPoint Router { get; }

        public EmbeddedBroker Broker { get; }

        public MqttRecorder Recorder { get; }

        /// <summary>The air: timed, as the real radio is (airtime, collisions), following real time as every air carrying firmware does (docs/air-model.md).</summary>
        public VirtualAir Air { get; } = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };

        public int PeriodSeconds { get; }

        public int QueueCapacity { get; }

        /// <summary>Nodes 0 .. UplinkNodes-1 get Wi-Fi and broker settings (uplink candidates); the others only the period.</summary>
        public int UplinkNodes { get; }

        public List<EmulatedUniversalNode> Nodes { get; } = new List<EmulatedUniversalNode>();

        public List<NodeConsole> Consoles { get; } = new List<NodeConsole>();

        /// <summary>The Home Assistant object id of node <paramref name="index"/> (from its UUID, as the bridge names it).</summary>
        public string ObjectId(int index) => HomeAssistantDiscovery.ObjectId(Nodes[index].Radio.DeviceUuid);

        /// <summary>Boots node <paramref name="index"/> over its flash and waits for its console.</summary>
        public void PowerOn(int index)
        {
            var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions
            {
                FlashDirectory = _flashes[index].Path,
                Name = "node-" + index,
                Air = Air,
                PreprovisionedAddress = 0x0005 + index,
                NoiseSeed = 100 + index,
                SupplyVolts = _supplyVolts,
                LoadOhms = _loadOhms,
            });
            Nodes[index] = node;
            Consoles[index] = new NodeConsole(node.Console);
            node.PowerOn();
            Consoles[index].WaitUntilReady();
        }

        /// <summary>Cuts node <paramref name="index"/>'s power (its radio, Wi-Fi and threads stop at once).</summary>
        public void PowerCut(int index)
        {
            Nodes[index].Dispose();
            Nodes[index] = null;
        }

        /// <summary>Types the uplink settings into node <paramref name="index"/>'s console and checks every reply.</summary>
        public void Configure(int index)
        {
            var lines = new List<string> { "uplink period " + PeriodSeconds };
            if (index < UplinkNodes && Security != null)
            {
                // Before the broker host: the node never tries the broker without them.
                Security.Configure(Consoles[index]);
            }

            if (index < UplinkNodes)
            {
                lines.AddRange(new[] { "uplink wifi-ssid " + Ssid, "uplink wifi-password " + Password, "uplink broker-host 127.0.0.1", "uplink broker-port " + Broker.Port });
            }

            if (QueueCapacity > 0)
            {
                lines.Add("uplink queue " + QueueCapacity);
            }

            foreach (string line in lines)
            {
                string reply = Consoles[index].Ask(line);
                Assert.StartsWith("uplink: ", reply);
            }
        }

        /// <summary>The unicast address of the node that bridges now according to its own firmware (0: none).</summary>
        public int Bridge() => Nodes.Where(n => n?.Firmware?.Uplink?.Bridge?.IsBridging == true).Select(n => n.Radio.UnicastAddress).FirstOrDefault();

        /// <summary>Per node (object id): the sequence numbers of its published states in arrival order.</summary>
        public Dictionary<string, List<int>> Sequences() => Enumerable.Range(0, Nodes.Count).Select(ObjectId).Distinct()
            .ToDictionary(id => id, id => Recorder.States(id).Select(s => s.Sequence).ToList());

        /// <summary>
        /// Every (node index, sequence) some candidate logged as missed on the mesh ("[bridge] N reading(s) of 0x…. missed on the mesh
        /// before sequence S", UplinkBridge): the readings a consumer may lack without the uplink having lost them.
        /// </summary>
        public HashSet<(int Node, int Sequence)> ReadingsLoggedAsMissed()
        {
            var missed = new HashSet<(int Node, int Sequence)>();
            var pattern = new System.Text.RegularExpressions.Regex(@"(\d+) reading\(s\) of 0x([0-9A-F]{4}) missed on the mesh before sequence (\d+)");
            foreach (NodeConsole console in Consoles)
            {
                console.ReadAvailable();
                foreach (string line in console.Transcript)
                {
                    System.Text.RegularExpressions.Match match = pattern.Match(line);
                    if (!match.Success)
                    {
                        continue;
                    }

                    int address = Convert.ToInt32(match.Groups[2].Value, 16);
                    int node = Nodes.FindIndex(n => n?.Radio.UnicastAddress == address);
                    int before = int.Parse(match.Groups[3].Value);
                    for (int gap = int.Parse(match.Groups[1].Value); gap > 0; gap--)
                    {
                        missed.Add((node, (before - gap) & 0xFFFF));
                    }
                }
            }

            return missed;
        }

        /// <summary>Readings the bridge now bridging never heard on the mesh (gaps in the nodes' sequence numbers, UplinkBridge.ReadingsMissed).</summary>
        public int ReadingsMissedByBridge() => Nodes.Where(n => n?.Firmware?.Uplink?.Bridge?.IsBridging == true).Sum(n => n.Firmware.Uplink.Bridge.ReadingsMissed);

        /// <summary>
        /// Checks a node's published sequence numbers: every number from the first to the last is there (no gap), the first
        /// deliveries come in increasing order, and any repeat (QoS 1 re-sending what the broker had but did not acknowledge in time)
        /// is a number already seen. Returns how many repeats there were.
        /// </summary>
        public static int AssertCompleteAndInOrder(string node, List<int> sequences)
        {
            int repeats = AssertInOrder(node, sequences, out List<int> missing);
            Assert.True(missing.Count == 0, node + ": missing sequences " + string.Join(",", missing) + " in " + string.Join(",", sequences));
            return repeats;
        }

        /// <summary>
        /// As <see cref="AssertCompleteAndInOrder"/>, but returns in <paramref name="missing"/> the numbers from the first to the last that never
        /// arrived instead of failing on them (for a test that accounts for each, e.g. as missed on the mesh by the bridge).
        /// </summary>
        public static int AssertInOrder(string node, List<int> sequences, out List<int> missing)
        {
            Assert.NotEmpty(sequences);
            var seen = new HashSet<int>();
            int last = -1;
            int repeats = 0;
            foreach (int sequence in sequences)
            {
                if (!seen.Add(sequence))
                {
                    repeats++;
                    continue;
                }

                Assert.True(sequence > last, node + ": sequence " + sequence + " after " + last + " (out of order) in " + string.Join(",", sequences));
                last = sequence;
            }

            int first = sequences.Min();
            missing = Enumerable.Range(first, last - first + 1).Where(s => !seen.Contains(s)).ToList();
            return repeats;
        }

        public void Dispose()
        {
            foreach (EmulatedUniversalNode node in Nodes.Where(n => n != null))
            {
                node.Dispose();
            }

            Recorder.Dispose();
            Broker.Dispose();
            foreach (TemporaryFlash flash in _flashes)
            {
                flash.Dispose();
            }
        }
    }
}
