using System.IO;
using System.Linq;
using System.Reflection;

namespace DcMonitor.Tests.Support
{
    /// <summary>Paths recorded at build time (AssemblyMetadata in DcMonitor.Tests.csproj).</summary>
    public static class RepositoryPaths
    {
        public static string Root => Metadata("RepositoryRoot");

        public static string BannedApiAnalyzersPackage => Metadata("BannedApiAnalyzers");

        public static string InRoot(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        private static string Metadata(string key)
        {
            return typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value;
        }
    }
}
