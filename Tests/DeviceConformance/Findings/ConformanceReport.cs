using System.Collections.Generic;
using System.Linq;

namespace DcMonitor.DeviceConformance.Findings
{
    /// <summary>All findings of one run, the notes (facts that are not failures) and the counts of what was checked.</summary>
    public sealed class ConformanceReport
    {
        private readonly List<Finding> _findings = new List<Finding>();
        private readonly List<string> _notes = new List<string>();

        /// <summary>The findings, in the order they were found.</summary>
        public IReadOnlyList<Finding> Findings => _findings;

        /// <summary>Things worth reading that fail nothing (e.g. a fragment value that differs from the data, which needs remaking).</summary>
        public IReadOnlyList<string> Notes => _notes;

        /// <summary>Device projects compiled.</summary>
        public int Projects { get; set; }

        /// <summary>Distinct real library types the firmware uses.</summary>
        public int TypesUsed { get; set; }

        /// <summary>Distinct real library members (methods, constructors, properties, fields, events) the firmware uses.</summary>
        public int MembersUsed { get; set; }

        /// <summary>Adds a finding.</summary>
        public void Add(Finding finding) => _findings.Add(finding);

        /// <summary>Adds a note.</summary>
        public void Note(string note) => _notes.Add(note);

        /// <summary>How many findings of one category.</summary>
        public int Count(FindingCategory category) => _findings.Count(finding => finding.Category == category);

        /// <summary>True when every count is zero.</summary>
        public bool Clean => _findings.Count == 0;

        /// <summary>
        /// The last line of the tool's output:
        /// <c>device-conformance: projects=N types=T members=M missing-references=0 unknown-apis=0 unknown-kconfig=0 unresolved-calls=0</c>.
        /// </summary>
        public string SummaryLine()
        {
            return "device-conformance: projects=" + Projects + " types=" + TypesUsed + " members=" + MembersUsed
                + " missing-references=" + Count(FindingCategory.MissingReference)
                + " unknown-apis=" + Count(FindingCategory.UnknownApi)
                + " unknown-kconfig=" + Count(FindingCategory.UnknownKconfig)
                + " unresolved-calls=" + Count(FindingCategory.UnresolvedCall);
        }
    }
}
