using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using DcMonitor.DeviceConformance.Findings;

namespace DcMonitor.DeviceConformance
{
    /// <summary>
    /// <c>dotnet run --project Tests/DeviceConformance -c Release [-- --root DIR --data DIR --lists DIR]</c>: prints each
    /// finding (<c>file:line: category: what — fix: …</c>), the notes, and as the last line
    /// <c>device-conformance: projects=N types=T members=M missing-references=0 unknown-apis=0 unknown-kconfig=0 unresolved-calls=0</c>.
    /// Exit code 0 when every count is 0, 1 otherwise, 2 when the data or arguments are wrong.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            string defaultRoot = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Where(attribute => attribute.Key == "RepositoryRoot").Select(attribute => attribute.Value).FirstOrDefault() ?? Directory.GetCurrentDirectory();
            var root = new Option<DirectoryInfo>("--root") { Description = "repository root to check", DefaultValueFactory = _ => new DirectoryInfo(defaultRoot) };
            var data = new Option<DirectoryInfo>("--data") { Description = "reference data folder (nanoframework-1x-api/, esp-idf-v5.5.4/); default Tests/DeviceConformance/Reference" };
            var lists = new Option<DirectoryInfo>("--lists") { Description = "folder of platform-calls.tsv and fragment-calls.tsv; default Tests/DeviceConformance/Native" };
            var command = new RootCommand("Checks that the device build of the firmware holds against the real nanoFramework 1.x libraries and ESP-IDF v5.5.4.")
            {
                root, data, lists,
            };
            command.SetAction(result =>
            {
                string repository = result.GetValue(root).FullName;
                string tool = Path.Combine(defaultRoot, "Tests", "DeviceConformance");
                string dataFolder = result.GetValue(data)?.FullName ?? Path.Combine(tool, "Reference");
                string listsFolder = result.GetValue(lists)?.FullName ?? Path.Combine(tool, "Native");
                ConformanceReport report;
                try
                {
                    report = ConformanceCheck.Run(repository, dataFolder, listsFolder);
                }
                catch (Exception error) when (error is IOException || error is InvalidDataException || error is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine("device-conformance: " + error.Message);
                    return 2;
                }

                foreach (Finding finding in report.Findings)
                {
                    Console.WriteLine(finding);
                }

                foreach (string note in report.Notes)
                {
                    Console.WriteLine("note: " + note);
                }

                Console.WriteLine(report.SummaryLine());
                return report.Clean ? 0 : 1;
            });
            return command.Parse(args).Invoke();
        }
    }
}
