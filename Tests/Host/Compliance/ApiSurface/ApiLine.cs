namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// One line of the API surface in the format of the device-conformance reference (<c>api.tsv</c>): the full
    /// CLR name of a type, the kind of line (type, field, property, event, constructor, method) and the signature.
    /// </summary>
    public sealed class ApiLine
    {
        /// <summary>Creates a line.</summary>
        public ApiLine(string type, string kind, string signature)
        {
            Type = type;
            Kind = kind;
            Signature = signature;
        }

        /// <summary>Full CLR name of the type the line belongs to (nested types as <c>Outer+Inner</c>).</summary>
        public string Type { get; }

        /// <summary>type, field, property, event, constructor or method.</summary>
        public string Kind { get; }

        /// <summary>The signature as api.tsv spells it, modifiers included.</summary>
        public string Signature { get; }

        /// <summary>The comparison key: kind and signature with the modifiers that do not change what a caller can write removed.</summary>
        public string Key => Kind + "\t" + ApiSignatureKey.Of(Signature);

        /// <summary>The member's name (constructors: the type's name), used to show the real overloads of a name.</summary>
        public string MemberName => ApiSignatureKey.MemberName(Kind, Signature);

        /// <inheritdoc />
        public override string ToString() => Type + " | " + Kind + " | " + Signature;
    }
}
