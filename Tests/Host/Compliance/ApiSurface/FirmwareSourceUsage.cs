using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// Where firmware sources use an API line, by a text search that errs towards "used" (comments are ignored):
    /// a type by its simple name; a constructor by <c>new Name(</c>; any other member by <c>.Member</c> in a file
    /// that names the type or its namespace.
    /// </summary>
    public sealed class FirmwareSourceUsage
    {
        private readonly KeyValuePair<string, string>[] _sources;

        private FirmwareSourceUsage(KeyValuePair<string, string>[] sources)
        {
            _sources = sources;
        }

        /// <summary>How many source files were read.</summary>
        public int FileCount => _sources.Length;

        /// <summary>Reads every .cs file under the folders (bin/ and obj/ excluded), with comments removed.</summary>
        public static FirmwareSourceUsage Load(string root, IEnumerable<string> folders)
        {
            string bin = Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar;
            string obj = Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar;
            return new FirmwareSourceUsage(folders
                .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
                .Where(path => !path.Contains(bin, StringComparison.Ordinal) && !path.Contains(obj, StringComparison.Ordinal))
                .Select(path => new KeyValuePair<string, string>(Path.GetRelativePath(root, path), WithoutComments(File.ReadAllText(path))))
                .ToArray());
        }

        /// <summary>The files (relative paths) that use <paramref name="line"/>.</summary>
        public IEnumerable<string> FilesUsing(ApiLine line)
        {
            return _sources.Where(source => Uses(source.Value, line)).Select(source => source.Key);
        }

        /// <summary>Whether <paramref name="source"/> uses <paramref name="line"/>.</summary>
        public static bool Uses(string source, ApiLine line)
        {
            string simpleName = line.Type.Split('.', '+').Last();
            bool namesType = Regex.IsMatch(source, @"\b" + Regex.Escape(simpleName) + @"\b");
            switch (line.Kind)
            {
                case "type":
                    return namesType;
                case "constructor":
                    return Regex.IsMatch(source, @"\bnew\s+([\w.]+\.)?" + Regex.Escape(simpleName) + @"\s*\(");
                default:
                    bool namesNamespace = source.Contains(ReferenceApiSurface.NamespaceOf(line.Type), StringComparison.Ordinal);
                    return (namesType || namesNamespace) && Regex.IsMatch(source, @"\.\s*" + Regex.Escape(line.MemberName) + @"\b");
            }
        }

        private static string WithoutComments(string source)
        {
            return Regex.Replace(source, @"/\*.*?\*/|//[^\n]*", string.Empty, RegexOptions.Singleline);
        }
    }
}
