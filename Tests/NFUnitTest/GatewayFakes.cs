using System.Collections;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>A mesh that records what the gateway sends and accepts or refuses on demand.</summary>
    public sealed class RecordingMesh : IGatewayMesh
    {
        public RecordingMesh(int ownAddress, bool vendorClientBound)
        {
            OwnAddress = ownAddress;
            VendorClientBound = vendorClientBound;
            Accept = true;
            Sends = new ArrayList();
        }

        public int OwnAddress { get; set; }

        public bool VendorClientBound { get; set; }

        /// <summary>What the next sends return.</summary>
        public bool Accept { get; set; }

        /// <summary>"vendor 0x0006 read" / "onoff 0x0006 1" entries, in order.</summary>
        public ArrayList Sends { get; }

        public bool SendVendor(int destination, NodeCommandKind command, int dutyPercent)
        {
            Sends.Add("vendor 0x" + destination.ToString("X4") + " " + NodeCommandText.Of(command, dutyPercent));
            return Accept;
        }

        /// <summary>Response window of the last group send, ms (0 before one).</summary>
        public int LastGroupResponseWindowMilliseconds { get; private set; }

        /// <summary>Recorded as a vendor send to 0xC000; the window is kept in <see cref="LastGroupResponseWindowMilliseconds"/>.</summary>
        public bool SendVendorToGroup(NodeCommandKind command, int dutyPercent, int responseWindowMilliseconds)
        {
            LastGroupResponseWindowMilliseconds = responseWindowMilliseconds;
            return SendVendor(0xC000, command, dutyPercent);
        }

        public bool SendOnOff(int destination, bool on)
        {
            Sends.Add("onoff 0x" + destination.ToString("X4") + (on ? " 1" : " 0"));
            return Accept;
        }
    }

    /// <summary>Collects notified messages.</summary>
    public sealed class RecordingNotifier : IGatewayNotifier
    {
        public RecordingNotifier()
        {
            Messages = new ArrayList();
        }

        public ArrayList Messages { get; }

        public void Notify(byte[] message, int length)
        {
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
            {
                text[i] = (char)message[i];
            }

            Messages.Add(new string(text));
        }
    }

    /// <summary>This node's command runner: holds each request until the test answers it.</summary>
    public sealed class ManualLocalRunner : ILocalCommandRunner
    {
        private readonly ArrayList _pending = new ArrayList();
        private readonly ArrayList _texts = new ArrayList();

        public int Pending => _pending.Count;

        public string LastText => _texts.Count == 0 ? null : (string)_texts[_texts.Count - 1];

        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            _texts.Add(nodeCommandText);
            _pending.Add(reply);
            return true;
        }

        /// <summary>Answers the oldest pending request.</summary>
        public void Answer(string reply)
        {
            GatewayReplyHandler handler = (GatewayReplyHandler)_pending[0];
            _pending.RemoveAt(0);
            byte[] bytes = new byte[reply.Length];
            for (int i = 0; i < reply.Length; i++)
            {
                bytes[i] = (byte)reply[i];
            }

            handler(bytes, bytes.Length);
        }
    }

    /// <summary>A gateway processor at 0x0005 over the recording fakes, with helpers to write the Pi's commands and check what it did.</summary>
    public sealed class GatewayUnderTest
    {
        public GatewayUnderTest(bool vendorClientBound)
        {
            Mesh = new RecordingMesh(0x0005, vendorClientBound);
            Notifier = new RecordingNotifier();
            Local = new ManualLocalRunner();
            Processor = new GatewayProcessor(Mesh, Notifier, Local);
        }

        public RecordingMesh Mesh { get; }

        public RecordingNotifier Notifier { get; }

        public ManualLocalRunner Local { get; }

        public GatewayProcessor Processor { get; }

        public void Write(string command, long now)
        {
            Write(Processor, command, now);
        }

        /// <summary>The Pi writes <paramref name="command"/> (ASCII) to <paramref name="processor"/> at <paramref name="now"/> ms.</summary>
        public static void Write(GatewayProcessor processor, string command, long now)
        {
            byte[] bytes = new byte[command.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)command[i];
            }

            processor.OnCommandWritten(bytes, bytes.Length, now);
        }

        public void ExpectMessages(params string[] expected)
        {
            Assert.AreEqual(expected.Length, Notifier.Messages.Count, "messages: " + Join(Notifier.Messages));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (string)Notifier.Messages[i]);
            }
        }

        public void ExpectSends(params string[] expected)
        {
            Assert.AreEqual(expected.Length, Mesh.Sends.Count, "sends: " + Join(Mesh.Sends));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (string)Mesh.Sends[i]);
            }
        }

        private static string Join(System.Collections.ArrayList items)
        {
            string joined = string.Empty;
            foreach (object item in items)
            {
                joined += (joined.Length == 0 ? string.Empty : " | ") + (string)item;
            }

            return joined;
        }
    }
}
