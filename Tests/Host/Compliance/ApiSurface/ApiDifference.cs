using System.Collections.Generic;
using System.Linq;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// Something the emulator offers that the real library does not have with that signature: a type line
    /// (unknown type, or other kind/base/interfaces) or a member line, with what the real library has instead.
    /// </summary>
    public sealed class ApiDifference
    {
        /// <summary>Creates a difference.</summary>
        public ApiDifference(ApiLine emulated, IEnumerable<ApiLine> realInstead)
        {
            Emulated = emulated;
            RealInstead = realInstead.ToArray();
        }

        /// <summary>The emulator's line.</summary>
        public ApiLine Emulated { get; }

        /// <summary>The real library's nearest lines: the type line, or the members of the same name (empty: none).</summary>
        public IReadOnlyList<ApiLine> RealInstead { get; }

        /// <summary>The identity used by the allow-list: <c>type | kind | signature</c>.</summary>
        public string Id => Emulated.ToString();

        /// <summary>The difference and what the real library has instead, for the test output.</summary>
        public string Describe()
        {
            string instead = RealInstead.Count == 0
                ? "real library: nothing of that name"
                : "real library has: " + string.Join(" ;; ", RealInstead.Select(line => line.Signature));
            return Id + "\n      " + instead;
        }
    }
}
