using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DcMonitor.DeviceConformance.Findings;
using DcMonitor.DeviceConformance.Projects;
using DcMonitor.DeviceConformance.Surface;

namespace DcMonitor.DeviceConformance.Checks
{
    /// <summary>
    /// Every function the native component (<c>native-mesh-interop/native</c>) calls and does not define itself must
    /// link in the nanoCLR image: defined by ESP-IDF's bt component with our configuration
    /// (Reference/esp-idf-v5.5.4/bt-defined-symbols.tsv), by nanoCLR's interop layer (nf-interop-symbols.tsv), listed
    /// in <c>Native/platform-calls.tsv</c> (libc, FreeRTOS, other ESP-IDF components, header macros, each with its
    /// provider), or in <c>Native/fragment-calls.tsv</c> with the Kconfig option of our fragment that compiles it in
    /// (calls the data, made from an earlier fragment, cannot show yet).
    /// </summary>
    public static class NativeCallCheck
    {
        /// <summary>The providers a platform-calls.tsv line may name. Bluetooth functions are never among them: the bt data decides those.</summary>
        public static readonly IReadOnlyCollection<string> Providers = new[]
        {
            "libc", "freertos", "esp-idf", "header-macro", "nanoclr", "controller-library",
        };

        private static readonly Regex Mangled = new Regex(@"^_Z\d+", RegexOptions.Compiled);

        /// <summary>Checks the native sources of a repository.</summary>
        /// <param name="repositoryRoot">The repository root.</param>
        /// <param name="espIdfData">Reference/esp-idf-v5.5.4.</param>
        /// <param name="listsFolder">The folder holding platform-calls.tsv and fragment-calls.tsv.</param>
        /// <param name="fragmentOptions">The options the sdkconfig fragment sets (from <see cref="KconfigCheck"/>).</param>
        /// <param name="report">Where findings go.</param>
        /// <exception cref="InvalidDataException">A list line is malformed or names a provider outside <see cref="Providers"/>.</exception>
        public static void Run(string repositoryRoot, string espIdfData, string listsFolder, IReadOnlyDictionary<string, string> fragmentOptions, ConformanceReport report)
        {
            string native = Path.Combine(repositoryRoot, "native-mesh-interop", "native");
            if (!Directory.Exists(native))
            {
                return;
            }

            var bt = new HashSet<string>(File.ReadLines(Path.Combine(espIdfData, "bt-defined-symbols.tsv")).Select(line => line.Split('\t')[0]), StringComparer.Ordinal);
            var interop = new HashSet<string>(File.ReadLines(Path.Combine(espIdfData, "nf-interop-symbols.tsv")).Select(line => Demangle(line.Split('\t')[0])), StringComparer.Ordinal);
            Dictionary<string, string> platform = ReadList(Path.Combine(listsFolder, "platform-calls.tsv"), true);
            Dictionary<string, string> fragmentCalls = ReadList(Path.Combine(listsFolder, "fragment-calls.tsv"), false);

            var sources = Directory.EnumerateFiles(native, "*.*", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".c", StringComparison.Ordinal) || path.EndsWith(".h", StringComparison.Ordinal) || path.EndsWith(".cpp", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal).ToList();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            var calls = new List<(string File, CSourceScanner.Call Call)>();
            foreach (string source in sources)
            {
                (List<CSourceScanner.Call> found, HashSet<string> names) = CSourceScanner.Scan(File.ReadAllText(source));
                declared.UnionWith(names);
                calls.AddRange(found.Select(call => (DeviceProject.Relative(repositoryRoot, source), call)));
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string file, CSourceScanner.Call call) in calls)
            {
                string name = call.Name;
                if (declared.Contains(name) || bt.Contains(name) || interop.Contains(name) || platform.ContainsKey(name) || reported.Contains(name))
                {
                    continue;
                }

                if (fragmentCalls.TryGetValue(name, out string option))
                {
                    if (fragmentOptions.TryGetValue(option, out string value) && value != "n")
                    {
                        continue;
                    }

                    reported.Add(name);
                    report.Add(new Finding(FindingCategory.UnresolvedCall, file, call.Line,
                        name + " is allowed by fragment-calls.tsv through " + option + ", which the sdkconfig fragment does not enable",
                        "set " + option + "=y in the fragment, or stop calling " + name));
                    continue;
                }

                reported.Add(name);
                report.Add(new Finding(FindingCategory.UnresolvedCall, file, call.Line,
                    name + " is not defined by ESP-IDF v5.5.4's bt component with this configuration, nor by nanoCLR, libc or FreeRTOS (it would not link)",
                    "enable the Kconfig option that compiles it in (and list the call with that option in Tests/DeviceConformance/Native/fragment-calls.tsv), or call a function this configuration defines"));
            }
        }

        /// <summary><c>_Z16SetResult_UINT16R17CLR_RT_StackFramet</c> → <c>SetResult_UINT16</c>; a C name stays as it is.</summary>
        public static string Demangle(string symbol)
        {
            Match prefix = Mangled.Match(symbol);
            if (!prefix.Success)
            {
                return symbol;
            }

            int length = int.Parse(symbol.Substring(2, prefix.Length - 2), System.Globalization.CultureInfo.InvariantCulture);
            return symbol.Substring(prefix.Length, Math.Min(length, symbol.Length - prefix.Length));
        }

        private static Dictionary<string, string> ReadList(string path, bool providersAreFixed)
        {
            var list = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string[] columns in TabSeparatedFile.Rows(path, 3))
            {
                if (columns[2].Trim().Length == 0)
                {
                    throw new InvalidDataException(path + ": " + columns[0] + ": the reason column is empty");
                }

                if (providersAreFixed && !Providers.Contains(columns[1]))
                {
                    throw new InvalidDataException(path + ": " + columns[0] + ": provider " + columns[1] + " is not one of " + string.Join(", ", Providers));
                }

                if (!providersAreFixed && !columns[1].StartsWith("CONFIG_", StringComparison.Ordinal))
                {
                    throw new InvalidDataException(path + ": " + columns[0] + ": the second column must be the CONFIG_ option that compiles the function in");
                }

                list[columns[0]] = columns[1];
            }

            return list;
        }
    }
}
