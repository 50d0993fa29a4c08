using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DcMonitor.InteropStubs
{
    /// <summary>A method as the stub generator sees it.</summary>
    public sealed record InteropMethod(string Name, bool IsStatic, bool IsNative, string SafeName);

    /// <summary>A type as the stub generator sees it, its methods in MetadataProcessor order (virtual, other instance, static).</summary>
    public sealed record InteropType(string FullName, string ClassName, bool InStub, IReadOnlyList<InteropMethod> Methods);

    /// <summary>
    /// The interop-relevant shape of a compiled assembly, in the order nanoFramework's MetadataProcessor gives it
    /// (nanoTablesContext.SortTypesAccordingUsages, GetOrderedMethods): types sorted by full name, each preceded by
    /// its declaring type, the interfaces it implements and the module types in the signatures of the methods its
    /// IL calls; methods virtual first, then other instance methods, then static ones.
    /// </summary>
    public sealed class InteropAssembly
    {
        private static readonly string[] s_excluded =
        {
            "ThisAssembly",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Runtime.CompilerServices.AccessedThroughPropertyAttribute",
        };

        private static readonly Dictionary<short, OperandType> s_operands = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)).GroupBy(code => code.Value).ToDictionary(group => group.Key, group => group.First().OperandType);

        private InteropAssembly(string name, int[] nativeVersion, List<InteropType> types)
        {
            Name = name;
            NativeVersion = nativeVersion;
            Types = types;
        }

        /// <summary>Assembly simple name (e.g. DcMonitor.MeshInterop).</summary>
        public string Name { get; }

        /// <summary>
        /// <c>[assembly: AssemblyNativeVersion("a.b.c.d")]</c> as four numbers (missing parts 0), or null when the assembly
        /// does not carry the attribute. The stubs declare this version in <c>g_CLR_AssemblyNative_&lt;P&gt;</c>.
        /// </summary>
        public int[] NativeVersion { get; }

        /// <summary>Types in MetadataProcessor table order.</summary>
        public IReadOnlyList<InteropType> Types { get; }

        /// <summary>Reads an assembly file.</summary>
        public static InteropAssembly Load(string path)
        {
            using FileStream stream = File.OpenRead(path);
            return Load(stream);
        }

        /// <summary>Reads an assembly image.</summary>
        public static InteropAssembly Load(Stream image)
        {
            using var pe = new PEReader(image, PEStreamOptions.PrefetchEntireImage);
            MetadataReader metadata = pe.GetMetadataReader();
            var tokens = new SignatureTokens(metadata);
            string name = metadata.GetString(metadata.GetAssemblyDefinition().Name);

            var all = metadata.TypeDefinitions.Where(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Name) != "<Module>").ToList();
            var byName = all.OrderBy(handle => MetadataNames.FullName(metadata, handle), StringComparer.Create(CultureInfo.InvariantCulture, false)).ToList();
            var ordered = new List<TypeDefinitionHandle>();
            var visited = new HashSet<TypeDefinitionHandle>();
            foreach (TypeDefinitionHandle handle in byName)
            {
                Visit(pe, metadata, handle, visited, ordered);
            }

            var types = new List<InteropType>();
            foreach (TypeDefinitionHandle handle in ordered)
            {
                TypeDefinition type = metadata.GetTypeDefinition(handle);
                string fullName = MetadataNames.FullName(metadata, handle);
                var methods = OrderedMethods(metadata, type).Select(methodHandle =>
                {
                    MethodDefinition method = metadata.GetMethodDefinition(methodHandle);
                    bool isStatic = (method.Attributes & MethodAttributes.Static) != 0;
                    bool native = method.RelativeVirtualAddress == 0 && (method.Attributes & MethodAttributes.Abstract) == 0;
                    MethodSignature<string> signature = method.DecodeSignature(tokens, null);
                    string safe = metadata.GetString(method.Name) + (isStatic ? "___STATIC__" : "___") + string.Join("__", new[] { signature.ReturnType }.Concat(signature.ParameterTypes));
                    return new InteropMethod(metadata.GetString(method.Name), isStatic, native, safe.Replace('.', '_').Replace("/", string.Empty));
                }).ToList();
                types.Add(new InteropType(fullName, ClassName(metadata, handle), IncludeInStub(metadata, type) && !IsExcluded(metadata, handle), methods));
            }

            return new InteropAssembly(name, NativeVersionOf(metadata), types);
        }

        private static void Visit(PEReader pe, MetadataReader metadata, TypeDefinitionHandle handle, HashSet<TypeDefinitionHandle> visited, List<TypeDefinitionHandle> ordered)
        {
            if (!visited.Add(handle))
            {
                return;
            }

            TypeDefinition type = metadata.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil)
            {
                Visit(pe, metadata, type.GetDeclaringType(), visited, ordered);
            }

            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                EntityHandle face = metadata.GetInterfaceImplementation(implementation).Interface;
                if (face.Kind == HandleKind.TypeDefinition)
                {
                    Visit(pe, metadata, (TypeDefinitionHandle)face, visited, ordered);
                }
            }

            foreach (TypeDefinitionHandle used in TypesInCalledSignatures(pe, metadata, type))
            {
                Visit(pe, metadata, used, visited, ordered);
            }

            ordered.Add(handle);
        }

        private static IEnumerable<TypeDefinitionHandle> TypesInCalledSignatures(PEReader pe, MetadataReader metadata, TypeDefinition type)
        {
            var found = new List<TypeDefinitionHandle>();
            var collector = new DefinitionCollector();
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes();
                int offset = 0;
                while (offset < il.Length)
                {
                    short code = il[offset++];
                    if (code == 0xFE)
                    {
                        code = (short)(0xFE00 | il[offset++]);
                    }

                    OperandType operand = s_operands.TryGetValue(code, out OperandType known) ? known : OperandType.InlineNone;
                    if (operand == OperandType.InlineMethod)
                    {
                        int token = BitConverter.ToInt32(il, offset);
                        EntityHandle callee = (EntityHandle)System.Reflection.Metadata.Ecma335.MetadataTokens.Handle(token);
                        collector.Collect(metadata, callee, found);
                    }

                    offset += OperandSize(operand, il, offset);
                }
            }

            return found;
        }

        private static int OperandSize(OperandType operand, byte[] il, int offset) => operand switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
            _ => 4,
        };

        private static IEnumerable<MethodDefinitionHandle> OrderedMethods(MetadataReader metadata, TypeDefinition type)
        {
            var methods = type.GetMethods().ToList();
            bool Virtual(MethodDefinitionHandle h) => (metadata.GetMethodDefinition(h).Attributes & MethodAttributes.Virtual) != 0;
            bool Static(MethodDefinitionHandle h) => (metadata.GetMethodDefinition(h).Attributes & MethodAttributes.Static) != 0;
            return methods.Where(Virtual).Concat(methods.Where(h => !Virtual(h) && !Static(h))).Concat(methods.Where(h => !Virtual(h) && Static(h)));
        }

        private static bool IncludeInStub(MetadataReader metadata, TypeDefinition type)
        {
            if ((type.Attributes & TypeAttributes.Interface) != 0)
            {
                return false;
            }

            string baseType = type.BaseType.IsNil ? null
                : type.BaseType.Kind == HandleKind.TypeReference ? MetadataNames.FullName(metadata, (TypeReferenceHandle)type.BaseType)
                : type.BaseType.Kind == HandleKind.TypeDefinition ? MetadataNames.FullName(metadata, (TypeDefinitionHandle)type.BaseType) : null;
            return baseType != "System.MulticastDelegate" && baseType != "System.Delegate" && baseType != "System.Enum";
        }

        private static bool IsExcluded(MetadataReader metadata, TypeDefinitionHandle handle)
        {
            TypeDefinition type = metadata.GetTypeDefinition(handle);
            if (Array.IndexOf(s_excluded, MetadataNames.FullName(metadata, handle)) >= 0 || HasAttribute(metadata, type.GetCustomAttributes(), "ExcludeTypeAttribute"))
            {
                return true;
            }

            return !type.GetDeclaringType().IsNil && IsExcluded(metadata, type.GetDeclaringType());
        }

        private static string ClassName(MetadataReader metadata, TypeDefinitionHandle handle)
        {
            if (handle.IsNil)
            {
                return string.Empty;
            }

            TypeDefinition type = metadata.GetTypeDefinition(handle);
            string space = type.GetDeclaringType().IsNil ? metadata.GetString(type.Namespace) : string.Empty;
            string joined = string.Join("_", ClassName(metadata, type.GetDeclaringType()), space, metadata.GetString(type.Name));
            return joined.Replace('.', '_').TrimStart('_');
        }

        private static bool HasAttribute(MetadataReader metadata, CustomAttributeHandleCollection attributes, string name)
        {
            foreach (CustomAttributeHandle handle in attributes)
            {
                CustomAttribute attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == HandleKind.MemberReference)
                {
                    EntityHandle parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                    if (parent.Kind == HandleKind.TypeReference && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == name)
                    {
                        return true;
                    }
                }
                else if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
                {
                    TypeDefinitionHandle parent = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
                    if (metadata.GetString(metadata.GetTypeDefinition(parent).Name) == name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static int[] NativeVersionOf(MetadataReader metadata)
        {
            foreach (CustomAttributeHandle handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference && attribute.Constructor.Kind != HandleKind.MethodDefinition)
                {
                    continue;
                }

                string typeName = attribute.Constructor.Kind == HandleKind.MemberReference
                    ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent).Name)
                    : metadata.GetString(metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name);
                if (typeName != "AssemblyNativeVersionAttribute")
                {
                    continue;
                }

                BlobReader blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                Version version = Version.Parse(blob.ReadSerializedString());
                return new[] { version.Major, version.Minor, Math.Max(version.Build, 0), Math.Max(version.Revision, 0) };
            }

            return null;
        }

        private sealed class DefinitionCollector
        {
            private readonly DefinitionProvider _provider = new DefinitionProvider();

            public void Collect(MetadataReader metadata, EntityHandle callee, List<TypeDefinitionHandle> found)
            {
                MethodSignature<TypeDefinitionHandle?> signature;
                switch (callee.Kind)
                {
                    case HandleKind.MethodDefinition:
                        signature = metadata.GetMethodDefinition((MethodDefinitionHandle)callee).DecodeSignature(_provider, null);
                        break;
                    case HandleKind.MemberReference:
                        MemberReference member = metadata.GetMemberReference((MemberReferenceHandle)callee);
                        if (member.GetKind() != MemberReferenceKind.Method)
                        {
                            return;
                        }

                        signature = member.DecodeMethodSignature(_provider, null);
                        break;
                    case HandleKind.MethodSpecification:
                        Collect(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)callee).Method, found);
                        return;
                    default:
                        return;
                }

                foreach (TypeDefinitionHandle? type in new[] { signature.ReturnType }.Concat(signature.ParameterTypes))
                {
                    if (type.HasValue)
                    {
                        found.Add(type.Value);
                    }
                }
            }
        }

        /// <summary>Signature decoding that keeps only types defined in this module (directly, not arrays of them).</summary>
        private sealed class DefinitionProvider : ISignatureTypeProvider<TypeDefinitionHandle?, object>
        {
            public TypeDefinitionHandle? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;

            public TypeDefinitionHandle? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => handle;

            public TypeDefinitionHandle? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

            public TypeDefinitionHandle? GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => null;

            public TypeDefinitionHandle? GetSZArrayType(TypeDefinitionHandle? elementType) => null;

            public TypeDefinitionHandle? GetArrayType(TypeDefinitionHandle? elementType, ArrayShape shape) => null;

            public TypeDefinitionHandle? GetByReferenceType(TypeDefinitionHandle? elementType) => null;

            public TypeDefinitionHandle? GetPointerType(TypeDefinitionHandle? elementType) => null;

            public TypeDefinitionHandle? GetGenericInstantiation(TypeDefinitionHandle? genericType, System.Collections.Immutable.ImmutableArray<TypeDefinitionHandle?> typeArguments) => null;

            public TypeDefinitionHandle? GetGenericMethodParameter(object genericContext, int index) => null;

            public TypeDefinitionHandle? GetGenericTypeParameter(object genericContext, int index) => null;

            public TypeDefinitionHandle? GetModifiedType(TypeDefinitionHandle? modifier, TypeDefinitionHandle? unmodifiedType, bool isRequired) => unmodifiedType;

            public TypeDefinitionHandle? GetPinnedType(TypeDefinitionHandle? elementType) => null;

            public TypeDefinitionHandle? GetFunctionPointerType(MethodSignature<TypeDefinitionHandle?> signature) => null;
        }
    }
}
