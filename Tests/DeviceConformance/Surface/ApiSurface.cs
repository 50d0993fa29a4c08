using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>
    /// The real nanoFramework 1.x API surface, loaded from <c>assemblies.tsv</c> and <c>api.tsv</c>
    /// (Reference/nanoframework-1x-api), with <c>params</c> arrays marked from <c>params-parameters.tsv</c>.
    /// </summary>
    public sealed class ApiSurface
    {
        private readonly Dictionary<string, LibraryAssembly> _assemblies = new Dictionary<string, LibraryAssembly>(StringComparer.Ordinal);
        private readonly List<ApiType> _types = new List<ApiType>();

        /// <summary>Every library assembly, by assembly name.</summary>
        public IReadOnlyDictionary<string, LibraryAssembly> Assemblies => _assemblies;

        /// <summary>Every type of every library.</summary>
        public IReadOnlyList<ApiType> Types => _types;

        /// <summary>Loads the surface.</summary>
        /// <param name="directory">The folder holding assemblies.tsv, api.tsv and params-parameters.tsv.</param>
        /// <exception cref="FileNotFoundException">A data file is missing.</exception>
        /// <exception cref="InvalidDataException">A line has the wrong number of columns or names an unknown type.</exception>
        public static ApiSurface Load(string directory)
        {
            var surface = new ApiSurface();
            foreach (string[] columns in TabSeparatedFile.Rows(Path.Combine(directory, "assemblies.tsv"), 3))
            {
                surface._assemblies[columns[0]] = new LibraryAssembly(columns[0], columns[1], columns[2]);
            }

            var paramsMembers = new HashSet<string>(StringComparer.Ordinal);
            foreach (string[] columns in TabSeparatedFile.Rows(Path.Combine(directory, "params-parameters.tsv"), 3))
            {
                paramsMembers.Add(columns[0] + "\t" + columns[1] + "\t" + columns[2]);
            }

            var byKey = new Dictionary<string, ApiType>(StringComparer.Ordinal);
            var usedParams = new HashSet<string>(StringComparer.Ordinal);
            foreach (string[] columns in TabSeparatedFile.Rows(Path.Combine(directory, "api.tsv"), 5))
            {
                string key = columns[0] + "\t" + columns[2];
                if (columns[3] == "type")
                {
                    var type = new ApiType(columns[0], columns[2], columns[4]);
                    byKey[key] = type;
                    surface._types.Add(type);
                    continue;
                }

                if (!byKey.TryGetValue(key, out ApiType owner))
                {
                    throw new InvalidDataException("api.tsv: member of a type with no type line: " + string.Join(" | ", columns));
                }

                string paramsKey = columns[0] + "\t" + columns[2] + "\t" + columns[4];
                bool isParams = paramsMembers.Contains(paramsKey);
                if (isParams)
                {
                    usedParams.Add(paramsKey);
                }

                owner.Members.Add(new ApiMember(columns[3], columns[4], isParams));
            }

            string unknown = paramsMembers.FirstOrDefault(line => !usedParams.Contains(line));
            if (unknown != null)
            {
                throw new InvalidDataException("params-parameters.tsv names a member api.tsv does not have: " + unknown.Replace('\t', ' '));
            }

            return surface;
        }

        /// <summary>The assemblies that define a type of this CLR full name (usually one; empty when the libraries lack it).</summary>
        public IEnumerable<ApiType> TypesNamed(string fullName) => _types.Where(type => type.FullName == fullName);

        /// <summary>The types with this simple name (no namespace, no generic arity), in any library.</summary>
        public IEnumerable<ApiType> TypesWithSimpleName(string simpleName) => _types.Where(type => type.SimpleName == simpleName);
    }
}
