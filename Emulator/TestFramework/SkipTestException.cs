using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a test (or, from Setup, a whole class) as skipped.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
