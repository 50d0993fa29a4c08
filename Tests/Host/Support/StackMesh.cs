using System;
using System.Collections.Generic;
using System.IO;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// Started, provisioned stacks (unicast 0x0005 + i, vendor server subscribed to 0xC000, NetKey and AppKey of identifier 0) on one air,
    /// no firmware: received vendor messages are counted.
    /// </summary>
    internal sealed class StackMesh : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "dcmonitor-stacks-" + Guid.NewGuid().ToString("N"));
        private readonly List<Dictionary<int, int>> _received = new List<Dictionary<int, int>>();

        /// <summary>Models of every stack: Config Server, vendor server and client (NativeContract bits).</summary>
        public const int Models = NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient;

        /// <summary>Starts <paramref name="nodes"/> stacks on <paramref name="air"/>, with the Relay feature on when <paramref name="relay"/>.</summary>
        public StackMesh(IAirMedium air, int nodes, bool relay = false)
        {
            for (int i = 0; i < nodes; i++)
            {
                var board = new VirtualBoard(Path.Combine(_root, "node-" + i));
                EmulatedMeshStack.Preprovision(board.FlashDirectory, 0x0005 + i, Models, true);
                EmulatedMeshStack stack = EmulatedMeshStack.For(board);
                stack.RadioName = "node-" + i;
                stack.AttachTo(air);
                stack.Start(Models, relay, 7, new byte[16]);
                Stacks.Add(stack);
                _received.Add(new Dictionary<int, int>());
            }
        }

        /// <summary>The stacks, node 0 first.</summary>
        public List<EmulatedMeshStack> Stacks { get; } = new List<EmulatedMeshStack>();

        /// <summary>Vendor messages with <paramref name="opcode"/> node <paramref name="index"/> has received so far.</summary>
        public int Received(int index, int opcode)
        {
            byte[] record = new byte[512];
            Dictionary<int, int> counts = _received[index];
            while (Stacks[index].TakeEvent(record) > 0)
            {
                if (record[0] == NativeContract.VendorMessageReceived)
                {
                    int received = record[5] | (record[6] << 8) | (record[7] << 16);
                    counts[received] = counts.GetValueOrDefault(received) + 1;
                }
            }

            return counts.GetValueOrDefault(opcode);
        }

        /// <summary>Powers every stack off and deletes the flash folders.</summary>
        public void Dispose()
        {
            foreach (EmulatedMeshStack stack in Stacks)
            {
                stack.PowerOff();
            }

            try
            {
                Directory.Delete(_root, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
