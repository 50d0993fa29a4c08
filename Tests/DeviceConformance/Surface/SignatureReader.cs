using System;
using System.Collections.Generic;

namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>
    /// Splits api.tsv signatures into their parts: modifiers, type, name, parameters, accessors, value.
    /// Grammar (api.tsv): <c>[modifiers] [Type] Name[(Parameters)][ [Parameters] { get; set; }][ = value]</c>,
    /// a parameter is <c>[ref |out ]Type[ = default]</c>.
    /// </summary>
    public static class SignatureReader
    {
        private static readonly HashSet<string> Modifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "static", "virtual", "override", "abstract", "extern", "protected", "const", "readonly", "sealed", "new",
        };

        /// <summary>The parts of one member signature.</summary>
        public sealed class MemberParts
        {
            /// <summary>The modifiers, e.g. static, override, protected, const.</summary>
            public HashSet<string> Modifiers { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The value or return type (CLR name); null for constructors.</summary>
            public string Type { get; set; }

            /// <summary>The member name (<c>op_Equality</c> for operators, <c>Item</c>/<c>Chars</c> for indexers, the type's name for constructors).</summary>
            public string Name { get; set; }

            /// <summary>Parameters of a method, constructor or indexer; null for fields, events and plain properties.</summary>
            public List<ParameterParts> Parameters { get; set; }

            /// <summary>The property's accessors ("get", "set").</summary>
            public List<string> Accessors { get; } = new List<string>();

            /// <summary>A field's constant value text, or null.</summary>
            public string Value { get; set; }
        }

        /// <summary>One parameter.</summary>
        public sealed class ParameterParts
        {
            /// <summary>"ref", "out" or empty.</summary>
            public string Passing { get; set; } = string.Empty;

            /// <summary>CLR type name, e.g. <c>System.Byte[]</c>.</summary>
            public string Type { get; set; }

            /// <summary>True when the parameter has a default value (is optional).</summary>
            public bool IsOptional { get; set; }
        }

        /// <summary>Reads a member signature of the given kind.</summary>
        /// <param name="kind">field, property, event, constructor or method.</param>
        /// <param name="signature">The api.tsv signature column.</param>
        /// <exception cref="FormatException">The signature does not follow the grammar.</exception>
        public static MemberParts Read(string kind, string signature)
        {
            var parts = new MemberParts();
            string rest = signature.Trim();
            while (true)
            {
                int space = rest.IndexOf(' ');
                if (space < 0 || !Modifiers.Contains(rest.Substring(0, space)))
                {
                    break;
                }

                parts.Modifiers.Add(rest.Substring(0, space));
                rest = rest.Substring(space + 1);
            }

            switch (kind)
            {
                case "constructor":
                    ReadCall(rest, parts, false, signature);
                    break;
                case "method":
                    ReadCall(rest, parts, true, signature);
                    break;
                case "property":
                    ReadProperty(rest, parts, signature);
                    break;
                case "field":
                case "event":
                    int equals = rest.IndexOf(" = ", StringComparison.Ordinal);
                    if (equals >= 0)
                    {
                        parts.Value = rest.Substring(equals + 3);
                        rest = rest.Substring(0, equals);
                    }

                    int lastSpace = rest.LastIndexOf(' ');
                    if (lastSpace < 0)
                    {
                        throw new FormatException("no type before the name in: " + signature);
                    }

                    parts.Type = rest.Substring(0, lastSpace);
                    parts.Name = rest.Substring(lastSpace + 1);
                    break;
                default:
                    throw new FormatException("unknown member kind " + kind + " for: " + signature);
            }

            return parts;
        }

        /// <summary>Splits <c>A, B = ",", out C</c> into parameters (commas inside quotes do not split).</summary>
        public static List<ParameterParts> ReadParameters(string text)
        {
            var list = new List<ParameterParts>();
            if (text.Trim().Length == 0)
            {
                return list;
            }

            var pieces = new List<string>();
            int start = 0;
            char quote = '\0';
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quote != '\0')
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == ',')
                {
                    pieces.Add(text.Substring(start, i - start));
                    start = i + 1;
                }
            }

            pieces.Add(text.Substring(start));
            foreach (string piece in pieces)
            {
                string p = piece.Trim();
                var parameter = new ParameterParts();
                int equals = p.IndexOf(" = ", StringComparison.Ordinal);
                if (equals >= 0)
                {
                    parameter.IsOptional = true;
                    p = p.Substring(0, equals);
                }

                if (p.StartsWith("ref ", StringComparison.Ordinal) || p.StartsWith("out ", StringComparison.Ordinal))
                {
                    parameter.Passing = p.Substring(0, 3);
                    p = p.Substring(4);
                }

                parameter.Type = p.Trim();
                list.Add(parameter);
            }

            return list;
        }

        private static void ReadCall(string rest, MemberParts parts, bool hasReturnType, string signature)
        {
            int open = rest.IndexOf('(');
            int close = rest.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                throw new FormatException("no parameter list in: " + signature);
            }

            string head = rest.Substring(0, open).Trim();
            parts.Parameters = ReadParameters(rest.Substring(open + 1, close - open - 1));
            if (hasReturnType)
            {
                int space = head.LastIndexOf(' ');
                if (space < 0)
                {
                    throw new FormatException("no return type in: " + signature);
                }

                parts.Type = head.Substring(0, space);
                parts.Name = head.Substring(space + 1);
            }
            else
            {
                parts.Name = head;
            }
        }

        private static void ReadProperty(string rest, MemberParts parts, string signature)
        {
            int brace = rest.IndexOf('{');
            if (brace < 0)
            {
                throw new FormatException("no accessors in: " + signature);
            }

            foreach (string accessor in rest.Substring(brace + 1).TrimEnd('}').Split(';'))
            {
                string a = accessor.Trim();
                if (a.Length > 0)
                {
                    parts.Accessors.Add(a);
                }
            }

            string head = rest.Substring(0, brace).Trim();
            int space = head.IndexOf(' ');
            if (space < 0)
            {
                throw new FormatException("no property type in: " + signature);
            }

            parts.Type = head.Substring(0, space);
            string name = head.Substring(space + 1);
            int bracket = name.IndexOf('[');
            if (bracket > 0)
            {
                parts.Name = name.Substring(0, bracket);
                parts.Parameters = ReadParameters(name.Substring(bracket + 1, name.Length - bracket - 2));
            }
            else
            {
                parts.Name = name;
            }
        }
    }
}
