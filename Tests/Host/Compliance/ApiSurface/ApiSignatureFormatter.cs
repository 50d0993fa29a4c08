using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// Spells a reflected type and its visible members the way api.tsv does: full CLR type names
    /// (<c>System.Int32</c>, <c>Outer+Inner</c>), <c>out</c>/<c>ref</c>, default values, property accessors,
    /// <c>const T Name = value</c> for constants. Members that override a base member are left out (they add
    /// nothing a caller can reach: the base member is already there), as are property and event accessor methods
    /// (their property or event line stands for them).
    /// </summary>
    public static class ApiSignatureFormatter
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        /// <summary>The type line and one line per visible member of <paramref name="type"/>.</summary>
        /// <param name="type">The type.</param>
        /// <param name="internalVisible">
        /// Whether internal members count as visible: true for types compiled into the firmware's own assembly
        /// (the storage shims), whose internal members firmware can call.
        /// </param>
        public static IEnumerable<ApiLine> Describe(Type type, bool internalVisible)
        {
            string name = TypeName(type);
            yield return new ApiLine(name, "type", TypeLine(type));

            foreach (ConstructorInfo constructor in type.GetConstructors(Declared).Where(c => !c.IsStatic && Visible(c, internalVisible)).OrderBy(c => c.ToString(), StringComparer.Ordinal))
            {
                yield return new ApiLine(name, "constructor", Modifiers(constructor) + ConstructorName(type) + "(" + Parameters(constructor.GetParameters()) + ")");
            }

            foreach (FieldInfo field in type.GetFields(Declared).Where(f => !f.IsSpecialName && Visible(f, internalVisible) && !IsCompilerGenerated(f)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                yield return new ApiLine(name, "field", Field(field));
            }

            var accessors = new HashSet<MethodInfo>();
            foreach (PropertyInfo property in type.GetProperties(Declared).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                accessors.UnionWith(property.GetAccessors(true));
                string line = Property(property, internalVisible);
                if (line != null)
                {
                    yield return new ApiLine(name, "property", line);
                }
            }

            foreach (EventInfo @event in type.GetEvents(Declared).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                MethodInfo add = @event.GetAddMethod(true);
                accessors.UnionWith(new[] { add, @event.GetRemoveMethod(true), @event.GetRaiseMethod(true) }.Where(m => m != null));
                if (add != null && Visible(add, internalVisible) && !IsOverride(add))
                {
                    yield return new ApiLine(name, "event", (add.IsStatic ? "static " : string.Empty) + TypeName(@event.EventHandlerType) + " " + @event.Name);
                }
            }

            foreach (MethodInfo method in type.GetMethods(Declared).Where(m => !accessors.Contains(m) && Visible(m, internalVisible) && !IsOverride(m) && !IsCompilerGenerated(m)).OrderBy(m => m.ToString(), StringComparer.Ordinal))
            {
                yield return new ApiLine(name, "method", Modifiers(method) + TypeName(method.ReturnType) + " " + method.Name + "(" + Parameters(method.GetParameters()) + ")");
            }
        }

        /// <summary>The nested types a caller can reach (public, or protected on an inheritable type).</summary>
        public static IEnumerable<Type> VisibleNestedTypes(Type type, bool internalVisible)
        {
            return type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)
                .Where(nested => !IsCompilerGenerated(nested))
                .Where(nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem || (internalVisible && (nested.IsNestedAssembly || nested.IsNestedFamANDAssem)));
        }

        /// <summary>The type's full CLR name as api.tsv writes it.</summary>
        public static string TypeName(Type type)
        {
            if (type.IsByRef)
            {
                return TypeName(type.GetElementType());
            }

            if (type.IsArray)
            {
                return TypeName(type.GetElementType()) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
            }

            if (type.IsGenericParameter)
            {
                return type.DeclaringType == null ? type.Name : TypeName(type.DeclaringType) + "+" + type.Name;
            }

            if (type.IsConstructedGenericType)
            {
                return TypeName(type.GetGenericTypeDefinition()) + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
            }

            return type.FullName ?? type.Name;
        }

        /// <summary>
        /// The type line: <c>class|static class|struct|enum|interface|delegate FullName [: Base, Interfaces]</c>; the
        /// implied bases (Object, ValueType, Enum, MulticastDelegate) are not written, and a class lists only the
        /// interfaces its base class does not already bring.
        /// </summary>
        public static string TypeLine(Type type)
        {
            string kind = Kind(type);
            var bases = new List<string>();
            Type baseType = type.BaseType;
            if (kind == "class" && baseType != null && baseType != typeof(object))
            {
                bases.Add(TypeName(baseType));
            }

            if (kind == "class" || kind == "struct" || kind == "interface")
            {
                IEnumerable<Type> inherited = baseType == null ? Type.EmptyTypes : baseType.GetInterfaces();
                bases.AddRange(type.GetInterfaces().Except(inherited).Select(TypeName).OrderBy(n => n, StringComparer.Ordinal));
            }

            return kind + " " + TypeName(type) + (bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases));
        }

        /// <summary>class, static class, struct, enum, interface or delegate.</summary>
        public static string Kind(Type type)
        {
            if (type.IsEnum)
            {
                return "enum";
            }

            if (type.IsValueType)
            {
                return "struct";
            }

            if (type.IsInterface)
            {
                return "interface";
            }

            if (typeof(MulticastDelegate).IsAssignableFrom(type) && type != typeof(MulticastDelegate))
            {
                return "delegate";
            }

            return type.IsAbstract && type.IsSealed ? "static class" : "class";
        }

        private static string ConstructorName(Type type)
        {
            string full = TypeName(type);
            string outer = full.Split('+')[0];
            int dot = outer.LastIndexOf('.');
            return dot < 0 ? full : full.Substring(dot + 1);
        }

        private static string Field(FieldInfo field)
        {
            string typeName = TypeName(field.FieldType) + " " + field.Name;
            if (field.IsLiteral)
            {
                return "const " + typeName + " = " + Literal(field.GetRawConstantValue());
            }

            string modifiers = (field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty);
            return modifiers + typeName;
        }

        private static string Property(PropertyInfo property, bool internalVisible)
        {
            MethodInfo getter = property.GetGetMethod(true);
            MethodInfo setter = property.GetSetMethod(true);
            var accessors = new List<string>();
            MethodInfo any = null;
            foreach ((MethodInfo accessor, string word) in new[] { (getter, "get;"), (setter, "set;") })
            {
                if (accessor == null || !Visible(accessor, internalVisible))
                {
                    continue;
                }

                if (IsOverride(accessor))
                {
                    return null;
                }

                any = accessor;
                bool initOnly = word == "set;" && accessor.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
                accessors.Add((IsProtected(accessor) ? "protected " : string.Empty) + (initOnly ? "init;" : word));
            }

            if (any == null)
            {
                return null;
            }

            ParameterInfo[] index = property.GetIndexParameters();
            string indexer = index.Length == 0 ? string.Empty : "[" + Parameters(index) + "]";
            return (any.IsStatic ? "static " : string.Empty) + TypeName(property.PropertyType) + " " + property.Name + indexer + " { " + string.Join(" ", accessors) + " }";
        }

        private static string Modifiers(MethodBase method)
        {
            var words = new List<string>();
            if (method.IsStatic)
            {
                words.Add("static");
            }
            else if (method.IsAbstract)
            {
                words.Add("abstract");
            }
            else if (method.IsVirtual && !method.IsFinal)
            {
                words.Add("virtual");
            }

            if (IsProtected(method))
            {
                words.Add("protected");
            }

            if ((method.MethodImplementationFlags & MethodImplAttributes.InternalCall) != 0 || (method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                words.Add("extern");
            }

            return words.Count == 0 ? string.Empty : string.Join(" ", words) + " ";
        }

        private static string Parameters(ParameterInfo[] parameters)
        {
            return string.Join(", ", parameters.Select(Parameter));
        }

        private static string Parameter(ParameterInfo parameter)
        {
            // api.tsv does not record 'params' (String.Format is Format(System.String, System.Object[]) there), so neither does this.
            string prefix = string.Empty;
            if (parameter.ParameterType.IsByRef)
            {
                prefix = parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
            }

            string text = prefix + TypeName(parameter.ParameterType);
            if (parameter.IsOptional || parameter.HasDefaultValue)
            {
                text += " = " + (parameter.HasDefaultValue ? Literal(parameter.RawDefaultValue) : "?");
            }

            return text;
        }

        /// <summary>A constant as api.tsv writes it: null, false/true, "text", 'c', enums as their number, numbers invariant.</summary>
        private static string Literal(object value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case bool flag:
                    return flag ? "true" : "false";
                case string text:
                    return "\"" + text + "\"";
                case char character:
                    return "'" + character + "'";
                case Enum enumValue:
                    return Convert.ToInt64(enumValue, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                case IFormattable number:
                    return number.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString();
            }
        }

        private static bool Visible(MethodBase method, bool internalVisible)
        {
            return method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly || (internalVisible && (method.IsAssembly || method.IsFamilyAndAssembly));
        }

        private static bool Visible(FieldInfo field, bool internalVisible)
        {
            return field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly || (internalVisible && (field.IsAssembly || field.IsFamilyAndAssembly));
        }

        private static bool IsProtected(MethodBase method) => method.IsFamily || method.IsFamilyOrAssembly;

        private static bool IsOverride(MethodInfo method) => method.GetBaseDefinition().DeclaringType != method.DeclaringType;

        private static bool IsCompilerGenerated(MemberInfo member) => member.GetCustomAttribute<CompilerGeneratedAttribute>() != null;
    }
}
