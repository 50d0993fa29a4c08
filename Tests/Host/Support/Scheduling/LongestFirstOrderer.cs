using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DcMonitor.Tests.Support.Scheduling
{
    /// <summary>
    /// Orders the test collections so that those holding <see cref="LongRunningAttribute"/> classes start first, longest
    /// first; the others follow in name order. xunit runs collections in parallel (xunit.runner.json) in the order given
    /// here, so the long ones overlap with each other and with the short ones instead of the run ending on one of them.
    /// Only the start order changes: every collection still runs, with its tests as written.
    /// </summary>
    public sealed class LongestFirstOrderer : ITestCollectionOrderer
    {
        /// <summary>Prefix of the display name xunit gives a class's own collection (a class without <see cref="CollectionAttribute"/>).</summary>
        private const string ClassCollectionPrefix = "Test collection for ";

        /// <inheritdoc/>
        public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
        {
            List<ITestCollection> collections = testCollections.ToList();
            if (collections.Count == 0)
            {
                return collections;
            }

            Dictionary<string, int> seconds = SecondsByCollection(collections[0].TestAssembly.Assembly);
            return collections
                .OrderByDescending(collection => seconds.TryGetValue(collection.DisplayName, out int total) ? total : 0)
                .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Total <see cref="LongRunningAttribute.Seconds"/> of the classes of each collection, by collection display name.</summary>
        private static Dictionary<string, int> SecondsByCollection(IAssemblyInfo assembly)
        {
            var seconds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (ITypeInfo type in assembly.GetTypes(false))
            {
                IAttributeInfo longRunning = type.GetCustomAttributes(typeof(LongRunningAttribute)).FirstOrDefault();
                if (longRunning == null)
                {
                    continue;
                }

                IAttributeInfo collection = type.GetCustomAttributes(typeof(CollectionAttribute)).FirstOrDefault();
                string name = collection != null ? (string)collection.GetConstructorArguments().First() : ClassCollectionPrefix + type.Name;
                int classSeconds = (int)longRunning.GetConstructorArguments().First();
                seconds[name] = (seconds.TryGetValue(name, out int total) ? total : 0) + classSeconds;
            }

            return seconds;
        }
    }
}
