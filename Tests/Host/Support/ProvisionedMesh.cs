using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Provisioner;
using DcMonitor.Shared;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A mesh that starts as a real one does, in this process: a provisioner and unprovisioned universal nodes and relays on
    /// one air (the provisioner in range of every device), each with a flash folder that survives power cycles. Devices
    /// are powered on and off by name; the provisioner's console is recorded line by line.
    /// </summary>
    public sealed class ProvisionedMesh : IDisposable
    {
        /// <summary>Longest wait between two node lists when no node is logged as fully configured, ms.</summary>
        private const int UnloggedChangeMilliseconds = 1000;

        private readonly Dictionary<string, TemporaryFlash> _flash = new Dictionary<string, TemporaryFlash>();
        private readonly ConcurrentDictionary<string, EmulatedNode> _nodes = new ConcurrentDictionary<string, EmulatedNode>();
        private readonly List<string> _kinds = new List<string>();
        private readonly BlockingCollection<string> _provisionerLines = new BlockingCollection<string>();
        private Thread _recorder;

        /// <summary>
        /// Names provisioner, node-0..node-(universal-1), relay-0..relay-(relays-1); all off until <see cref="PowerOn"/>. The air is
        /// <paramref name="air"/>'s model: timed by default, as the real radio is (airtime, collisions), following real time as every air
        /// carrying firmware does (docs/air-model.md).
        /// </summary>
        public ProvisionedMesh(int universal, int relays, AirModel air = AirModel.Timed)
        {
            Air = air == AirModel.Timed ? new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true } : new VirtualAir();
            Names.Add("provisioner");
            for (int i = 0; i < universal; i++)
            {
                Names.Add("node-" + i);
            }

            for (int i = 0; i < relays; i++)
            {
                Names.Add("relay-" + i);
            }

            foreach (string name in Names)
            {
                _flash[name] = new TemporaryFlash();
            }
        }

        /// <summary>The air.</summary>
        public VirtualAir Air { get; }

        /// <summary>Every device's name.</summary>
        public List<string> Names { get; } = new List<string>();

        /// <summary>Every line the provisioner printed, in order (all boots).</summary>
        public List<string> ProvisionerTranscript { get; } = new List<string>();

        /// <summary>The flash folder of a device.</summary>
        public string FlashOf(string name) => _flash[name].Path;

        /// <summary>The running device (null while off).</summary>
        public EmulatedNode Device(string name) => _nodes.TryGetValue(name, out EmulatedNode node) ? node : null;

        /// <summary>The running universal node.</summary>
        public EmulatedUniversalNode Universal(string name) => (EmulatedUniversalNode)_nodes[name];

        /// <summary>Makes <paramref name="name"/> hear only the devices in <paramref name="neighbours"/>.</summary>
        public void HearOnly(string name, params string[] neighbours)
        {
            foreach (string other in Names.Where(n => n != name))
            {
                Air.SetLink(name, other, inRange: neighbours.Contains(other));
            }
        }

        /// <summary>Makes <paramref name="names"/> a line: each hears only its neighbours in the list and the provisioner (which admitted it over PB-ADV).</summary>
        public void HearInALine(params string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                var hears = new List<string> { "provisioner" };
                if (i > 0)
                {
                    hears.Add(names[i - 1]);
                }

                if (i < names.Length - 1)
                {
                    hears.Add(names[i + 1]);
                }

                HearOnly(names[i], hears.ToArray());
            }
        }

        /// <summary>
        /// Sends ALL:READ as the Pi through universal node <paramref name="gateway"/> and collects the <c>NODE&lt;id&gt;</c> of every other node
        /// whose DATA line comes back, until <paramref name="expected"/> have answered or 30 s pass.
        /// </summary>
        public HashSet<string> AllReadAnswers(string gateway, int expected)
        {
            var pi = new PiCentral(Universal(gateway).Radio);
            pi.Write("ALL:READ");
            var answered = new HashSet<string>();
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (answered.Count < expected && DateTime.UtcNow < deadline)
            {
                string message = pi.Next(30000);
                if (message.Contains(":DATA:", StringComparison.Ordinal) && !message.StartsWith("NODE" + NodeIdOf(gateway) + ":", StringComparison.Ordinal))
                {
                    answered.Add(message.Substring(0, message.IndexOf(':')));
                }
            }

            return answered;
        }

        /// <summary>Powers devices on (all when none is named), each on a fresh board over its flash folder.</summary>
        public void PowerOn(params string[] names)
        {
            foreach (string name in names.Length == 0 ? Names.ToArray() : names)
            {
                EmulatedNode node;
                if (name == "provisioner")
                {
                    var provisioner = new EmulatedProvisionerNode(FlashOf(name), name, Air);
                    StartRecording(provisioner.Console);
                    node = provisioner;
                }
                else if (name.StartsWith("relay-", StringComparison.Ordinal))
                {
                    node = new EmulatedRelayNode(FlashOf(name), name, Air, 0);
                }
                else
                {
                    node = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = FlashOf(name), Name = name, Air = Air, NoiseSeed = 100 + Names.IndexOf(name) });
                }

                _nodes[name] = node;
                node.PowerOn();
                if (node is EmulatedUniversalNode universal && universal.Radio.Gatt.PairingOpen)
                {
                    PiCentral.PairAsOwner(universal.Radio); // first boot: the owner pairs the Pi once (docs/security.md)
                }
            }
        }

        /// <summary>Power cut of devices (all when none is named).</summary>
        public void PowerOff(params string[] names)
        {
            foreach (string name in names.Length == 0 ? _nodes.Keys.ToArray() : names)
            {
                if (_nodes.TryGetValue(name, out EmulatedNode node))
                {
                    node.Dispose(); // gone from Device() only once the power cut is complete
                    _nodes.TryRemove(name, out _);
                }
            }
        }

        /// <summary>Types a line on the provisioner's console.</summary>
        public void Type(string line) => ((EmulatedProvisionerNode)_nodes["provisioner"]).Console.SendToDevice(line + "\r\n");

        /// <summary>Waits for the next provisioner line that satisfies <paramref name="match"/>; fails the test on timeout.</summary>
        public string WaitForProvisioner(Func<string, bool> match, int timeoutMilliseconds = 30000)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            while (true)
            {
                int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                string line = null;
                bool taken = left > 0 && _provisionerLines.TryTake(out line, left);
                Assert.True(taken, "no matching provisioner line in time; transcript:\n" + string.Join("\n", ProvisionerTranscript));
                if (match(line))
                {
                    return line;
                }
            }
        }

        /// <summary>
        /// Asks the provisioner for its node list until <paramref name="count"/> nodes are fully configured (or the deadline passes: the
        /// test fails with the last list); returns that list, one line per node. Between two lists it waits for the provisioner to log
        /// that a node became fully configured (at most <see cref="UnloggedChangeMilliseconds"/>, for a list that changes without it).
        /// </summary>
        public List<string> WaitUntilConfigured(int count, int timeoutMilliseconds = 60000)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            List<string> nodes = new List<string>();
            while (DateTime.UtcNow < deadline)
            {
                nodes = NodeList();
                if (nodes.Count(l => l.EndsWith(" fully configured", StringComparison.Ordinal)) >= count)
                {
                    return nodes;
                }

                DateTime next = DateTime.UtcNow.AddMilliseconds(UnloggedChangeMilliseconds);
                int left;
                while ((left = (int)(next - DateTime.UtcNow).TotalMilliseconds) > 0
                    && _provisionerLines.TryTake(out string line, left)
                    && !line.EndsWith(" fully configured", StringComparison.Ordinal))
                {
                    // configuration runs on the provisioner's own schedule: its log says when a node is done
                }
            }

            Assert.Fail("not " + count + " nodes fully configured in time:\n" + string.Join("\n", nodes) + "\ntranscript:\n" + string.Join("\n", ProvisionerTranscript));
            return nodes;
        }

        /// <summary>
        /// The provisioner's <c>nodes</c> output. The console answers commands in order, so the banner of a <c>version</c> typed
        /// right after it marks the end of the list.
        /// </summary>
        public List<string> NodeList()
        {
            Type("nodes");
            Type("version");
            string banner = FirmwareVersion.Banner(ProvisionerApp.ImageName);
            var lines = new List<string>();
            while (true)
            {
                string line = WaitForProvisioner(l => l == banner || l.StartsWith("node ", StringComparison.Ordinal), 10000);
                if (line == banner)
                {
                    return lines;
                }

                lines.Add(line);
            }
        }

        /// <summary>Node id of the device whose UUID the provisioner registered for <paramref name="name"/> (from the device's own stack).</summary>
        public int NodeIdOf(string name) => _nodes[name].Radio.UnicastAddress - 0x0005;

        public void Dispose()
        {
            PowerOff();
            _provisionerLines.CompleteAdding();
            foreach (TemporaryFlash flash in _flash.Values)
            {
                flash.Dispose();
            }
        }

        private void StartRecording(VirtualSerialPort console)
        {
            _recorder = new Thread(() =>
            {
                while (console.TryReadLine(Timeout.Infinite, out string line))
                {
                    lock (ProvisionerTranscript)
                    {
                        ProvisionerTranscript.Add(line);
                    }

                    if (!_provisionerLines.IsAddingCompleted)
                    {
                        _provisionerLines.Add(line);
                    }
                }
            }) { IsBackground = true };
            _recorder.Start();
        }
    }
}
