using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.TestFramework;
using nanoFramework.TestFramework;
using Xunit;
using Assert = Xunit.Assert;

namespace DcMonitor.Tests.NanoFrameworkTests
{
    /// <summary>
    /// Runs every test of the NFUnitTest assembly (Tests/NFUnitTest, the same files users run on nanoCLR)
    /// through <see cref="UnitTestLauncher"/>, and reports each one as an xunit case. The launcher runs a whole
    /// class at once (Setup once, tests, rows, Cleanup once), so each class runs once and its outcomes are shared.
    /// </summary>
    public class NFUnitTestSuite
    {
        private static readonly object s_gate = new object();
        private static Dictionary<string, TestOutcome> s_outcomes;

        /// <summary>Every test of NFUnitTest, by launcher name (Class.Method.index).</summary>
        public static IEnumerable<object[]> Cases()
        {
            return Outcomes().Keys.OrderBy(name => name, System.StringComparer.Ordinal).Select(name => new object[] { name });
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void RunsOnTheLauncherEmulation(string test)
        {
            TestOutcome outcome = Outcomes()[test];
            Assert.True(outcome.Result == TestResult.Passed, outcome.ToString());
        }

        [Fact]
        public void TheSuiteIsNotEmptyAndCoversEveryTestClass()
        {
            var classes = typeof(DcMonitor.NFUnitTest.WorkQueueTests).Assembly.GetTypes()
                .Where(type => type.GetCustomAttributes(typeof(TestClassAttribute), false).Length > 0)
                .Select(type => type.FullName)
                .ToHashSet();
            Assert.True(classes.Count >= 9, "test classes found: " + classes.Count);
            Assert.Equal(classes, Outcomes().Values.Select(outcome => outcome.ClassName).ToHashSet());
        }

        /// <summary>
        /// NFUnitTest cases as the launcher counts them (one per test method, one per data row) when this floor was last raised:
        /// the firmware tests that need no hardware only grow (286 before the inventory that moved every pure-logic test here).
        /// Raise it when tests are added; a drop means a test class, method or row was lost.
        /// </summary>
        private const int CaseFloor = 855;

        [Fact]
        public void NoTestCaseIsLost()
        {
            Assert.True(Outcomes().Count >= CaseFloor, "NFUnitTest has " + Outcomes().Count + " cases, fewer than the " + CaseFloor + " it had");
        }

        private static Dictionary<string, TestOutcome> Outcomes()
        {
            lock (s_gate)
            {
                if (s_outcomes == null)
                {
                    s_outcomes = new Dictionary<string, TestOutcome>();
                    foreach (TestOutcome outcome in UnitTestLauncher.RunAssembly(typeof(DcMonitor.NFUnitTest.WorkQueueTests).Assembly))
                    {
                        s_outcomes[outcome.Name] = outcome;
                    }
                }

                return s_outcomes;
            }
        }
    }
}
