using System;
using System.Collections.Generic;
using System.Linq;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// Compares emulated types with the real surface: every emulated type must exist there with the same kind and
    /// base type and no interface the real type lacks, and every visible member must have a line with an equal
    /// comparison key (<see cref="ApiSignatureKey"/>). The emulator may offer less than the real library; never more
    /// or different.
    /// </summary>
    public static class ApiSurfaceComparer
    {
        /// <summary>The differences of <paramref name="types"/> (and their visible nested types) from <paramref name="reference"/>.</summary>
        /// <param name="types">The emulated types that mirror real ones.</param>
        /// <param name="reference">The real surface.</param>
        /// <param name="internalVisible">Whether internal members count as visible (types compiled into firmware assemblies).</param>
        public static IReadOnlyList<ApiDifference> Compare(IEnumerable<Type> types, ReferenceApiSurface reference, bool internalVisible)
        {
            var differences = new List<ApiDifference>();
            foreach (Type type in types)
            {
                CompareType(type, reference, internalVisible, differences);
            }

            return differences;
        }

        private static void CompareType(Type type, ReferenceApiSurface reference, bool internalVisible, List<ApiDifference> differences)
        {
            List<ApiLine> lines = ApiSignatureFormatter.Describe(type, internalVisible).ToList();
            ApiLine typeLine = lines[0];
            ApiLine realTypeLine = reference.TypeLine(typeLine.Type);
            if (realTypeLine == null)
            {
                differences.Add(new ApiDifference(typeLine, Array.Empty<ApiLine>()));
                return;
            }

            if (!TypeLineFits(typeLine, realTypeLine, reference))
            {
                differences.Add(new ApiDifference(typeLine, new[] { realTypeLine }));
            }

            IReadOnlyList<ApiLine> real = reference.Lines(typeLine.Type);
            var keys = new HashSet<string>(real.Select(line => line.Key), StringComparer.Ordinal);
            foreach (ApiLine member in lines.Skip(1).Where(member => !keys.Contains(member.Key)))
            {
                differences.Add(new ApiDifference(member, real.Where(line => line.Kind != "type" && line.MemberName == member.MemberName)));
            }

            foreach (Type nested in ApiSignatureFormatter.VisibleNestedTypes(type, internalVisible))
            {
                CompareType(nested, reference, internalVisible, differences);
            }
        }

        /// <summary>Same kind and base class; the emulated type's interfaces a subset of the real one's.</summary>
        private static bool TypeLineFits(ApiLine emulated, ApiLine real, ReferenceApiSurface reference)
        {
            TypeShape mine = TypeShape.Parse(emulated.Signature, reference);
            TypeShape theirs = TypeShape.Parse(real.Signature, reference);
            return mine.Kind == theirs.Kind && mine.BaseClass == theirs.BaseClass && mine.Interfaces.IsSubsetOf(theirs.Interfaces);
        }

        /// <summary>A type line taken apart: kind, base class (null: the implied one) and interfaces.</summary>
        private sealed class TypeShape
        {
            public string Kind { get; private set; }

            public string BaseClass { get; private set; }

            public HashSet<string> Interfaces { get; } = new HashSet<string>(StringComparer.Ordinal);

            public static TypeShape Parse(string signature, ReferenceApiSurface reference)
            {
                var shape = new TypeShape();
                int colon = signature.IndexOf(" : ", StringComparison.Ordinal);
                string head = colon < 0 ? signature : signature.Substring(0, colon);
                shape.Kind = head.Substring(0, head.LastIndexOf(' '));
                if (colon < 0)
                {
                    return shape;
                }

                foreach (string name in signature.Substring(colon + 3).Split(", "))
                {
                    ApiLine line = reference.TypeLine(name);
                    bool isInterface = line != null ? line.Signature.StartsWith("interface ", StringComparison.Ordinal) : IsDesktopInterface(name);
                    if (isInterface)
                    {
                        shape.Interfaces.Add(name);
                    }
                    else
                    {
                        shape.BaseClass = name;
                    }
                }

                return shape;
            }

            // A name the real libraries lack differs either way; only a type the desktop runtime resolves is told apart.
            private static bool IsDesktopInterface(string name) => Type.GetType(name, false)?.IsInterface ?? false;
        }
    }
}
