using System.Collections.Generic;

namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>One public type of a real nanoFramework library: its assembly, CLR name, declaration and visible members.</summary>
    public sealed class ApiType
    {
        /// <summary>Creates a type.</summary>
        /// <param name="assembly">The assembly that defines it, e.g. <c>nanoFramework.System.Text</c>.</param>
        /// <param name="fullName">CLR full name: nested types as <c>Outer+Inner</c>, generic arity as <c>Action`1</c>.</param>
        /// <param name="declaration">The type line's signature, e.g. <c>class System.Text.StringBuilder</c> or <c>static class System.BitConverter</c>.</param>
        public ApiType(string assembly, string fullName, string declaration)
        {
            Assembly = assembly;
            FullName = fullName;
            Declaration = declaration;
        }

        /// <summary>The assembly that defines it.</summary>
        public string Assembly { get; }

        /// <summary>CLR full name (<c>Outer+Inner</c>, <c>Action`1</c>).</summary>
        public string FullName { get; }

        /// <summary>The declaration as api.tsv spells it.</summary>
        public string Declaration { get; }

        /// <summary>The visible members, in api.tsv order.</summary>
        public List<ApiMember> Members { get; } = new List<ApiMember>();

        /// <summary>The simple name without namespace, outer type or generic arity (<c>Inner</c>, <c>Action</c>).</summary>
        public string SimpleName
        {
            get
            {
                string name = FullName;
                int cut = System.Math.Max(name.LastIndexOf('.'), name.LastIndexOf('+'));
                name = name.Substring(cut + 1);
                int tick = name.IndexOf('`');
                return tick < 0 ? name : name.Substring(0, tick);
            }
        }
    }
}
