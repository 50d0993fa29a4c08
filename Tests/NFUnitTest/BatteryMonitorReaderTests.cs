using System;
using System.Collections;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Gatt;
using DcMonitor.Shared.Runtime;
using nanoFramework.TestFramework;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The BM6 reader against a scripted link (docs/battery-monitor.md): connect, Ready, the encrypted poll, ONE notification,
    /// disconnect; failures and timeouts become "unreachable" with the reason logged; the last good reading kept with its age;
    /// a read in progress refuses a second; the scan lists what it found. Times are the test's own milliseconds.
    /// </summary>
    [TestClass]
    public class BatteryMonitorReaderTests
    {
        private const string Address = "2C:CF:67:00:00:05";

        [TestMethod]
        public void AReadConnectsWritesThePollTakesOneNotificationAndDisconnects()
        {
            Rig rig = new Rig();
            rig.Reader.Tick(4999);
            Assert.AreEqual(0, rig.Link.Calls.Count, "the first read comes 5 s after configuration");
            rig.Reader.Tick(5000);
            Assert.AreEqual("connect 05000067cf2c type 0 timeout 10000", (string)rig.Link.Calls[0]);
            Assert.AreEqual((int)BatteryMonitorState.Connecting, (int)rig.Reader.State);

            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 6000);
            Assert.AreEqual("write " + NodeRegistry.Hex(XorBlockCipher.Response(Poll()), 0, 16), (string)rig.Link.Calls[1]);
            Assert.AreEqual((int)BatteryMonitorState.AwaitingNotification, (int)rig.Reader.State);

            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Notification(XorBlockCipher.Response(XorBlockCipher.Plain(0, 21, 87, 1271, 0))), 7000);
            Assert.AreEqual("disconnect", (string)rig.Link.Calls[2]);
            Assert.AreEqual((int)BatteryMonitorState.Disconnecting, (int)rig.Reader.State);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Notification(XorBlockCipher.Response(XorBlockCipher.Plain(0, 22, 86, 1270, 0))), 7900);
            Assert.AreEqual(3, rig.Link.Calls.Count, "a second notification before the disconnect is not taken");
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Disconnected), 8000);
            Assert.AreEqual((int)BatteryMonitorState.Idle, (int)rig.Reader.State);

            BatteryReading reading = new BatteryReading();
            Assert.IsTrue(rig.Reader.TryGetFreshReading(8000, reading));
            Assert.AreEqual("BATT:V:12.71V,SOC:87%,T:21C", BatteryReplies.Reading(reading));
            Assert.AreEqual(7000L, rig.Reader.LastReadingAt);
            Assert.AreEqual(1, rig.Reader.ReadsSucceeded);
            Assert.AreEqual(0, rig.Log.Count, "a good read logs nothing");
        }

        [TestMethod]
        public void ABm7IsPolledAndReadWithTheBm7KeyAndShownAsSuch()
        {
            Rig rig = new Rig(BatteryMonitorVariant.Bm7);
            Assert.AreEqual((int)BatteryMonitorVariant.Bm7, (int)rig.Reader.Variant);
            Assert.IsTrue(rig.Reader.StatusLine(0).StartsWith("BM6 " + Address + " (bm7 key), every 60 s"), rig.Reader.StatusLine(0));
            Assert.AreEqual((int)BatteryReadStart.Started, (int)rig.Reader.RequestRead(null, 5000));
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 5500);
            string bm7Poll = NodeRegistry.Hex(XorBlockCipher.Response(Poll(), BatteryMonitorKey.Bm7()), 0, 16);
            Assert.AreEqual("write " + bm7Poll, (string)rig.Link.Calls[1]);
            Assert.IsTrue(bm7Poll.EndsWith("40"), "the poll's last byte carries the BM7 key's 64: " + bm7Poll);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Notification(XorBlockCipher.Response(XorBlockCipher.Plain(0, 21, 87, 1271, 0), BatteryMonitorKey.Bm7())), 6000);
            Assert.AreEqual(1, rig.Reader.ReadsSucceeded, rig.Reader.LastFailure);
            Assert.AreEqual("BATT:V:12.71V,SOC:87%,T:21C", BatteryReplies.Reading(rig.Reader.LastReading));
        }

        [TestMethod]
        public void AnotherVariantForTheSameAddressSwitchesTheKeyAndForgetsTheReading()
        {
            Rig rig = new Rig();
            Assert.IsTrue(rig.Reader.StatusLine(0).StartsWith("BM6 " + Address + " (bm6 key), every 60 s"), rig.Reader.StatusLine(0));
            rig.ReadOnce(5000, 0, 21);
            Assert.IsTrue(rig.Reader.HasReading);
            byte[] address = new byte[6];
            BondAddress.TryParse(Address, address);
            rig.Reader.Configure(address, 0, BatteryMonitorVariant.Bm7, BatteryMonitorReader.DefaultPeriodSeconds, 10000);
            Assert.IsFalse(rig.Reader.HasReading, "a reading taken under the other key is not this monitor's");
            Assert.AreEqual((int)BatteryReadStart.Started, (int)rig.Reader.RequestRead(null, 15000));
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 15500);
            Assert.AreEqual("write " + NodeRegistry.Hex(XorBlockCipher.Response(Poll(), BatteryMonitorKey.Bm7()), 0, 16), (string)rig.Link.Calls[rig.Link.Calls.Count - 1]);
            Assert.ThrowsException(typeof(ArgumentException), () => rig.Reader.Configure(address, 0, (BatteryMonitorVariant)7, 60, 20000));
        }

        [TestMethod]
        public void TheNextReadComesOnePeriodAfterTheLastStarted()
        {
            Rig rig = new Rig();
            rig.ReadOnce(5000, 0, 21);
            rig.Reader.Tick(64999);
            Assert.AreEqual(3, rig.Link.Calls.Count);
            rig.Reader.Tick(65000);
            Assert.AreEqual(4, rig.Link.Calls.Count);
            StringAssertStartsWith((string)rig.Link.Calls[3], "connect ");
        }

        [TestMethod]
        public void AReadInProgressRefusesASecond()
        {
            Rig rig = new Rig();
            Assert.AreEqual((int)BatteryReadStart.Started, (int)rig.Reader.RequestRead(null, 100));
            Assert.AreEqual((int)BatteryReadStart.AlreadyInProgress, (int)rig.Reader.RequestRead(null, 200));
            Assert.AreEqual(1, rig.Link.Calls.Count, "one connect only");
            Assert.IsFalse(rig.Reader.StartScan(rig.Print, 300), "no scan during a read either");
        }

        [TestMethod]
        public void ARequestedReadPrintsItsOutcome()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(rig.Print, 100);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 200);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Notification(XorBlockCipher.Response(XorBlockCipher.Plain(1, 5, 40, 1190, 0))), 300);
            Assert.AreEqual(">> BATT:V:11.90V,SOC:40%,T:-5C", (string)rig.Printed[0]);
        }

        [TestMethod]
        public void ABusyOrAbsentMonitorIsAFailureWithItsReasonAndNoReading()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(rig.Print, 100);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Failed(BatteryMonitorLinkFailure.ConnectTimedOut, 13), 10100);
            Assert.AreEqual(1, rig.Reader.ReadsFailed);
            Assert.IsTrue(rig.Reader.LastFailure.IndexOf("busy with another central") >= 0, rig.Reader.LastFailure);
            Assert.IsTrue(((string)rig.Log[0]).IndexOf(Address) >= 0, (string)rig.Log[0]);
            Assert.IsTrue(((string)rig.Printed[0]).StartsWith(">> ERR: BM6 read failed: "), (string)rig.Printed[0]);
            Assert.IsFalse(rig.Reader.HasReading);
            Assert.IsFalse(rig.Reader.TryGetFreshReading(10100, new BatteryReading()));
            Assert.AreEqual((int)BatteryMonitorState.Idle, (int)rig.Reader.State, "no link was made: nothing to wait for");
            Assert.IsTrue(rig.Reader.StatusLine(10100).IndexOf("unreachable") >= 0, rig.Reader.StatusLine(10100));
            Assert.IsTrue(rig.Reader.RequestRead(rig.Print, 10200) == BatteryReadStart.Started, "a new read starts at once");
        }

        [TestMethod]
        public void AFailureAfterTheLinkIsUpWaitsForItsDisconnect()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(null, 0);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Failed(BatteryMonitorLinkFailure.SubscribeFailed, 14), 1000);
            Assert.AreEqual((int)BatteryMonitorState.Disconnecting, (int)rig.Reader.State, "the link is being ended");
            rig.Reader.Tick(1000 + BatteryMonitorReader.DisconnectTimeoutMilliseconds + 1);
            Assert.AreEqual((int)BatteryMonitorState.Idle, (int)rig.Reader.State, "no Disconnected came: the reader goes on");
        }

        [TestMethod]
        public void NoNotificationWithinFiveSecondsEndsTheRead()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(null, 0);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 1000);
            rig.Reader.Tick(1000 + BatteryMonitorReader.NotificationTimeoutMilliseconds);
            Assert.AreEqual(2, rig.Link.Calls.Count, "not yet");
            rig.Reader.Tick(1001 + BatteryMonitorReader.NotificationTimeoutMilliseconds);
            Assert.AreEqual("disconnect", (string)rig.Link.Calls[2]);
            Assert.IsTrue(rig.Reader.LastFailure.IndexOf("no notification") >= 0, rig.Reader.LastFailure);
        }

        [TestMethod]
        public void ALinkThatNeverAnswersTheConnectIsGivenUpOn()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(null, 0);
            rig.Reader.Tick(BatteryMonitorReader.ConnectTimeoutMilliseconds + BatteryMonitorReader.ConnectGuardMilliseconds + 1);
            Assert.AreEqual("disconnect", (string)rig.Link.Calls[1]);
            Assert.AreEqual(1, rig.Reader.ReadsFailed);
        }

        [TestMethod]
        public void AMalformedNotificationIsAFailureShowingItsBytes()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(null, 0);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 100);
            byte[] garbage = new byte[16];
            garbage[0] = 0xAB;
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Notification(garbage), 200);
            Assert.IsFalse(rig.Reader.HasReading);
            Assert.IsTrue(rig.Reader.LastFailure.IndexOf("ab000000") >= 0, rig.Reader.LastFailure);
            Assert.AreEqual("disconnect", (string)rig.Link.Calls[2]);
        }

        [TestMethod]
        public void TheDeviceDroppingTheConnectionBeforeItsReadingIsAFailure()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(null, 0);
            BatteryMonitorLinkEvent dropped = ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Disconnected);
            dropped.Value = 0x08;
            rig.Reader.OnLinkEvent(dropped, 500);
            Assert.IsTrue(rig.Reader.LastFailure.IndexOf("0x08") >= 0, rig.Reader.LastFailure);
            Assert.AreEqual((int)BatteryMonitorState.Idle, (int)rig.Reader.State, "the connection is over: nothing to wait for");
            Assert.AreEqual(1, rig.Link.Calls.Count, "no disconnect asked of a link that already disconnected");
        }

        [TestMethod]
        public void ARefusedConnectOrWriteIsAFailure()
        {
            Rig rig = new Rig();
            rig.Link.AcceptConnect = false;
            Assert.AreEqual((int)BatteryReadStart.LinkRefused, (int)rig.Reader.RequestRead(null, 0));
            Assert.AreEqual((int)BatteryMonitorState.Idle, (int)rig.Reader.State);
            rig.Link.AcceptConnect = true;
            rig.Link.AcceptWrite = false;
            Assert.AreEqual((int)BatteryReadStart.Started, (int)rig.Reader.RequestRead(null, 100));
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), 200);
            Assert.AreEqual(2, rig.Reader.ReadsFailed);
            Assert.IsTrue(rig.Reader.LastFailure.IndexOf("poll write") >= 0, rig.Reader.LastFailure);
        }

        [TestMethod]
        public void TheLastGoodReadingStaysFreshForThreePeriodsThenTheMonitorIsUnreachable()
        {
            Rig rig = new Rig();
            rig.ReadOnce(5000, 0, 21);
            long freshUntil = 6000 + (BatteryMonitorReader.UnreachableAfterPeriods * 60000L); // the reading was taken at 6000
            rig.Reader.RequestRead(null, 65000);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Failed(BatteryMonitorLinkFailure.ConnectTimedOut, 13), 75000);
            BatteryReading reading = new BatteryReading();
            Assert.IsTrue(rig.Reader.TryGetFreshReading(freshUntil, reading), "one failed read is ridden over");
            Assert.AreEqual(21, reading.TemperatureCelsius);
            Assert.IsFalse(rig.Reader.TryGetFreshReading(freshUntil + 1, reading));
            Assert.IsTrue(rig.Reader.HasReading, "the reading is kept with its age for the status line");
            Assert.IsTrue(rig.Reader.StatusLine(freshUntil + 1).IndexOf("s ago") >= 0);
        }

        [TestMethod]
        public void ATakenReadingAfterFailuresIsLoggedAsReachableAgain()
        {
            Rig rig = new Rig();
            rig.Reader.RequestRead(null, 0);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Failed(BatteryMonitorLinkFailure.CharacteristicsMissing, 1), 100);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Disconnected), 200);
            rig.ReadOnce(300, 1, 3);
            Assert.AreEqual(2, rig.Log.Count);
            Assert.IsTrue(((string)rig.Log[1]).IndexOf("reachable again") >= 0, (string)rig.Log[1]);
        }

        [TestMethod]
        public void ScanListsEachMonitorThenASummary()
        {
            Rig rig = new Rig();
            Assert.IsTrue(rig.Reader.StartScan(rig.Print, 0));
            Assert.AreEqual("scan 10000", (string)rig.Link.Calls[0]);
            Assert.AreEqual((int)BatteryReadStart.AlreadyInProgress, (int)rig.Reader.RequestRead(null, 10));
            BatteryMonitorLinkEvent found = ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.DeviceFound);
            byte[] address = new byte[6];
            BondAddress.TryParse("A4:C1:38:00:11:22", address);
            System.Array.Copy(address, found.Address, 6);
            found.Name = "BM6";
            found.Value = -71;
            rig.Reader.OnLinkEvent(found, 1000);
            rig.Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.ScanCompleted), 10000);
            Assert.AreEqual(">> BM6 found A4:C1:38:00:11:22 'BM6' RSSI -71 dBm", (string)rig.Printed[0]);
            Assert.IsTrue(((string)rig.Printed[1]).StartsWith(">> BM6 scan done: 1 monitor(s) found"), (string)rig.Printed[1]);
            Assert.AreEqual((int)BatteryMonitorState.Idle, (int)rig.Reader.State);
        }

        [TestMethod]
        public void WithoutAMonitorNothingIsReadAndOffForgetsTheReading()
        {
            Rig rig = new Rig();
            rig.ReadOnce(5000, 0, 21);
            rig.Reader.Disable();
            Assert.AreEqual((int)BatteryMonitorState.Off, (int)rig.Reader.State);
            Assert.AreEqual((int)BatteryReadStart.NotConfigured, (int)rig.Reader.RequestRead(null, 70000));
            rig.Reader.Tick(200000);
            Assert.AreEqual(3, rig.Link.Calls.Count, "no connect after off");
            Assert.IsFalse(rig.Reader.TryGetFreshReading(70000, new BatteryReading()));
            Assert.IsTrue(rig.Reader.StatusLine(70000).StartsWith("BM6 off"));
        }

        [TestMethod]
        public void ThePeriodIsCheckedAndAShorterOneBringsTheNextReadForward()
        {
            Rig rig = new Rig();
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Reader.SetPeriod(9, 0));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Reader.SetPeriod(3601, 0));
            rig.ReadOnce(5000, 0, 21);
            rig.Reader.SetPeriod(10, 7000);
            rig.Reader.Tick(16999);
            Assert.AreEqual(3, rig.Link.Calls.Count);
            rig.Reader.Tick(17000);
            Assert.AreEqual(4, rig.Link.Calls.Count);
        }

        [TestMethod]
        public void ThePumpCopiesEventsAndHandsThemToTheReaderOnTheWorkerInOrder()
        {
            Rig rig = new Rig();
            WorkQueue queue = new WorkQueue(4);
            long now = 0;
            BatteryMonitorEventPump pump = new BatteryMonitorEventPump(rig.Link, queue, rig.Reader, delegate { return now; });
            rig.Reader.RequestRead(null, 0);
            BatteryMonitorLinkEvent reused = ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready);
            rig.Link.Raise(reused);
            byte[] response = XorBlockCipher.Response(XorBlockCipher.Plain(0, 21, 87, 1271, 0));
            reused.Kind = BatteryMonitorLinkEventKind.Notification;
            System.Array.Copy(response, reused.Data, 16);
            reused.DataLength = 16;
            rig.Link.Raise(reused);
            reused.Kind = BatteryMonitorLinkEventKind.Failed; // the link reuses its instance: the copies must not change
            Assert.AreEqual(1, queue.Count, "one drain for both events");
            Assert.AreEqual((int)BatteryMonitorState.Connecting, (int)rig.Reader.State, "nothing runs on the link's thread");
            now = 1234;
            Assert.IsTrue(queue.RunNext());
            Assert.IsTrue(rig.Reader.HasReading);
            Assert.AreEqual(1234L, rig.Reader.LastReadingAt);
            Assert.AreEqual(0, pump.EventsLost);
        }

        [TestMethod]
        public void AFullPumpCountsWhatItLost()
        {
            Rig rig = new Rig();
            WorkQueue queue = new WorkQueue(4);
            BatteryMonitorEventPump pump = new BatteryMonitorEventPump(rig.Link, queue, rig.Reader, delegate { return 0; });
            for (int i = 0; i < BatteryMonitorEventPump.Capacity + 3; i++)
            {
                rig.Link.Raise(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.ScanCompleted));
            }

            Assert.AreEqual(3, pump.EventsLost);
            Assert.IsTrue(queue.RunNext());
            rig.Link.Raise(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.ScanCompleted));
            Assert.AreEqual(3, pump.EventsLost, "room again after the drain");
        }

        private static byte[] Poll()
        {
            byte[] plain = new byte[16];
            plain[0] = 0xD1;
            plain[1] = 0x55;
            plain[2] = 0x07;
            return plain;
        }

        private static void StringAssertStartsWith(string text, string start)
        {
            Assert.IsTrue(text.StartsWith(start), text);
        }

        private sealed class Rig
        {
            public Rig()
                : this(BatteryMonitorVariant.Bm6)
            {
            }

            public Rig(BatteryMonitorVariant variant)
            {
                Link = new ScriptedBatteryLink();
                Log = new ArrayList();
                Printed = new ArrayList();
                NodeLog log = new NodeLog();
                log.Attach(delegate(string line) { Log.Add(line); });
                Reader = new BatteryMonitorReader(Link, new XorBlockCipher(), log);
                byte[] address = new byte[6];
                BondAddress.TryParse(Address, address);
                Reader.Configure(address, 0, variant, BatteryMonitorReader.DefaultPeriodSeconds, 0);
                Print = delegate(string line) { Printed.Add(line); };
            }

            public ScriptedBatteryLink Link { get; }

            public BatteryMonitorReader Reader { get; }

            public ArrayList Log { get; }

            public ArrayList Printed { get; }

            public LogSink Print { get; }

            /// <summary>One whole good read started at <paramref name="start"/>: connect, write, notification (+1 s), disconnect (+2 s).</summary>
            public void ReadOnce(long start, int sign, int temperature)
            {
                Assert.AreEqual((int)BatteryReadStart.Started, (int)Reader.RequestRead(null, start));
                Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready), start + 500);
                Reader.OnLinkEvent(ScriptedBatteryLink.Notification(XorBlockCipher.Response(XorBlockCipher.Plain(sign, temperature, 87, 1271, 0))), start + 1000);
                Reader.OnLinkEvent(ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Disconnected), start + 2000);
                Assert.AreEqual((int)BatteryMonitorState.Idle, (int)Reader.State);
            }
        }
    }
}
