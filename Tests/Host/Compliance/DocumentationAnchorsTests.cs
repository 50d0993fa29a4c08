using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// Every link to a section (<c>file.md#section</c> or <c>#section</c>) in the repository's Markdown files names a heading
    /// that exists in that file, with the anchor GitHub makes from the heading: lower case, punctuation other than
    /// <c>-</c> and <c>_</c> removed, blanks turned into <c>-</c>, and <c>-1</c>, <c>-2</c> … added to repeated headings.
    /// </summary>
    public class DocumentationAnchorsTests
    {
        private static readonly Regex Heading = new Regex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$", RegexOptions.Compiled);
        private static readonly Regex InlineLink = new Regex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)", RegexOptions.Compiled);

        private static readonly Lazy<DocumentationLinksTests.RepositoryFiles> Files =
            new Lazy<DocumentationLinksTests.RepositoryFiles>(DocumentationLinksTests.RepositoryFiles.Load);

        [Fact]
        public void Every_section_link_names_a_heading_of_its_document()
        {
            var anchorsByFile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var broken = new List<string>();
            int checkedLinks = 0;
            foreach (string file in Files.Value.Paths.Where(path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                string text = File.ReadAllText(RepositoryPaths.InRoot(file.Split('/')));
                foreach ((int line, string path, string fragment) in DocumentationLinksTests.MarkdownLinks.Fragments(text))
                {
                    string target = path.Length == 0 ? file : DocumentationLinksTests.RepositoryFiles.PathOf(file, path);
                    if (target == null || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !Files.Value.Paths.Contains(target))
                        continue; // a link outside the repository or to a folder fails DocumentationLinksTests; a non-Markdown target has no headings
                    if (!anchorsByFile.TryGetValue(target, out HashSet<string> anchors))
                    {
                        anchors = Anchors(File.ReadAllText(RepositoryPaths.InRoot(target.Split('/'))));
                        anchorsByFile[target] = anchors;
                    }

                    checkedLinks++;
                    if (!anchors.Contains(Uri.UnescapeDataString(fragment)))
                        broken.Add($"{file}:{line}: {path}#{fragment}");
                }
            }

            Assert.True(checkedLinks > 0, "no section link was found: the reader is broken");
            Assert.True(broken.Count == 0, "links to sections that do not exist:\n" + string.Join("\n", broken));
        }

        [Theory]
        [InlineData("## Backpressure: nothing acknowledged is dropped", "backpressure-nothing-acknowledged-is-dropped")]
        [InlineData("### `--commands`: a scripted run", "--commands-a-scripted-run")]
        [InlineData("### The emulator's API surface follows the real one", "the-emulators-api-surface-follows-the-real-one")]
        [InlineData("## Wiring (ESP32-C6, GPIO 5/6/7)", "wiring-esp32-c6-gpio-567")]
        [InlineData("## See [the protocol](protocol.md) and NODE_READY", "see-the-protocol-and-node_ready")]
        [InlineData("# Hardware and wiring ##", "hardware-and-wiring")]
        public void A_heading_gets_githubs_anchor(string heading, string anchor)
        {
            Assert.Contains(anchor, Anchors(heading));
        }

        [Fact]
        public void Repeated_headings_are_numbered_and_headings_in_code_are_not_headings()
        {
            var anchors = Anchors("# Options\n## Options\n```\n# not a heading\n```\n### Options\n");

            Assert.Equal(new[] { "options", "options-1", "options-2" }, anchors.OrderBy(anchor => anchor, StringComparer.Ordinal));
        }

        /// <summary>The anchors GitHub gives the headings of a Markdown text.</summary>
        internal static HashSet<string> Anchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach ((int _, string line) in DocumentationLinksTests.MarkdownLinks.LinesOutsideFences(markdown))
            {
                Match heading = Heading.Match(line);
                if (!heading.Success)
                    continue;
                string slug = Slug(heading.Groups["text"].Value);
                if (seen.TryGetValue(slug, out int count))
                {
                    seen[slug] = count + 1;
                    anchors.Add(slug + "-" + (count + 1).ToString());
                }
                else
                {
                    seen[slug] = 0;
                    anchors.Add(slug);
                }
            }

            return anchors;
        }

        private static string Slug(string headingText)
        {
            string text = InlineLink.Replace(headingText, match => match.Groups["text"].Value).ToLowerInvariant();
            var slug = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                    slug.Append(c);
                else if (c == ' ')
                    slug.Append('-');
            }

            return slug.ToString();
        }
    }
}
