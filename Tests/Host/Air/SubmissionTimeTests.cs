using System.Diagnostics;
using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// A transmission that says when its sender submitted it (a node process's timer-driven <c>tx</c> line with <c>at</c>) starts no
    /// earlier than then, even while the timed air holds its clock for a step; one without is stamped from the held time, as an
    /// answer to the reception being handled.
    /// </summary>
    public class SubmissionTimeTests
    {
        /// <summary>How long the step is held before the two transmissions are submitted, real ms.</summary>
        private const int HeldMilliseconds = 50;

        [Fact]
        public void ATimedSubmissionDuringAHeldStepStartsWhenItWasSubmitted()
        {
            var air = new VirtualAir(lossSeed: 7, AirModel.Timed) { FollowsRealTime = true };
            long heldAt = -1;
            var stamped = new long[] { -1, -1 }; // when a listener first heard: [0] the timed submission, [1] the answer
            var heard = new CountdownEvent(2);
            var timer = new NamedRadio("timer", null);
            var answerer = new NamedRadio("answerer", null);
            for (int i = 0; i < 3; i++)
            {
                air.Join(new NamedRadio("trigger-" + i, pdu => // the first to hear the source acts
                {
                    if (pdu.Source != 1 || Interlocked.CompareExchange(ref heldAt, air.NowMicroseconds, -1) != -1)
                    {
                        return;
                    }

                    // heldAt: delivered inside a step, the air's clock stands still until this returns
                    var held = Stopwatch.StartNew();
                    while (held.ElapsedMilliseconds < HeldMilliseconds)
                    {
                        Thread.SpinWait(1000); // a process the cores leave waiting
                    }

                    air.Transmit(timer, Pdu(2), relayed: false, Stopwatch.GetTimestamp()); // a timer fired meanwhile
                    air.Transmit(answerer, Pdu(3), relayed: false); // the answer to this reception
                }));
            }

            air.Join(timer);
            air.Join(answerer);
            for (int i = 0; i < 3; i++)
            {
                air.Join(new NamedRadio("listener-" + i, pdu => // three: a scanner changing channel in mid-event can miss one
                {
                    int slot = pdu.Source == 2 ? 0 : pdu.Source == 3 ? 1 : -1;
                    if (slot >= 0 && Interlocked.CompareExchange(ref stamped[slot], air.NowMicroseconds, -1) == -1)
                    {
                        heard.Signal();
                    }
                }));
            }

            air.Transmit(new NamedRadio("source", null), Pdu(1), relayed: false);

            Assert.True(heard.Wait(10000), "the listeners did not hear both transmissions");
            Assert.True(heldAt >= 0, "the trigger heard nothing");
            Assert.True(stamped[0] - heldAt >= HeldMilliseconds * 1000L, "the timed submission was stamped " + (stamped[0] - heldAt) + " µs after the held time, before it was submitted");
            long answerLatest = (2 * AdvertisingTiming.ReactionMicroseconds) + AdvertisingTiming.MaximumAdvertisingDelayMicroseconds + AdvertisingTiming.EventDuration(AdvertisingTiming.NetworkPduLength(Pdu(3)));
            Assert.InRange(stamped[1] - heldAt, 1, answerLatest);
        }

        private static NetworkPdu Pdu(int source) => new NetworkPdu
        {
            Source = source, Destination = 0xC000, Ttl = 0, Sequence = 1, SegmentCount = 1, Opcode = 0xC202E5, Parameters = new byte[] { 1, 0 },
        };

        /// <summary>A radio that hands each reception to a callback (on the air's thread).</summary>
        private sealed class NamedRadio : IRadio
        {
            private readonly System.Action<NetworkPdu> _received;

            public NamedRadio(string name, System.Action<NetworkPdu> received)
            {
                RadioName = name;
                _received = received;
            }

            public string RadioName { get; }

            public void Receive(NetworkPdu pdu) => _received?.Invoke(pdu);
        }
    }
}
