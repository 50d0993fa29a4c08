using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// Home Assistant's MQTT device-discovery validation as a JSON Schema of this project (Tests/Host/Mqtt/Schemas/, its
    /// <c>$comment</c> names the home-assistant/core files it was written from), evaluated with JsonSchema.Net.
    /// </summary>
    public static class HomeAssistantSchema
    {
        private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(
            RepositoryPaths.InRoot("Tests", "Host", "Mqtt", "Schemas", "home-assistant-device-discovery.schema.json")));

        /// <summary>The schema's verdict on <paramref name="json"/>: null when valid, else the failing locations and messages.</summary>
        public static string Problems(string json)
        {
            EvaluationResults results = Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
            {
                return null;
            }

            return string.Join("; ", (results.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors != null && d.Errors.Count > 0).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + d.EvaluationPath + ": " + e.Value)));
        }

        /// <summary>Fails unless <paramref name="json"/> is a discovery payload Home Assistant accepts.</summary>
        public static void AssertValid(string json)
        {
            string problems = Problems(json);
            Assert.True(problems == null, problems + "\n" + json);
        }
    }
}
