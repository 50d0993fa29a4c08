using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DcMonitor.DeviceConformance.Findings;
using DcMonitor.DeviceConformance.Projects;

namespace DcMonitor.DeviceConformance.Checks
{
    /// <summary>
    /// Every option the project's sdkconfig fragments set (<c>native-mesh-interop/native/firmware/sdkconfig.*</c>) must be
    /// one ESP-IDF v5.5.4 knows for the ESP32-C6: it appears, set or <c>is not set</c>, in the full configuration
    /// (Reference/esp-idf-v5.5.4/sdkconfig.dcmonitor.esp32c6.full). A value that differs from the full configuration
    /// is a note: either a dependency overrides it, or the fragment changed after the data was made (remake it).
    /// An option the full configuration does not show because it depends on an option that was off when the data was made is
    /// listed in <c>Native/fragment-options.tsv</c> with that option (option, the CONFIG_ option that makes it visible, why): it is a
    /// note while the fragment enables the revealing option, a finding otherwise. Remake the data and empty that list.
    /// </summary>
    public static class KconfigCheck
    {
        private static readonly Regex Assignment = new Regex(@"^(CONFIG_[A-Za-z0-9_]+)=(.*)$", RegexOptions.Compiled);
        private static readonly Regex NotSet = new Regex(@"^#\s*(CONFIG_[A-Za-z0-9_]+) is not set\s*$", RegexOptions.Compiled);

        /// <summary>The fragment files of a repository.</summary>
        public static IEnumerable<string> Fragments(string repositoryRoot)
        {
            string folder = Path.Combine(repositoryRoot, "native-mesh-interop", "native", "firmware");
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "sdkconfig.*").Where(path => !path.EndsWith(".full", StringComparison.Ordinal)).OrderBy(path => path, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }

        /// <summary>Reads a configuration file into option → value ("n" for <c>is not set</c>).</summary>
        public static Dictionary<string, (string Value, int Line)> Read(string path)
        {
            var options = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
            int number = 0;
            foreach (string raw in File.ReadLines(path))
            {
                number++;
                string line = raw.Trim();
                Match set = Assignment.Match(line);
                if (set.Success)
                {
                    options[set.Groups[1].Value] = (set.Groups[2].Value.Trim(), number);
                    continue;
                }

                Match unset = NotSet.Match(line);
                if (unset.Success)
                {
                    options[unset.Groups[1].Value] = ("n", number);
                }
            }

            return options;
        }

        /// <summary>Checks every fragment against the full configuration and returns the options the fragments set.</summary>
        /// <param name="repositoryRoot">The repository (or a test tree shaped like it).</param>
        /// <param name="fullConfiguration">The full configuration the data was made with.</param>
        /// <param name="listsFolder">The folder with fragment-options.tsv (absent file: no such option).</param>
        /// <param name="report">Receives the findings and notes.</param>
        public static Dictionary<string, string> Run(string repositoryRoot, string fullConfiguration, string listsFolder, ConformanceReport report)
        {
            Dictionary<string, (string Value, int Line)> known = Read(fullConfiguration);
            Dictionary<string, string> revealedBy = ReadFragmentOptions(Path.Combine(listsFolder, "fragment-options.tsv"));
            var set = new Dictionary<string, string>(StringComparer.Ordinal);
            var fragments = Fragments(repositoryRoot).ToList();
            var everything = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string fragment in fragments)
            {
                foreach (KeyValuePair<string, (string Value, int Line)> option in Read(fragment))
                {
                    everything[option.Key] = option.Value.Value;
                }
            }

            foreach (string fragment in fragments)
            {
                string relative = DeviceProject.Relative(repositoryRoot, fragment);
                foreach (KeyValuePair<string, (string Value, int Line)> option in Read(fragment))
                {
                    set[option.Key] = option.Value.Value;
                    if (!known.ContainsKey(option.Key) && revealedBy.TryGetValue(option.Key, out string revealing)
                        && everything.TryGetValue(revealing, out string revealingValue) && revealingValue != "n")
                    {
                        report.Note(relative + ":" + option.Value.Line + ": " + option.Key + "=" + option.Value.Value + " is hidden in the full configuration the data was made with ("
                            + revealing + " was off there; fragment-options.tsv): remake Reference/esp-idf-v5.5.4");
                    }
                    else if (!known.TryGetValue(option.Key, out (string Value, int Line) full))
                    {
                        report.Add(new Finding(FindingCategory.UnknownKconfig, relative, option.Value.Line,
                            option.Key + " is not an ESP-IDF v5.5.4 option for the ESP32-C6 (absent from the full configuration, set or unset)",
                            "use the option's current name (ESP-IDF renames options; see sdkconfig.rename) or drop it"));
                    }
                    else if (!SameValue(full.Value, option.Value.Value))
                    {
                        report.Note(relative + ":" + option.Value.Line + ": " + option.Key + "=" + option.Value.Value + " but the full configuration the data was made with has "
                            + full.Value + " (a dependency overrides it, or the fragment changed since the data was made: remake Reference/esp-idf-v5.5.4)");
                    }
                }
            }

            return set;
        }

        /// <summary>fragment-options.tsv: option → the CONFIG_ option that makes it visible; empty when the file is absent.</summary>
        private static Dictionary<string, string> ReadFragmentOptions(string path)
        {
            var list = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(path))
            {
                return list;
            }

            foreach (string[] columns in Surface.TabSeparatedFile.Rows(path, 3))
            {
                if (!columns[0].StartsWith("CONFIG_", StringComparison.Ordinal) || !columns[1].StartsWith("CONFIG_", StringComparison.Ordinal) || columns[2].Trim().Length == 0)
                {
                    throw new InvalidDataException(path + ": " + columns[0] + ": each line is an option, the CONFIG_ option that makes it visible, and why");
                }

                list[columns[0]] = columns[1];
            }

            return list;
        }

        private static bool SameValue(string a, string b)
        {
            return string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.Ordinal);
        }
    }
}
