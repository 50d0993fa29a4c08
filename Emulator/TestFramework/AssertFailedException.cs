using System;

namespace TestFrameworkShared
{
    /// <summary>Thrown by a failed assertion (nanoFramework.TestFramework keeps it in this namespace).</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException()
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        public AssertFailedException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and a cause.</summary>
        public AssertFailedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
