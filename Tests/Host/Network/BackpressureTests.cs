using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Shared.Gateway;
using DcMonitor.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Backpressure on the Pi's command path (native-mesh-interop/README.md "Queue sizes and backpressure"): a DC03 write is
    /// either refused at the ATT layer or answered (data or an ERROR: reply, ERROR:BUSY when a queue was full), never
    /// acknowledged and dropped. The emulated native ring has the device's capacity, record sizes and reserve.
    /// </summary>
    [Collection(CpuLoadCollection.Name)]
    public sealed class BackpressureTests
    {
        private const int RecordEntry = NativeContract.RingEntryPrefix + NativeContract.RecordHeaderLength;

        private readonly ITestOutputHelper _output;

        public BackpressureTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void TheEmulatedRingHasTheDevicesCapacityReserveAndSizes()
        {
            string header = File.ReadAllText(RepositoryPaths.InRoot("native-mesh-interop", "native", "core", "dcm_event_queue.h"));
            Assert.Equal(NativeContract.EventRingBytes, Define(header, "DCM_EVENT_RING_BYTES"));
            Assert.Equal(NativeContract.EventReserveRecords, Define(header, "DCM_EVENT_RESERVE_RECORDS"));
            Assert.Equal(NativeContract.RingEntryPrefix, Define(header, "DCM_EVENT_ENTRY_PREFIX"));
            Assert.Equal(NativeContract.RecordHeaderLength, Define(header, "DCM_EVENT_HEADER_LENGTH"));
            Assert.Equal(NativeContract.MaximumPayloadLength, Define(header, "DCM_EVENT_MAX_PAYLOAD"));
            Assert.Equal(NativeContract.EventsLost, Define(header, "DCM_EVENT_KIND_EVENTS_LOST"));
            Assert.Equal(EmulatedMeshStack.EventRingBytes, NativeContract.EventRingBytes);

            string glue = File.ReadAllText(RepositoryPaths.InRoot("native-mesh-interop", "native", "esp", "dcm_glue.h"));
            Assert.Equal(NativeContract.GattCommandWritten, Enumerator(glue, "DCM_EVENT_GATT_COMMAND_WRITTEN"));
            Assert.Equal(NativeContract.GattCommandRefused, Enumerator(glue, "DCM_EVENT_GATT_COMMAND_REFUSED"));
            Assert.Equal(NativeContract.ProvisionerReady, Enumerator(glue, "DCM_EVENT_PROVISIONER_READY"));
            Assert.Equal(NativeContract.GattPaired, Enumerator(glue, "DCM_EVENT_GATT_PAIRED"));
            Assert.Equal(NativeContract.GattPairingFailed, Enumerator(glue, "DCM_EVENT_GATT_PAIRING_FAILED"));
            Assert.Equal(NativeContract.BatteryMonitorFound, Enumerator(glue, "DCM_EVENT_BATTERY_MONITOR_FOUND"));
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Enumerator(glue, "DCM_EVENT_BATTERY_MONITOR_SCAN_COMPLETED"));
            Assert.Equal(NativeContract.BatteryMonitorReady, Enumerator(glue, "DCM_EVENT_BATTERY_MONITOR_READY"));
            Assert.Equal(NativeContract.BatteryMonitorNotification, Enumerator(glue, "DCM_EVENT_BATTERY_MONITOR_NOTIFICATION"));
            Assert.Equal(NativeContract.BatteryMonitorDisconnected, Enumerator(glue, "DCM_EVENT_BATTERY_MONITOR_DISCONNECTED"));
            Assert.Equal(NativeContract.BatteryMonitorFailed, Enumerator(glue, "DCM_EVENT_BATTERY_MONITOR_FAILED"));
            Assert.Equal(NativeContract.CentralConnectTimedOut, Enumerator(glue, "DCM_CENTRAL_FAILURE_CONNECT_TIMED_OUT"));
            Assert.Equal(NativeContract.CentralScanFailed, Enumerator(glue, "DCM_CENTRAL_FAILURE_SCAN_FAILED"));
            Assert.Equal(NativeContract.GattLinkEncrypted, Define(glue, "DCM_GATT_LINK_ENCRYPTED"));
            Assert.Equal(NativeContract.GattLinkAuthenticated, Define(glue, "DCM_GATT_LINK_AUTHENTICATED"));
            Assert.Equal(NativeContract.GattLinkBonded, Define(glue, "DCM_GATT_LINK_BONDED"));
            string mesh = File.ReadAllText(RepositoryPaths.InRoot("native-mesh-interop", "native", "esp", "dcm_mesh.h"));
            Assert.Equal(NativeContract.GattSecurityBonded, Enumerator(mesh, "DCM_GATT_SECURITY_BONDED"));
            Assert.Equal(NativeContract.GattSecurityPasskey, Enumerator(mesh, "DCM_GATT_SECURITY_PASSKEY"));
            Assert.Equal(NativeContract.GattBondRecordLength, Define(mesh, "DCM_GATT_BOND_RECORD_LENGTH"));
            Assert.Equal(NativeContract.CentralMinimumDurationMilliseconds, Define(mesh, "DCM_CENTRAL_MIN_DURATION_MS"));
            Assert.Equal(NativeContract.CentralMaximumDurationMilliseconds, Define(mesh, "DCM_CENTRAL_MAX_DURATION_MS"));
            Assert.Equal((int)DcMonitor.MeshInterop.GattSecurityMode.Passkey, NativeContract.GattSecurityPasskey);
            Assert.Equal(DcMonitor.MeshInterop.MeshNode.GattBondRecordLength, NativeContract.GattBondRecordLength);
            string sdkconfig = File.ReadAllText(RepositoryPaths.InRoot("native-mesh-interop", "native", "firmware", "sdkconfig.dcmonitor.esp32c6"));
            Assert.Contains("CONFIG_BT_NIMBLE_MAX_BONDS=" + NativeContract.GattMaximumBonds + "\n", sdkconfig.Replace("\r\n", "\n"));
            string ble = File.ReadAllText(RepositoryPaths.InRoot("native-mesh-interop", "test", "fake_idf", "include", "host", "ble_hs.h"));
            Assert.Equal(NativeContract.AttErrorInsufficientResources, Define(ble, "BLE_ATT_ERR_INSUFFICIENT_RES"));
            Assert.Equal(NativeContract.AttErrorInvalidAttributeValueLength, Define(ble, "BLE_ATT_ERR_INVALID_ATTR_VALUE_LEN"));
            Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, Define(ble, "BLE_ATT_ERR_INSUFFICIENT_AUTHEN"));
            Assert.Equal(NativeContract.AttErrorInsufficientEncryption, Define(ble, "BLE_ATT_ERR_INSUFFICIENT_ENC"));
        }

        [Fact]
        public void ACommandThatDoesNotFitIsRefusedOutLoudThenAtTheAttLayer()
        {
            using var bare = new BareNode();
            GattCentralLink link = bare.Stack.Gatt.Connect(_ => { });
            link.NegotiateMtu(185);
            byte[] command = Encoding.ASCII.GetBytes(new string('A', 100));
            int accepted = 0;
            while (link.Write(command))
            {
                accepted++;
                Assert.True(accepted < 1000, "the ring never filled");
            }

            Assert.Equal(NativeContract.AttErrorInsufficientResources, link.LastAttError);
            Assert.False(link.Write(Encoding.ASCII.GetBytes("0:READ")), "a full ring refuses even the shortest command");

            List<byte[]> records = bare.Drain();
            int used = records.Sum(r => NativeContract.RingEntryPrefix + r.Length);
            Assert.InRange(used, NativeContract.EventRingBytes - RecordEntry + 1, NativeContract.EventRingBytes);
            int written = records.Count(r => r[0] == NativeContract.GattCommandWritten);
            int refused = records.Count(r => r[0] == NativeContract.GattCommandRefused);
            Assert.Equal(0, records.Count(r => r[0] == NativeContract.EventsLost));
            Assert.Equal(accepted, written + refused);
            Assert.True(refused >= NativeContract.EventReserveRecords, refused + " refusals");
            int ordinaryBytes = records.Where(r => r[0] != NativeContract.GattCommandRefused).Sum(r => NativeContract.RingEntryPrefix + r.Length);
            Assert.True(ordinaryBytes <= NativeContract.EventRingBytes - NativeContract.EventReserveBytes, "ordinary records used the reserve");
            Assert.All(records.Where(r => r[0] == NativeContract.GattCommandRefused), r =>
            {
                Assert.Equal(NativeContract.RecordHeaderLength, r.Length);
                Assert.Equal(link.Handle, r[11] | (r[12] << 8));
            });

            Assert.True(link.Write(command), "a drained ring takes commands again");
            Assert.Equal(0, link.LastAttError);
        }

        [Fact]
        public void OrdinaryEventsLeaveTheReserveToRefusedCommands()
        {
            using var bare = new BareNode();
            GattCentralLink link = bare.Stack.Gatt.Connect(_ => { });
            bare.Drain();
            int ordinary = (NativeContract.EventRingBytes - NativeContract.EventReserveBytes) / RecordEntry;
            for (int i = 0; i < ordinary + 3; i++)
            {
                link.Subscribe(i % 2 == 0); // header-only ordinary records: the last 3 find no room and are counted
            }

            int room = (NativeContract.EventRingBytes - ordinary * RecordEntry) / RecordEntry;
            Assert.Equal(NativeContract.EventReserveRecords, room);
            for (int i = 0; i < room; i++)
            {
                Assert.True(link.Write(Encoding.ASCII.GetBytes("1:READ")), "refused into the reserve: " + i);
            }

            Assert.False(link.Write(Encoding.ASCII.GetBytes("1:READ")));
            Assert.Equal(NativeContract.AttErrorInsufficientResources, link.LastAttError);

            List<byte[]> records = bare.Drain();
            Assert.Equal(NativeContract.EventsLost, records[0][0]);
            Assert.Equal(3, records[0][11]);
            Assert.Equal(ordinary, records.Count(r => r[0] == NativeContract.GattSubscribed));
            Assert.Equal(room, records.Count(r => r[0] == NativeContract.GattCommandRefused));
            Assert.Equal(0, records.Count(r => r[0] == NativeContract.GattCommandWritten));
        }

        [Fact]
        public void ABurstWhileBothCoresAreBusyIsAnsweredOrRefusedOutLoud()
        {
            string[] mix = { "1:READ", "0:READ", "ALL:READ", "1:DUTY:30" };
            const int Commands = 300;
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            GatewayProcessor gateway = network.Nodes[0].Firmware.Mesh.Gateway;

            int spinners = Math.Max(2, Environment.ProcessorCount);
            int stop = 0;
            long spins = 0;
            var threads = new List<Thread>();
            for (int i = 0; i < spinners; i++)
            {
                var thread = new Thread(() =>
                {
                    double x = 1.0;
                    long local = 0;
                    while (Volatile.Read(ref stop) == 0)
                    {
                        x = Math.Sqrt(x * 1.000001 + local % 7);
                        local++;
                    }

                    Interlocked.Add(ref spins, local + (x > 0 ? 0 : 1));
                }) { IsBackground = true, Name = "spinner " + i };
                threads.Add(thread);
                thread.Start();
            }

            int accepted = 0;
            int refusedAtAtt = 0;
            int finals = 0;
            List<string> messages;
            var clock = Stopwatch.StartNew();
            try
            {
                for (int i = 0; i < Commands; i++)
                {
                    if (pi.Write(mix[i % mix.Length]))
                    {
                        accepted++;
                    }
                    else
                    {
                        Assert.Equal(NativeContract.AttErrorInsufficientResources, pi.Link.LastAttError);
                        refusedAtAtt++;
                    }
                }

                // Every accepted write owes at least one final reply (NODE<n>:DATA or ERROR:...): wait for them and for anything
                // still in flight (the gateway's queue empty, no send outstanding, and 1.5 s without a message).
                while (true)
                {
                    if (pi.NothingMoreWithin(1500))
                    {
                        finals = Reassemble(pi.ChunksSnapshot()).Count(IsFinal);
                        if (finals >= accepted && gateway.QueuedCommands == 0 && gateway.OutstandingSends == 0)
                        {
                            break;
                        }
                    }

                    Assert.True(clock.ElapsedMilliseconds < 120000, "answers stopped: " + finals + " final replies for " + accepted + " accepted writes");
                }
            }
            finally
            {
                Volatile.Write(ref stop, 1);
                threads.ForEach(t => t.Join());
            }

            messages = Reassemble(pi.ChunksSnapshot());
            finals = messages.Count(IsFinal);
            int busy = messages.Count(m => m == GatewayReplies.Busy);
            int data = messages.Count(m => Regex.IsMatch(m, @"^NODE\d+:DATA:"));
            int otherErrors = messages.Count(m => m.StartsWith("ERROR:", StringComparison.Ordinal) && m != GatewayReplies.Busy);
            int sent = messages.Count(m => m.StartsWith("SENT:", StringComparison.Ordinal));
            int silent = accepted - gateway.CommandsTaken - gateway.CommandsRefused;
            _output.WriteLine("burst of " + Commands + " commands with " + spinners + " spinning threads (" + Environment.ProcessorCount + " cores), "
                + clock.ElapsedMilliseconds + " ms:");
            _output.WriteLine("  written: " + accepted + " accepted, " + refusedAtAtt + " refused at the ATT layer (insufficient resources)");
            _output.WriteLine("  node: " + gateway.CommandsTaken + " taken by the gateway, " + gateway.CommandsRefused + " refused with ERROR:BUSY before being taken ("
                + network.Nodes[0].Firmware.Mesh.RingRefusedCommands + " by the native ring's reserve, " + network.Nodes[0].Firmware.Mesh.WorkerRefusedCommands
                + " by the full worker queue, the rest by the gateway's own queue), " + gateway.BusyReplies + " ERROR:BUSY in all");
            _output.WriteLine("  Pi received: " + data + " NODE<n>:DATA, " + busy + " ERROR:BUSY, " + otherErrors + " other ERROR: ("
                + string.Join(", ", messages.Where(m => m.StartsWith("ERROR:", StringComparison.Ordinal) && m != GatewayReplies.Busy).Distinct()) + "), " + sent + " SENT:");
            _output.WriteLine("  answered or refused out loud: " + (gateway.CommandsTaken + gateway.CommandsRefused + refusedAtAtt) + "/" + Commands + ", silent: " + silent);

            Assert.Equal(Commands, accepted + refusedAtAtt);
            Assert.Equal(0, silent); // every acknowledged write reached the gateway: taken, or refused with ERROR:BUSY
            Assert.Equal(gateway.BusyReplies, busy); // every ERROR:BUSY the gateway sent reached the Pi
            Assert.True(finals >= accepted, finals + " final replies for " + accepted + " accepted writes");
            Assert.True(busy >= gateway.CommandsRefused);
        }

        private static bool IsFinal(string message) =>
            Regex.IsMatch(message, @"^NODE\d+:DATA:") || message.StartsWith("ERROR:", StringComparison.Ordinal);

        /// <summary>The Pi's reassembly (seed §3) over every chunk received.</summary>
        private static List<string> Reassemble(List<string> chunks)
        {
            var messages = new List<string>();
            var buffer = new StringBuilder();
            foreach (string chunk in chunks)
            {
                string text = chunk.Trim();
                if (text.StartsWith("+", StringComparison.Ordinal))
                {
                    buffer.Append(text.Substring(1));
                    continue;
                }

                messages.Add(buffer + text);
                buffer.Clear();
            }

            return messages;
        }

        private static int Define(string header, string name)
        {
            Match match = Regex.Match(header, @"#define\s+" + name + @"\s+(0x[0-9A-Fa-f]+|\d+)u?\b");
            Assert.True(match.Success, name + " not defined");
            string value = match.Groups[1].Value;
            return value.StartsWith("0x", StringComparison.Ordinal) ? Convert.ToInt32(value.Substring(2), 16) : int.Parse(value);
        }

        private static int Enumerator(string header, string name)
        {
            Match match = Regex.Match(header, name + @"\s*=\s*(\d+)");
            Assert.True(match.Success, name + " not declared");
            return int.Parse(match.Groups[1].Value);
        }

        /// <summary>A started, provisioned native stack on a board with no firmware: nothing drains its event ring but the test.</summary>
        private sealed class BareNode : IDisposable
        {
            private readonly TemporaryFlash _flash = new TemporaryFlash();

            public BareNode()
            {
                var board = new VirtualBoard(_flash.Path);
                EmulatedMeshStack.Preprovision(board.FlashDirectory, 0x0005, EmulatedUniversalNode.UniversalNodeModels, subscribeVendorServerToAll: true);
                Stack = EmulatedMeshStack.For(board);
                using (board.Activate())
                {
                    Assert.Equal(NativeContract.Ok, Stack.Start(EmulatedUniversalNode.UniversalNodeModels, true, 7, new byte[16]));
                }
            }

            public EmulatedMeshStack Stack { get; }

            public List<byte[]> Drain()
            {
                var records = new List<byte[]>();
                byte[] record = new byte[NativeContract.RecordHeaderLength + NativeContract.MaximumPayloadLength];
                int length;
                while ((length = Stack.TakeEvent(record)) > 0)
                {
                    records.Add(record[..length]);
                }

                return records;
            }

            public void Dispose()
            {
                Stack.PowerOff();
                _flash.Dispose();
            }
        }
    }

    /// <summary>
    /// Tests that load every core (on purpose, or by starting dozens of node processes) run alone, after the parallel ones:
    /// they would otherwise starve the real-time tests (ramp timings, timeouts, readings per outage) running next to them.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class CpuLoadCollection
    {
        /// <summary>The collection's name.</summary>
        public const string Name = "CPU load";
    }
}
