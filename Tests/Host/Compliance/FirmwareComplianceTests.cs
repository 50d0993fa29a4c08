using System.Collections.Generic;
using System.IO;
using System.Linq;
using DcMonitor.FirmwareCompliance;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// Each kind of code nanoFramework 1.x rejects is caught by the host build's checks (RS0030 =
    /// BannedApiAnalyzers, NF1xxx = source rules, NF2xxx = assembly rules), a clean snippet passes, and the
    /// real firmware assemblies and sources pass.
    /// </summary>
    public class FirmwareComplianceTests
    {
        private const string Open = "using System; using System.Collections; using System.Threading; namespace Firmware { public class C { ";
        private const string Close = " } }";

        [Theory]
        [InlineData("generic type definition", "public class Box<T> { public T Value; }", "NF1001,NF2001")]
        [InlineData("generic method definition", "public static T Same<T>(T value) { return value; }", "NF1001,NF2001")]
        [InlineData("generic collection", "public int Count() { var list = new System.Collections.Generic.List<int>(); return list.Count; }", "NF1002,NF2002,RS0030")]
        [InlineData("LINQ method", "public int First(int[] values) { return System.Linq.Enumerable.First(values); }", "NF2002,NF2003,RS0030")]
        [InlineData("LINQ query", "using System.Linq; namespace Firmware { public class C { public object Query(int[] values) { return (from v in values select v).ToArray(); } } }", "NF1007,NF1012,NF2002,NF2003,RS0030")]
        [InlineData("async/await", "public async System.Threading.Tasks.Task Wait() { await System.Threading.Tasks.Task.Delay(1); }", "NF1003,NF2003,RS0030")]
        [InlineData("Span<T>", "public int Length(byte[] bytes) { System.Span<byte> span = bytes; return span.Length; }", "NF1002,NF2002,RS0030")]
        [InlineData("Nullable<T>", "public int? Maybe() { return null; }", "NF1008,NF2002")]
        [InlineData("tuple", "public int Sum() { var pair = (1, 2); return pair.Item1 + pair.Item2; }", "NF1005,NF2002,RS0030")]
        [InlineData("dynamic", "public object Twice(dynamic value) { return value + value; }", "NF1006,NF2003")]
        [InlineData("iterator", "public IEnumerable Items() { yield return 1; }", "NF1009,NF2002,NF2003")]
        [InlineData("init accessor", "public int Value { get; init; }", "NF1004,NF2003")]
        [InlineData("BCL type nanoFramework lacks", "public bool Match(string text) { return System.Text.RegularExpressions.Regex.IsMatch(text, \"a\"); }", "NF2003,RS0030")]
        [InlineData("BCL type from an unreferenced package", "public long Time() { return System.Diagnostics.Stopwatch.GetTimestamp(); }", "NF2003,RS0030")]
        [InlineData("member nanoFramework lacks: Thread.Name", "public string Name() { return Thread.CurrentThread.Name; }", "RS0030")]
        [InlineData("member nanoFramework lacks: WaitOne(int)", "public bool Wait(AutoResetEvent e) { return e.WaitOne(10); }", "RS0030")]
        [InlineData("member nanoFramework lacks: DateTime.Now", "public DateTime Now() { return DateTime.Now; }", "RS0030")]
        [InlineData("member nanoFramework lacks: string.Replace", "public string Fix(string s) { return s.Replace(\"a\", \"b\"); }", "RS0030")]
        [InlineData("emulator internals", "public object Board() { return DcMonitor.Emulator.Board.VirtualBoard.Current; }", "NF1013,NF2004")]
        public void EachKindOfViolationIsCaught(string kind, string code, string expectedRules)
        {
            string source = code.StartsWith("using ", System.StringComparison.Ordinal) ? code : Open + code + Close;
            SortedSet<string> rules = SnippetCompiler.Check(source);
            Assert.True(expectedRules.Split(',').ToHashSet().IsSubsetOf(rules), kind + ": expected at least " + expectedRules + ", got " + string.Join(",", rules));
        }

        [Fact]
        public void RecordsAreCaught()
        {
            SortedSet<string> rules = SnippetCompiler.Check("namespace Firmware { public record Point(int X, int Y); }");
            Assert.Contains("NF1004", rules);
            Assert.Contains("NF2002", rules);
            Assert.Contains("NF2003", rules);
        }

        [Fact]
        public void CodeWithinNanoFrameworkPasses()
        {
            SortedSet<string> rules = SnippetCompiler.Check(Open + @"
                private readonly ArrayList _items = new ArrayList();
                private readonly Hashtable _byName = new Hashtable();
                public event EventHandler Changed;
                public int Run(byte[] bytes, AutoResetEvent signal)
                {
                    SpanByte span = bytes;
                    _items.Add(span.Length);
                    _byName[""n""] = 1;
                    signal.WaitOne(10, false);
                    foreach (object item in _items) { Changed?.Invoke(this, EventArgs.Empty); }
                    string text = ""x"" + span.Length.ToString(""X2"") + Count();
                    switch (text) { case ""a"": return 1; default: return text.Length; }
                }
                private static int Count(params object[] items) { return items.Length; }" + Close);
            Assert.Empty(rules);
        }

        [Theory]
        [InlineData("DcMonitor.Shared.dll", "Shared")]
        [InlineData("DcMonitor.UniversalNode.dll", "UniversalNode")]
        [InlineData("DcMonitor.RelayNode.dll", "RelayNode")]
        [InlineData("DcMonitor.Provisioner.dll", "Provisioner")]
        [InlineData("DcMonitor.MeshInterop.dll", "native-mesh-interop/managed")]
        [InlineData("NFUnitTest.dll", "Tests/NFUnitTest")]
        public void TheFirmwareItselfPasses(string assembly, string sources)
        {
            string built = Path.Combine(System.AppContext.BaseDirectory, assembly);
            List<Violation> violations = AssemblyRules.LoadDefault().CheckFile(built);
            violations.AddRange(SourceRules.CheckDirectory(RepositoryPaths.InRoot(sources)));
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
    }
}
