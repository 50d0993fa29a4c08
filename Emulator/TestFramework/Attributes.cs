using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose tests the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test method (public void, no parameters).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method the launcher runs once before the class's tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method the launcher runs once after the class's tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One set of arguments for a parameterised test; the method runs once per row.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        /// <exception cref="ArgumentNullException">No arguments (as in nanoFramework.TestFramework).</exception>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null || methodParameters.Length == 0)
            {
                throw new ArgumentNullException(nameof(methodParameters));
            }

            MethodParameters = methodParameters;
        }

        /// <summary>The arguments.</summary>
        public object[] MethodParameters { get; }
    }
}
