using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace DcMonitor.InteropStubs
{
    /// <summary>
    /// nanoCLR type tokens of signature elements as the MetadataProcessor writes them in stub names: primitives by
    /// their DATATYPE name (I4, U1, R8, STRING, BOOLEAN, VOID …), arrays as <c>SZARRAY_</c> + the innermost element,
    /// by-ref as <c>BYREF_</c> + element, generic parameters as <c>GENERICTYPE</c>, any other type as its full name
    /// without dots (e.g. <c>SystemDeviceGpioPinMode</c>).
    /// </summary>
    public sealed class SignatureTokens : ISignatureTypeProvider<string, object>
    {
        private readonly MetadataReader _metadata;

        public SignatureTokens(MetadataReader metadata)
        {
            _metadata = metadata;
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Void => "VOID",
            PrimitiveTypeCode.Boolean => "BOOLEAN",
            PrimitiveTypeCode.Char => "CHAR",
            PrimitiveTypeCode.SByte => "I1",
            PrimitiveTypeCode.Byte => "U1",
            PrimitiveTypeCode.Int16 => "I2",
            PrimitiveTypeCode.UInt16 => "U2",
            PrimitiveTypeCode.Int32 => "I4",
            PrimitiveTypeCode.UInt32 => "U4",
            PrimitiveTypeCode.Int64 => "I8",
            PrimitiveTypeCode.UInt64 => "U8",
            PrimitiveTypeCode.Single => "R4",
            PrimitiveTypeCode.Double => "R8",
            PrimitiveTypeCode.String => "STRING",
            PrimitiveTypeCode.Object => "OBJECT",
            PrimitiveTypeCode.IntPtr => "I4",
            PrimitiveTypeCode.UIntPtr => "U4",
            _ => "SystemTypedReference",
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Named(MetadataNames.FullName(reader, handle));

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Named(MetadataNames.FullName(reader, handle));

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType.StartsWith("SZARRAY_") ? elementType : "SZARRAY_" + elementType;

        public string GetArrayType(string elementType, ArrayShape shape) => GetSZArrayType(elementType);

        public string GetByReferenceType(string elementType) => "BYREF_" + elementType;

        public string GetPointerType(string elementType) => elementType + "ptr";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericMethodParameter(object genericContext, int index) => "GENERICTYPE";

        public string GetGenericTypeParameter(object genericContext, int index) => "GENERICTYPE";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "FNPTR";

        private static string Named(string fullName) => fullName switch
        {
            "System.WeakReference" => "WEAKCLASS",
            _ => fullName.Replace(".", string.Empty),
        };
    }
}
