using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.TestFramework;
using nanoFramework.TestFramework;
using Xunit;
using NanoAssert = nanoFramework.TestFramework.Assert;
using XAssert = Xunit.Assert;

namespace DcMonitor.Tests.NanoFrameworkTests
{
    /// <summary>
    /// The launcher emulation behaves as nanoFramework's UnitTestLauncher does (docs/
    /// nanoframework-api.md §6): Setup and Cleanup once per class, tests then data rows, no instance created,
    /// ThrowsException on the exact type, a skipping Setup skips the class, a failing Setup does not.
    /// </summary>
    public class LauncherSemanticsTests
    {
        [Fact]
        public void SetupAndCleanupRunOncePerClassAroundAllTests()
        {
            Journal.Entries.Clear();
            List<TestOutcome> outcomes = UnitTestLauncher.RunClass(typeof(JournalledTests));
            XAssert.Equal(new[] { "setup", "first", "second", "row:1", "row:2", "cleanup" }, Journal.Entries.ToArray());
            XAssert.All(outcomes, outcome => XAssert.Equal(TestResult.Passed, outcome.Result));
            XAssert.Equal(
                new[] { "JournalledTests.First.0", "JournalledTests.Second.0", "JournalledTests.Rows.0", "JournalledTests.Rows.1" },
                outcomes.Select(outcome => outcome.Name.Substring(outcome.Name.IndexOf("JournalledTests", StringComparison.Ordinal))).ToArray());
        }

        [Fact]
        public void InstanceStateIsNeverInitialisedBecauseNoInstanceIsCreated()
        {
            TestOutcome outcome = UnitTestLauncher.RunClass(typeof(InstanceStateTests)).Single();
            XAssert.Equal(TestResult.Failed, outcome.Result);
            XAssert.StartsWith("NullReferenceException", outcome.Message);
        }

        [Fact]
        public void ThrowsExceptionRequiresTheExactType()
        {
            NanoAssert.ThrowsException(typeof(ArgumentOutOfRangeException), () => throw new ArgumentOutOfRangeException("x"));
            var derived = XAssert.Throws<TestFrameworkShared.AssertFailedException>(
                () => NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentOutOfRangeException("x")));
            XAssert.Contains("ArgumentOutOfRangeException", derived.Message);
            XAssert.Throws<TestFrameworkShared.AssertFailedException>(() => NanoAssert.ThrowsException(typeof(ArgumentException), () => { }));
        }

        [Fact]
        public void AssertionFailuresCarryExpectedAndActual()
        {
            var failure = XAssert.Throws<TestFrameworkShared.AssertFailedException>(() => NanoAssert.AreEqual(42, 3));
            XAssert.Equal("Assert.AreEqual failed. Expected:<42>. Actual:<3>.", failure.Message);
        }

        [Fact]
        public void ASkippingSetupSkipsTheClass()
        {
            List<TestOutcome> outcomes = UnitTestLauncher.RunClass(typeof(SkippedClassTests));
            XAssert.Equal(2, outcomes.Count);
            XAssert.All(outcomes, outcome => XAssert.Equal(TestResult.Skipped, outcome.Result));
        }

        [Fact]
        public void AFailingSetupIsReportedAndTheTestsStillRun()
        {
            Journal.Entries.Clear();
            List<TestOutcome> outcomes = UnitTestLauncher.RunClass(typeof(BrokenSetupTests));
            XAssert.Contains(outcomes, outcome => outcome.MethodName == "Setup" && outcome.Result == TestResult.Failed);
            XAssert.Contains(outcomes, outcome => outcome.MethodName == "StillRuns" && outcome.Result == TestResult.Passed);
            XAssert.Contains("still runs", Journal.Entries);
        }

        [Fact]
        public void AFailingTestIsReportedWithTheLauncherLineFormat()
        {
            TestOutcome outcome = UnitTestLauncher.RunClass(typeof(FailingTests)).Single();
            XAssert.Equal(TestResult.Failed, outcome.Result);
            XAssert.StartsWith("Test failed," + typeof(FailingTests).FullName + ".Fails.0,AssertFailedException: Assert.AreEqual failed. Expected:<42>. Actual:<3>.", outcome.ToString());
        }

        public static class Journal
        {
            public static List<string> Entries { get; } = new List<string>();
        }

        [TestClass]
        public class JournalledTests
        {
            [Cleanup]
            public void Cleanup() => Journal.Entries.Add("cleanup");

            [DataRow(1)]
            [DataRow(2)]
            public void Rows(int value) => Journal.Entries.Add("row:" + value);

            [TestMethod]
            public void First() => Journal.Entries.Add("first");

            [Setup]
            public void Setup() => Journal.Entries.Add("setup");

            [TestMethod]
            public void Second() => Journal.Entries.Add("second");
        }

        [TestClass]
        public class InstanceStateTests
        {
            private readonly List<int> _values = new List<int>();

            [TestMethod]
            public void UsesAField() => _values.Add(1);
        }

        [TestClass]
        public class SkippedClassTests
        {
            [Setup]
            public void Setup() => NanoAssert.SkipTest("no hardware");

            [TestMethod]
            public void One() => throw new InvalidOperationException("must not run");

            [DataRow(1)]
            public void Two(int value) => throw new InvalidOperationException("must not run");
        }

        [TestClass]
        public class BrokenSetupTests
        {
            [Setup]
            public void Setup() => throw new InvalidOperationException("setup broke");

            [TestMethod]
            public void StillRuns() => Journal.Entries.Add("still runs");
        }

        [TestClass]
        public class FailingTests
        {
            [TestMethod]
            public void Fails() => NanoAssert.AreEqual(42, 3);
        }
    }
}
