namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>One visible member of a real library type, as a line of <c>api.tsv</c> gives it.</summary>
    public sealed class ApiMember
    {
        /// <summary>Creates a member.</summary>
        /// <param name="kind">field, property, event, constructor or method.</param>
        /// <param name="signature">The signature column, e.g. <c>static System.Boolean TryParse(System.String, out System.Byte)</c>.</param>
        /// <param name="hasParamsArray">True when the last parameter is a C# <c>params</c> array in the real source.</param>
        public ApiMember(string kind, string signature, bool hasParamsArray)
        {
            Kind = kind;
            Signature = signature;
            HasParamsArray = hasParamsArray;
        }

        /// <summary>field, property, event, constructor or method.</summary>
        public string Kind { get; }

        /// <summary>The signature as api.tsv spells it.</summary>
        public string Signature { get; }

        /// <summary>True when the last parameter is a <c>params</c> array (api.tsv does not record it; see params-parameters.tsv).</summary>
        public bool HasParamsArray { get; }
    }
}
