using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// A clone is self-contained: every relative link in the repository's Markdown files points at a file or folder
    /// of the repository, and no document, source or script sends the reader to the team's shared folder beside the
    /// clone (the parent-relative "shared" path), which a clone does not have. The documents the project relies on are
    /// copied into docs/. Every path into docs/ that a source or document names exists, and every SVG image of docs/ is
    /// well-formed. The repository's files are those git lists (tracked, plus new files not ignored), so build output and
    /// local state never count.
    /// </summary>
    public class DocumentationLinksTests
    {
        /// <summary>The parent-relative path of the team's shared folder.</summary>
        private static readonly string SharedFolder = ".." + "/shared";

        /// <summary>Files that may name the shared folder, each with its reason.</summary>
        private static readonly Dictionary<string, string> SharedFolderAllowList = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Tests/DeviceConformance/Reference/README.md"] = "says the reference data is compared with the team's shared copy when it sits beside the clone",
            ["Tests/Host/Compliance/DeviceConformanceTests.cs"] = "compares the reference data with the team's shared copy when present (deliberate)",
        };

        /// <summary>The text files searched for the shared folder (those a reader or a build follows).</summary>
        private static readonly string[] SearchedExtensions = { ".md", ".cs", ".sh", ".json", ".txt", ".c", ".h", ".cpp", ".cmake", ".props", ".csproj", ".nfproj" };

        /// <summary>Files that may name a document path that is not in the repository, each with its reason.</summary>
        private static readonly Dictionary<string, string> NamedPathAllowList = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CHANGELOG.md"] = "history: names documents where they were at the time",
            ["Tests/Host/Compliance/DocumentationLinksTests.cs"] = "feeds the link reader made-up paths",
        };

        /// <summary>A path into docs/ written from the repository's root (not after another path segment, not "../docs").</summary>
        private static readonly Regex NamedDocument = new Regex(@"(?<![A-Za-z0-9_./-])docs/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.(?:md|svg)\b", RegexOptions.Compiled);

        /// <summary>The root element of an SVG image.</summary>
        private static readonly XName SvgRoot = XName.Get("svg", "http://www.w3.org/2000/svg");

        private static readonly Lazy<RepositoryFiles> Files = new Lazy<RepositoryFiles>(RepositoryFiles.Load);

        [Fact]
        public void Every_relative_link_in_a_markdown_file_points_into_the_repository()
        {
            var broken = new List<string>();
            foreach (string file in Files.Value.Paths.Where(path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                foreach ((int line, string target) in MarkdownLinks.Relative(File.ReadAllText(RepositoryPaths.InRoot(file.Split('/')))))
                {
                    if (!Files.Value.Resolves(file, target))
                        broken.Add($"{file}:{line}: {target}");
                }
            }

            Assert.True(broken.Count == 0, "links to paths that are not in the repository:\n" + string.Join("\n", broken));
        }

        [Fact]
        public void No_file_outside_the_allow_list_names_the_shared_folder()
        {
            var offenders = new List<string>();
            foreach (string file in Files.Value.Paths.Where(path => SearchedExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))))
            {
                if (SharedFolderAllowList.ContainsKey(file))
                    continue;
                string[] lines = File.ReadAllLines(RepositoryPaths.InRoot(file.Split('/')));
                for (int i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Contains(SharedFolder, StringComparison.Ordinal))
                        offenders.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                }
            }

            Assert.True(offenders.Count == 0, $"'{SharedFolder}' is not in a clone; point into docs/ instead:\n" + string.Join("\n", offenders));
        }

        [Fact]
        public void Every_svg_image_of_the_documents_is_well_formed_xml()
        {
            var svgs = Files.Value.Paths.Where(path => path.StartsWith("docs/", StringComparison.Ordinal) && path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(svgs);
            var bad = new List<string>();
            foreach (string svg in svgs)
            {
                try
                {
                    XDocument document = XDocument.Load(RepositoryPaths.InRoot(svg.Split('/')));
                    if (document.Root.Name != SvgRoot)
                        bad.Add($"{svg}: the root element is {document.Root.Name}, not an SVG");
                }
                catch (XmlException exception)
                {
                    bad.Add($"{svg}: {exception.Message}");
                }
            }

            Assert.True(bad.Count == 0, "SVG images that browsers cannot show:\n" + string.Join("\n", bad));
        }

        [Fact]
        public void Every_document_path_named_in_a_source_or_document_exists()
        {
            var missing = new List<string>();
            foreach (string file in Files.Value.Paths.Where(path => SearchedExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))))
            {
                if (NamedPathAllowList.ContainsKey(file) || file.StartsWith("docs/reference/", StringComparison.Ordinal))
                    continue;
                string[] lines = File.ReadAllLines(RepositoryPaths.InRoot(file.Split('/')));
                for (int i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in NamedDocument.Matches(lines[i]))
                    {
                        if (!Files.Value.Resolves(string.Empty, match.Value))
                            missing.Add($"{file}:{i + 1}: {match.Value}");
                    }
                }
            }

            Assert.True(missing.Count == 0, "documents named but not in docs/ (moved? update the reference):\n" + string.Join("\n", missing));
        }

        [Fact]
        public void The_document_path_finder_reads_repository_paths_only()
        {
            var found = NamedDocument.Matches("see docs/protocol.md §2, (docs/images/wiring.svg) and ../docs/flashing.md or mydocs/x.md")
                .Select(match => match.Value);

            Assert.Equal(new[] { "docs/protocol.md", "docs/images/wiring.svg" }, found);
        }

        [Fact]
        public void The_allow_listed_files_exist()
        {
            foreach (string file in SharedFolderAllowList.Keys.Concat(NamedPathAllowList.Keys))
                Assert.Contains(file, Files.Value.Paths);
        }

        [Fact]
        public void The_link_reader_finds_inline_reference_and_image_links_but_not_code_or_external_ones()
        {
            string text = string.Join("\n",
                "See [the design](docs/architecture.md#1-what-the-product-is) and ![board](docs/wiring.svg \"title\").",
                "| a | [cell](../x/y.md) |",
                "[ref]: docs/seed-protocol.md",
                "[web](https://example.org/a.md), [mail](mailto:a@b), [anchor](#section), `[code](not/a/link.md)`",
                "[angle](<docs/with space.md>)",
                "```",
                "[fenced](not/a/link.md)",
                "```");

            var links = MarkdownLinks.Relative(text).ToList();

            Assert.Equal(new[]
            {
                (1, "docs/architecture.md"),
                (1, "docs/wiring.svg"),
                (2, "../x/y.md"),
                (3, "docs/seed-protocol.md"),
                (5, "docs/with space.md"),
            }, links);
        }

        [Fact]
        public void A_link_resolves_to_a_file_or_a_folder_of_the_repository_and_never_outside_it()
        {
            var files = new RepositoryFiles(new[] { "README.md", "docs/architecture.md", "native-mesh-interop/README.md" });

            Assert.True(files.Resolves("README.md", "docs/architecture.md"));
            Assert.True(files.Resolves("README.md", "docs/"));
            Assert.True(files.Resolves("README.md", "./docs"));
            Assert.True(files.Resolves("native-mesh-interop/README.md", "../docs/architecture.md"));
            Assert.True(files.Resolves("native-mesh-interop/README.md", "../docs/architecture%2Emd"));
            Assert.False(files.Resolves("README.md", "docs/missing.md"));
            Assert.False(files.Resolves("README.md", SharedFolder + "/spec/seed-protocol.md"));
            Assert.False(files.Resolves("native-mesh-interop/README.md", "docs/architecture.md"));
        }

        /// <summary>Relative link targets of Markdown text: inline links and images, and reference definitions.</summary>
        internal static class MarkdownLinks
        {
            private static readonly Regex Inline = new Regex(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(?:<(?<target>[^>]*)>|(?<target>[^\s)]+))(?:\s+(?:""[^""]*""|'[^']*'|\([^)]*\)))?\s*\)", RegexOptions.Compiled);
            private static readonly Regex Definition = new Regex(@"^\s{0,3}\[[^\]]+\]:\s*(?:<(?<target>[^>]*)>|(?<target>\S+))", RegexOptions.Compiled);
            private static readonly Regex CodeSpan = new Regex(@"(`+).*?\1", RegexOptions.Compiled);
            private static readonly Regex Scheme = new Regex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.Compiled);

            public static IEnumerable<(int Line, string Target)> Relative(string text)
            {
                foreach ((int line, string target) in Targets(text))
                {
                    if (target.Length == 0 || target.StartsWith("#", StringComparison.Ordinal) || Scheme.IsMatch(target))
                        continue;
                    int fragment = target.IndexOf('#');
                    yield return (line, fragment < 0 ? target : target.Substring(0, fragment));
                }
            }

            /// <summary>
            /// Relative links that carry a fragment: the path (empty for a link within the same document, <c>#section</c>)
            /// and the fragment without its <c>#</c>.
            /// </summary>
            public static IEnumerable<(int Line, string Path, string Fragment)> Fragments(string text)
            {
                foreach ((int line, string target) in Targets(text))
                {
                    int fragment = target.IndexOf('#');
                    if (fragment < 0 || Scheme.IsMatch(target))
                        continue;
                    yield return (line, target.Substring(0, fragment), target.Substring(fragment + 1));
                }
            }

            /// <summary>Every link target outside code, as written.</summary>
            private static IEnumerable<(int Line, string Target)> Targets(string text)
            {
                foreach ((int Number, string Text) line in LinesOutsideFences(text))
                {
                    string prose = CodeSpan.Replace(line.Text, string.Empty);
                    var targets = Inline.Matches(prose).Select(match => match.Groups["target"].Value)
                        .Concat(Definition.Matches(prose).Select(match => match.Groups["target"].Value));
                    foreach (string target in targets)
                        yield return (line.Number, target);
                }
            }

            /// <summary>The lines of Markdown text (numbered from 1) that are not inside a fenced code block nor a fence.</summary>
            public static IEnumerable<(int Number, string Text)> LinesOutsideFences(string text)
            {
                string[] lines = text.Replace("\r\n", "\n").Split('\n');
                string fence = null;
                for (int i = 0; i < lines.Length; i++)
                {
                    string trimmed = lines[i].TrimStart();
                    if (fence != null)
                    {
                        if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                            fence = null;
                        continue;
                    }
                    if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                    {
                        fence = trimmed.Substring(0, 3);
                        continue;
                    }

                    yield return (i + 1, lines[i]);
                }
            }
        }

        /// <summary>The repository's files as repository-relative paths with '/' separators.</summary>
        internal sealed class RepositoryFiles
        {
            private readonly HashSet<string> _files;
            private readonly HashSet<string> _folders = new HashSet<string>(StringComparer.Ordinal) { string.Empty };

            public RepositoryFiles(IEnumerable<string> paths)
            {
                _files = new HashSet<string>(paths, StringComparer.Ordinal);
                foreach (string path in _files)
                {
                    for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                        _folders.Add(path.Substring(0, slash));
                }
            }

            public IReadOnlyCollection<string> Paths => _files;

            /// <summary>Whether <paramref name="target"/>, written in <paramref name="from"/>, names a file or folder of the repository.</summary>
            public bool Resolves(string from, string target)
            {
                string path = PathOf(from, target);
                return path != null && (_files.Contains(path) || _folders.Contains(path));
            }

            /// <summary>
            /// The repository-relative path <paramref name="target"/> names when written in <paramref name="from"/>, or null when
            /// it leaves the repository.
            /// </summary>
            public static string PathOf(string from, string target)
            {
                var parts = new List<string>(from.Split('/'));
                parts.RemoveAt(parts.Count - 1);
                foreach (string part in Uri.UnescapeDataString(target).Split('/'))
                {
                    if (part.Length == 0 || part == ".")
                        continue;
                    if (part == "..")
                    {
                        if (parts.Count == 0)
                            return null;
                        parts.RemoveAt(parts.Count - 1);
                    }
                    else
                    {
                        parts.Add(part);
                    }
                }
                return string.Join("/", parts);
            }

            /// <summary>
            /// The files git lists (tracked, and new ones not ignored); without git (an exported tree), every file
            /// under the root outside build output and local state.
            /// </summary>
            public static RepositoryFiles Load()
            {
                string root = RepositoryPaths.Root;
                try
                {
                    var start = new ProcessStartInfo("git", "ls-files -z --cached --others --exclude-standard")
                    {
                        WorkingDirectory = root,
                        RedirectStandardOutput = true,
                        RedirectStandardError = true,
                        UseShellExecute = false,
                    };
                    using var git = Process.Start(start);
                    string output = git.StandardOutput.ReadToEnd();
                    git.StandardError.ReadToEnd();
                    git.WaitForExit();
                    if (git.ExitCode == 0)
                        return new RepositoryFiles(output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(path => File.Exists(Path.Combine(root, path))));
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    // git is not installed: fall through to the file system.
                }

                string[] skipped = { "bin", "obj", ".git", ".emulator", "packages", "node_modules", "TestResults" };
                return new RepositoryFiles(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
                    .Where(path => !path.Split('/').Any(part => skipped.Contains(part, StringComparer.Ordinal))));
            }
        }
    }
}
