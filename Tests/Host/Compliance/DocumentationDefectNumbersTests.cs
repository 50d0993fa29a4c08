using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// The README and the project's documents describe the old firmware's defects in words: none cites a bare defect
    /// number such as "B13", which only the old system's defect list defines. The reference copies in docs/reference/ keep
    /// their own numbering and are exempt.
    /// </summary>
    public class DocumentationDefectNumbersTests
    {
        private static readonly Regex DefectNumber = new Regex(@"\bB\d{1,3}\b", RegexOptions.Compiled);

        [Fact]
        public void The_readme_and_the_project_documents_cite_no_defect_number()
        {
            var files = DocumentationLinksTests.RepositoryFiles.Load().Paths
                .Where(path => path == "README.md"
                    || (path.StartsWith("docs/", StringComparison.Ordinal) && !path.StartsWith("docs/reference/", StringComparison.Ordinal)
                        && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
                .ToList();
            Assert.Contains("README.md", files);
            Assert.Contains("docs/protocol.md", files);

            var citations = new List<string>();
            foreach (string file in files)
            {
                string[] lines = File.ReadAllLines(RepositoryPaths.InRoot(file.Split('/')));
                for (int i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in DefectNumber.Matches(lines[i]))
                        citations.Add($"{file}:{i + 1}: {match.Value} in \"{lines[i].Trim()}\"");
                }
            }

            Assert.True(citations.Count == 0, "say what the old firmware did instead of its defect number:\n" + string.Join("\n", citations));
        }

        [Theory]
        [InlineData("the seed's defect (B13) is fixed", true)]
        [InlineData("B3: garbage read as 0", true)]
        [InlineData("a 2-byte SEND, an 8 B STATUS, register 0xB1, SHA-256 of AB12", false)]
        public void A_defect_number_is_a_capital_b_and_digits_standing_alone(string text, bool cites)
        {
            Assert.Equal(cites, DefectNumber.IsMatch(text));
        }
    }
}
