using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>
    /// Writes C# declarations for one library assembly of the <see cref="ApiSurface"/>: every public type and member
    /// with its exact signature and no implementation (bodies throw), so that firmware compiled against them binds
    /// exactly as it would against the real library — a missing overload, setter or type fails to compile.
    /// Only the surface matters: the declarations need not compile cleanly themselves (e.g. interface
    /// implementations that the real library makes explicitly are absent), since consumers only bind to them.
    /// </summary>
    public static class ReferenceSourceWriter
    {
        private static readonly Dictionary<string, string> Operators = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_Addition"] = "+", ["op_Subtraction"] = "-",
            ["op_Multiply"] = "*", ["op_Division"] = "/", ["op_Modulus"] = "%", ["op_GreaterThan"] = ">",
            ["op_LessThan"] = "<", ["op_GreaterThanOrEqual"] = ">=", ["op_LessThanOrEqual"] = "<=",
            ["op_UnaryNegation"] = "-", ["op_UnaryPlus"] = "+", ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|",
            ["op_ExclusiveOr"] = "^", ["op_OnesComplement"] = "~", ["op_LogicalNot"] = "!",
        };

        /// <summary>The C# source of one assembly's declarations.</summary>
        /// <param name="types">The assembly's types (outer and nested).</param>
        public static string Write(IReadOnlyList<ApiType> types)
        {
            var byName = types.ToDictionary(type => type.FullName, StringComparer.Ordinal);
            var text = new StringBuilder();
            text.AppendLine("#pragma warning disable");
            foreach (IGrouping<string, ApiType> group in types.Where(type => !type.FullName.Contains('+')).GroupBy(Namespace))
            {
                bool hasNamespace = group.Key.Length > 0;
                if (hasNamespace)
                {
                    text.Append("namespace ").Append(group.Key).AppendLine(" {");
                }

                foreach (ApiType type in group)
                {
                    WriteType(text, type, byName);
                }

                if (hasNamespace)
                {
                    text.AppendLine("}");
                }
            }

            return text.ToString();
        }

        /// <summary>The C# spelling of a CLR type name as api.tsv writes it: <c>global::System.Byte[]</c>, <c>void</c>, a generic parameter's name.</summary>
        public static string CSharpType(string clrName)
        {
            string suffix = string.Empty;
            string name = clrName;
            while (name.EndsWith("[]", StringComparison.Ordinal))
            {
                suffix += "[]";
                name = name.Substring(0, name.Length - 2);
            }

            if (name == "System.Void")
            {
                return "void";
            }

            int plus = name.LastIndexOf('+');
            if (plus > 0 && name.Substring(0, plus).Contains('`') && !name.Substring(plus + 1).Contains('.'))
            {
                string inner = name.Substring(plus + 1);
                if (IsGenericParameterName(inner))
                {
                    return inner + suffix;
                }
            }

            var builder = new StringBuilder("global::");
            foreach (char c in name)
            {
                builder.Append(c == '+' ? '.' : c);
            }

            string spelled = builder.ToString();
            int tick = spelled.IndexOf('`');
            if (tick >= 0)
            {
                spelled = spelled.Substring(0, tick);
            }

            return spelled + suffix;
        }

        private static bool IsGenericParameterName(string name)
        {
            return name == "T" || name == "TResult" || name == "TEventArgs" || (name.Length == 2 && name[0] == 'T' && char.IsDigit(name[1]));
        }

        private static string Namespace(ApiType type)
        {
            int dot = type.FullName.LastIndexOf('.');
            return dot < 0 ? string.Empty : type.FullName.Substring(0, dot);
        }

        private static string Identifier(string name) => "@" + name;

        private static void WriteType(StringBuilder text, ApiType type, Dictionary<string, ApiType> byName)
        {
            string declaration = type.Declaration;
            bool isStatic = declaration.StartsWith("static ", StringComparison.Ordinal);
            if (isStatic)
            {
                declaration = declaration.Substring(7);
            }

            string keyword = declaration.Substring(0, declaration.IndexOf(' '));
            string afterKeyword = declaration.Substring(keyword.Length + 1);
            int colon = afterKeyword.IndexOf(" : ", StringComparison.Ordinal);
            string[] bases = colon < 0 ? Array.Empty<string>() : afterKeyword.Substring(colon + 3).Split(", ");
            string typeParameters = TypeParameters(type);
            string name = Identifier(type.SimpleName) + typeParameters;

            if (keyword == "delegate")
            {
                ApiMember invoke = type.Members.FirstOrDefault(member => member.Kind == "method" && SignatureReader.Read("method", member.Signature).Name == "Invoke");
                if (invoke == null)
                {
                    return;
                }

                SignatureReader.MemberParts parts = SignatureReader.Read("method", invoke.Signature);
                text.Append("public delegate ").Append(CSharpType(parts.Type)).Append(' ').Append(name).Append('(')
                    .Append(Parameters(parts.Parameters, false)).AppendLine(");");
                return;
            }

            if (keyword == "enum")
            {
                WriteEnum(text, type, name);
                return;
            }

            bool isInterface = keyword == "interface";
            bool isStruct = keyword == "struct";
            bool isAbstract = keyword == "class" && !isStatic && type.Members.Any(member => Modifiers(member).Contains("abstract"));
            if (keyword == "class" && type.SimpleName.EndsWith("Attribute", StringComparison.Ordinal) && type.FullName != "System.Attribute")
            {
                // api.tsv does not record AttributeUsage: allow every target and repetition (DataRow is repeated), so the
                // check never rejects an attribute use the real library accepts; it does not catch a misplaced attribute.
                text.AppendLine("[global::System.AttributeUsage((global::System.AttributeTargets)32767, AllowMultiple = true)]");
            }

            text.Append("public ").Append(isStatic ? "static " : string.Empty).Append(isAbstract ? "abstract " : string.Empty)
                .Append(keyword).Append(' ').Append(name);
            if (bases.Length > 0)
            {
                text.Append(" : ").Append(string.Join(", ", bases.Select(CSharpType)));
            }

            text.AppendLine(" {");
            bool hasConstructor = false;
            foreach (ApiMember member in type.Members)
            {
                if (member.Kind == "constructor")
                {
                    hasConstructor = true;
                }

                WriteMember(text, type, member, isInterface, isStruct);
            }

            if (!hasConstructor && !isStatic && !isInterface && !isStruct)
            {
                // No visible constructor in the real library: firmware must not be able to create one.
                text.Append("private ").Append(Identifier(type.SimpleName)).AppendLine("() { }");
            }

            foreach (ApiType nested in byName.Values.Where(candidate => candidate.FullName.StartsWith(type.FullName + "+", StringComparison.Ordinal)
                && candidate.FullName.IndexOf('+', type.FullName.Length + 1) < 0))
            {
                WriteType(text, nested, byName);
            }

            text.AppendLine("}");
        }

        private static HashSet<string> Modifiers(ApiMember member)
        {
            return SignatureReader.Read(member.Kind, member.Signature).Modifiers;
        }

        private static string TypeParameters(ApiType type)
        {
            int tick = type.FullName.LastIndexOf('`');
            if (tick < 0 || type.FullName.IndexOf('+', tick) >= 0)
            {
                return string.Empty;
            }

            var names = new SortedSet<string>(Comparer<string>.Create(CompareTypeParameters));
            string prefix = type.FullName + "+";
            foreach (ApiMember member in type.Members)
            {
                int at = 0;
                while ((at = member.Signature.IndexOf(prefix, at, StringComparison.Ordinal)) >= 0)
                {
                    int start = at + prefix.Length;
                    int end = start;
                    while (end < member.Signature.Length && char.IsLetterOrDigit(member.Signature[end]))
                    {
                        end++;
                    }

                    names.Add(member.Signature.Substring(start, end - start));
                    at = end;
                }
            }

            return "<" + string.Join(", ", names) + ">";
        }

        private static int CompareTypeParameters(string a, string b)
        {
            int Rank(string name) => name == "TResult" ? 2 : name == "T" ? 0 : 1;
            int byRank = Rank(a).CompareTo(Rank(b));
            return byRank != 0 ? byRank : string.CompareOrdinal(a, b);
        }

        private static void WriteEnum(StringBuilder text, ApiType type, string name)
        {
            var values = new List<(string Name, string Value)>();
            long minimum = 0;
            ulong maximum = 0;
            foreach (ApiMember member in type.Members.Where(member => member.Kind == "field"))
            {
                SignatureReader.MemberParts parts = SignatureReader.Read("field", member.Signature);
                string value = parts.Value;
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long signed))
                {
                    minimum = Math.Min(minimum, signed);
                    if (signed > 0)
                    {
                        maximum = Math.Max(maximum, (ulong)signed);
                    }
                }
                else if (ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong unsigned))
                {
                    maximum = Math.Max(maximum, unsigned);
                }
                else
                {
                    value = null;
                }

                values.Add((parts.Name, value));
            }

            string underlying = minimum >= int.MinValue && maximum <= int.MaxValue ? string.Empty
                : minimum >= 0 && maximum <= uint.MaxValue ? " : uint"
                : minimum >= 0 && maximum > long.MaxValue ? " : ulong" : " : long";
            text.Append("public enum ").Append(name).Append(underlying).AppendLine(" {");
            foreach ((string Name, string Value) entry in values)
            {
                text.Append(Identifier(entry.Name));
                if (entry.Value != null)
                {
                    text.Append(" = ").Append(entry.Value);
                }

                text.AppendLine(",");
            }

            text.AppendLine("}");
        }

        private static void WriteMember(StringBuilder text, ApiType type, ApiMember member, bool isInterface, bool isStruct)
        {
            SignatureReader.MemberParts parts = SignatureReader.Read(member.Kind, member.Signature);
            if (parts.Name.Contains('.'))
            {
                return; // an explicit interface implementation: not callable by name
            }

            bool isStatic = parts.Modifiers.Contains("static");
            bool isAbstract = parts.Modifiers.Contains("abstract") && !isInterface;
            string access = isInterface ? string.Empty : parts.Modifiers.Contains("protected") && !isStruct ? "protected " : "public ";
            string inheritance = isInterface || isStruct ? (parts.Modifiers.Contains("override") && isStruct ? "override " : string.Empty)
                : isAbstract ? "abstract " : parts.Modifiers.Contains("override") ? "override " : parts.Modifiers.Contains("virtual") ? "virtual " : string.Empty;
            string staticText = isStatic ? "static " : string.Empty;
            bool bodiless = isInterface || isAbstract;
            switch (member.Kind)
            {
                case "constructor":
                    if (isInterface)
                    {
                        return;
                    }

                    text.Append(access).Append(staticText).Append(Identifier(type.SimpleName)).Append('(')
                        .Append(Parameters(parts.Parameters, member.HasParamsArray)).AppendLine(") { throw null; }");
                    return;
                case "method":
                    WriteMethod(text, parts, member, access, staticText, inheritance, bodiless);
                    return;
                case "property":
                    text.Append(access).Append(staticText).Append(inheritance).Append(CSharpType(parts.Type)).Append(' ');
                    if (parts.Parameters != null)
                    {
                        text.Append("this[").Append(Parameters(parts.Parameters, false)).Append(']');
                    }
                    else
                    {
                        text.Append(Identifier(parts.Name));
                    }

                    text.Append(" { ");
                    foreach (string accessor in parts.Accessors)
                    {
                        text.Append(accessor).Append(bodiless ? "; " : accessor == "get" ? " { throw null; } " : " { } ");
                    }

                    text.AppendLine("}");
                    return;
                case "event":
                    text.Append(access).Append(staticText).Append(inheritance).Append("event ").Append(CSharpType(parts.Type)).Append(' ')
                        .Append(Identifier(parts.Name)).AppendLine(";");
                    return;
                default:
                    WriteField(text, parts, access);
                    return;
            }
        }

        private static void WriteMethod(StringBuilder text, SignatureReader.MemberParts parts, ApiMember member, string access, string staticText,
            string inheritance, bool bodiless)
        {
            string returnType = CSharpType(parts.Type);
            string body = bodiless ? ";" : " { throw null; }";
            if (parts.Name == "op_Implicit" || parts.Name == "op_Explicit")
            {
                text.Append("public static ").Append(parts.Name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ").Append(returnType)
                    .Append('(').Append(Parameters(parts.Parameters, false)).Append(')').AppendLine(body);
                return;
            }

            if (Operators.TryGetValue(parts.Name, out string symbol))
            {
                text.Append("public static ").Append(returnType).Append(" operator ").Append(symbol)
                    .Append('(').Append(Parameters(parts.Parameters, false)).Append(')').AppendLine(body);
                return;
            }

            text.Append(access).Append(staticText).Append(inheritance).Append(returnType).Append(' ').Append(Identifier(parts.Name))
                .Append('(').Append(Parameters(parts.Parameters, member.HasParamsArray)).Append(')').AppendLine(body);
        }

        private static void WriteField(StringBuilder text, SignatureReader.MemberParts parts, string access)
        {
            string type = CSharpType(parts.Type);
            text.Append(access);
            if (parts.Modifiers.Contains("const"))
            {
                text.Append("const ").Append(type).Append(' ').Append(Identifier(parts.Name)).Append(" = ").Append(ConstantValue(type, parts.Value)).AppendLine(";");
                return;
            }

            if (parts.Modifiers.Contains("static"))
            {
                text.Append("static ");
            }

            if (parts.Modifiers.Contains("readonly"))
            {
                text.Append("readonly ");
            }

            text.Append(type).Append(' ').Append(Identifier(parts.Name)).AppendLine(";");
        }

        private static string ConstantValue(string type, string value)
        {
            if (value == null)
            {
                return "default";
            }

            if (value.StartsWith("\"", StringComparison.Ordinal) || value.StartsWith("'", StringComparison.Ordinal))
            {
                return value;
            }

            if (value == "NaN")
            {
                return "(" + type + ")(0.0 / 0.0)";
            }

            if (value == "Infinity" || value == "-Infinity")
            {
                return "(" + type + ")(" + (value[0] == '-' ? "-" : string.Empty) + "1.0 / 0.0)";
            }

            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                || ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return "unchecked((" + type + ")(" + value + "))";
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return "(" + type + ")(" + value + (value.Contains('E') || value.Contains('.') ? string.Empty : ".0") + ")";
            }

            return "default";
        }

        private static string Parameters(List<SignatureReader.ParameterParts> parameters, bool lastIsParams)
        {
            var text = new StringBuilder();
            for (int i = 0; i < parameters.Count; i++)
            {
                SignatureReader.ParameterParts parameter = parameters[i];
                if (i > 0)
                {
                    text.Append(", ");
                }

                if (lastIsParams && i == parameters.Count - 1)
                {
                    text.Append("params ");
                }

                if (parameter.Passing.Length > 0)
                {
                    text.Append(parameter.Passing).Append(' ');
                }

                text.Append(CSharpType(parameter.Type)).Append(" p").Append(i.ToString(CultureInfo.InvariantCulture));
                if (parameter.IsOptional)
                {
                    text.Append(" = default");
                }
            }

            return text.ToString();
        }
    }
}
