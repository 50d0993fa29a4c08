namespace DcMonitor.DeviceConformance.Findings
{
    /// <summary>One finding: where (repository-relative file and 1-based line, 0 when the whole file), what, and the fix.</summary>
    public sealed class Finding
    {
        /// <summary>Creates a finding.</summary>
        /// <param name="category">Which count of the summary line it adds to.</param>
        /// <param name="file">Repository-relative path with forward slashes.</param>
        /// <param name="line">1-based line, or 0 when the finding concerns the whole file.</param>
        /// <param name="what">What is wrong, naming the value.</param>
        /// <param name="fix">What to do about it.</param>
        public Finding(FindingCategory category, string file, int line, string what, string fix)
        {
            Category = category;
            File = file;
            Line = line;
            What = what;
            Fix = fix;
        }

        /// <summary>Which count of the summary line it adds to.</summary>
        public FindingCategory Category { get; }

        /// <summary>Repository-relative path with forward slashes.</summary>
        public string File { get; }

        /// <summary>1-based line, or 0 for the whole file.</summary>
        public int Line { get; }

        /// <summary>What is wrong.</summary>
        public string What { get; }

        /// <summary>What to do about it.</summary>
        public string Fix { get; }

        /// <summary>The category's name as the summary line spells it (missing-references, unknown-apis, …).</summary>
        public string CategoryName => Category switch
        {
            FindingCategory.MissingReference => "missing-reference",
            FindingCategory.UnknownApi => "unknown-api",
            FindingCategory.UnknownKconfig => "unknown-kconfig",
            _ => "unresolved-call",
        };

        /// <summary><c>file:line: category: what — fix: …</c>, one line.</summary>
        public override string ToString()
        {
            string where = Line > 0 ? File + ":" + Line : File;
            return where + ": " + CategoryName + ": " + What + " — fix: " + Fix;
        }
    }
}
