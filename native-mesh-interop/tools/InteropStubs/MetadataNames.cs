using System.Reflection.Metadata;

namespace DcMonitor.InteropStubs
{
    /// <summary>Type names as Mono.Cecil (and so the MetadataProcessor) writes them: <c>Namespace.Name</c>, nested as <c>Outer/Inner</c>.</summary>
    public static class MetadataNames
    {
        public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            string name = reader.GetString(type.Name);
            TypeDefinitionHandle declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return FullName(reader, declaring) + "/" + name;
            }

            string space = reader.GetString(type.Namespace);
            return space.Length == 0 ? name : space + "." + name;
        }

        public static string FullName(MetadataReader reader, TypeReferenceHandle handle)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + name;
            }

            string space = reader.GetString(type.Namespace);
            return space.Length == 0 ? name : space + "." + name;
        }
    }
}
