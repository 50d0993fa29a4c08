using System;
using System.Collections.Generic;
using System.Linq;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// The real nanoFramework 1.x API surface as recorded in
    /// Tests/DeviceConformance/Reference/nanoframework-1x-api/api.tsv (or synthetic lines for tests of the comparison).
    /// </summary>
    public sealed class ReferenceApiSurface
    {
        private readonly Dictionary<string, List<ApiLine>> _byType;

        /// <summary>Builds the surface from lines.</summary>
        public ReferenceApiSurface(IEnumerable<ApiLine> lines)
        {
            _byType = lines.GroupBy(line => line.Type, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
            Namespaces = new HashSet<string>(_byType.Keys.Select(NamespaceOf), StringComparer.Ordinal);
        }

        /// <summary>Every namespace that holds a real type.</summary>
        public ISet<string> Namespaces { get; }

        /// <summary>
        /// The surface of Reference/nanoframework-1x-api as the device-conformance check reads it
        /// (<see cref="DcMonitor.DeviceConformance.Surface.ApiSurface"/>): each type's line, then its members.
        /// </summary>
        /// <param name="directory">The folder holding api.tsv, assemblies.tsv and params-parameters.tsv.</param>
        public static ReferenceApiSurface Load(string directory)
        {
            var lines = new List<ApiLine>();
            foreach (DcMonitor.DeviceConformance.Surface.ApiType type in DcMonitor.DeviceConformance.Surface.ApiSurface.Load(directory).Types)
            {
                lines.Add(new ApiLine(type.FullName, "type", type.Declaration));
                lines.AddRange(type.Members.Select(member => new ApiLine(type.FullName, member.Kind, member.Signature)));
            }

            return new ReferenceApiSurface(lines);
        }

        /// <summary>Whether the real libraries have a type of this full name.</summary>
        public bool HasType(string type) => _byType.ContainsKey(type);

        /// <summary>The type's own line (kind, name, base type and interfaces), or null.</summary>
        public ApiLine TypeLine(string type) => Lines(type).FirstOrDefault(line => line.Kind == "type");

        /// <summary>The lines of one type (type line and members); empty for an unknown type.</summary>
        public IReadOnlyList<ApiLine> Lines(string type) => _byType.TryGetValue(type, out List<ApiLine> lines) ? lines : (IReadOnlyList<ApiLine>)Array.Empty<ApiLine>();

        /// <summary>The namespace part of a full type name (nested types: that of the outermost type).</summary>
        public static string NamespaceOf(string type)
        {
            string outer = type.Split('+')[0];
            int dot = outer.LastIndexOf('.');
            return dot < 0 ? string.Empty : outer.Substring(0, dot);
        }
    }
}
