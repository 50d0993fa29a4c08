using System;
using System.Collections.Generic;
using System.Linq;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// How two signatures are compared. Kept: static, protected, const and readonly (they change what a caller
    /// may write), types (ref/out included), names, property accessors, optional parameters with their default
    /// values. Dropped: virtual, override, abstract, sealed, new and extern (how a member is implemented or
    /// dispatched, not whether firmware can call it). Parameter names are not part of the format.
    /// </summary>
    public static class ApiSignatureKey
    {
        private static readonly string[] Kept = { "static", "protected", "const", "readonly" };
        private static readonly HashSet<string> Ignored = new HashSet<string>(StringComparer.Ordinal) { "virtual", "override", "abstract", "sealed", "new", "extern" };

        /// <summary>The signature with ignored modifiers removed and kept modifiers in a fixed order.</summary>
        public static string Of(string signature)
        {
            var modifiers = new HashSet<string>(StringComparer.Ordinal);
            string rest = signature;
            while (true)
            {
                int space = rest.IndexOf(' ');
                if (space < 0)
                {
                    break;
                }

                string token = rest.Substring(0, space);
                if (!Ignored.Contains(token) && !Kept.Contains(token))
                {
                    break;
                }

                modifiers.Add(token);
                rest = rest.Substring(space + 1);
            }

            IEnumerable<string> kept = Kept.Where(modifiers.Contains);
            return string.Join(" ", kept.Concat(new[] { rest }));
        }

        /// <summary>The member name of a signature (for constructors, the type name before the parameter list).</summary>
        public static string MemberName(string kind, string signature)
        {
            string rest = Of(signature);
            switch (kind)
            {
                case "method":
                case "constructor":
                    rest = rest.Substring(0, rest.IndexOf('('));
                    break;
                case "property":
                    int end = rest.IndexOfAny(new[] { '[', '{' });
                    rest = rest.Substring(0, end).TrimEnd();
                    break;
                case "field":
                    int equals = rest.IndexOf(" = ", StringComparison.Ordinal);
                    rest = equals < 0 ? rest : rest.Substring(0, equals);
                    break;
            }

            int last = rest.LastIndexOf(' ');
            return last < 0 ? rest : rest.Substring(last + 1);
        }
    }
}
