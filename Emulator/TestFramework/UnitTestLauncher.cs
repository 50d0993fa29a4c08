using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using nanoFramework.TestFramework;

// Host plumbing, not part of nanoFramework.TestFramework's API (the real launcher is a program, not a library): its own
// namespace keeps it off the mirrored surface that EmulatedApiSurfaceTests compares with the real one.
namespace DcMonitor.Emulator.TestFramework
{
    /// <summary>Outcome of one test run by <see cref="UnitTestLauncher"/>.</summary>
    public enum TestResult
    {
        /// <summary>Threw nothing.</summary>
        Passed,

        /// <summary>Threw (an assertion or anything else).</summary>
        Failed,

        /// <summary>Threw <see cref="SkipTestException"/>, or its class's Setup did.</summary>
        Skipped,
    }

    /// <summary>One test's name and outcome, named as nanoFramework's launcher names it: <c>Namespace.Class.Method.index</c>.</summary>
    public sealed class TestOutcome
    {
        internal TestOutcome(string className, string methodName, int index, TestResult result, string message)
        {
            ClassName = className;
            MethodName = methodName;
            Index = index;
            Result = result;
            Message = message;
        }

        /// <summary>Full name of the test class.</summary>
        public string ClassName { get; }

        /// <summary>Method name ("Setup" outcomes use the setup method's name).</summary>
        public string MethodName { get; }

        /// <summary>0 for a plain test; the row number for a [DataRow] test.</summary>
        public int Index { get; }

        /// <summary>Outcome.</summary>
        public TestResult Result { get; }

        /// <summary>Failure or skip message, else empty.</summary>
        public string Message { get; }

        /// <summary><c>Class.Method.index</c>.</summary>
        public string Name => ClassName + "." + MethodName + "." + Index;

        /// <summary>The launcher's output line, e.g. <c>Test passed,NS.C.M.0</c>.</summary>
        public override string ToString()
        {
            string word = Result == TestResult.Passed ? "passed" : Result == TestResult.Failed ? "failed" : "skipped";
            return "Test " + word + "," + Name + (Message.Length > 0 ? "," + Message : string.Empty);
        }
    }

    /// <summary>
    /// Runs nanoFramework.TestFramework tests on the host with the semantics of the real
    /// <c>nanoFramework.UnitTestLauncher</c> (TestFramework source/UnitTestLauncher/Program.cs;
    /// docs/reference/nanoframework-api.md §6): per <see cref="TestClassAttribute"/> class, every
    /// <see cref="SetupAttribute"/> method once, then every <see cref="TestMethodAttribute"/> method, then
    /// every <see cref="DataRowAttribute"/> method once per row, then every <see cref="CleanupAttribute"/>
    /// method once. No instance of the class is ever created: methods are called with a null <c>this</c>, as
    /// nanoCLR's <c>method.Invoke(null, …)</c> does, so a test that touches instance state fails here as it
    /// does on the device. A Setup that skips skips the class; a Setup that throws anything else is reported
    /// as a failure and the tests still run.
    /// </summary>
    public static class UnitTestLauncher
    {
        /// <summary>Runs every test class of an assembly, in metadata order.</summary>
        public static List<TestOutcome> RunAssembly(Assembly assembly)
        {
            var outcomes = new List<TestOutcome>();
            foreach (Type type in assembly.GetTypes())
            {
                if (type.GetCustomAttribute<TestClassAttribute>() != null)
                {
                    outcomes.AddRange(RunClass(type));
                }
            }

            return outcomes;
        }

        /// <summary>Runs one test class.</summary>
        public static List<TestOutcome> RunClass(Type testClass)
        {
            var outcomes = new List<TestOutcome>();
            string className = testClass.FullName;
            MethodInfo[] methods = testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);

            bool skipAll = false;
            string skipReason = string.Empty;
            foreach (MethodInfo method in methods)
            {
                if (method.GetCustomAttribute<SetupAttribute>() == null)
                {
                    continue;
                }

                try
                {
                    Invoke(method, Array.Empty<object>());
                }
                catch (SkipTestException skip)
                {
                    skipAll = true;
                    skipReason = skip.Message ?? string.Empty;
                }
                catch (Exception exception)
                {
                    outcomes.Add(new TestOutcome(className, method.Name, 0, TestResult.Failed, "Setup failed: " + exception.GetType().Name + ": " + exception.Message));
                }
            }

            foreach (MethodInfo method in methods)
            {
                if (method.GetCustomAttribute<TestMethodAttribute>() != null && method.GetCustomAttributes<DataRowAttribute>().GetEnumerator().MoveNext() == false)
                {
                    outcomes.Add(skipAll
                        ? new TestOutcome(className, method.Name, 0, TestResult.Skipped, skipReason)
                        : RunOne(className, method, 0, Array.Empty<object>()));
                }
            }

            foreach (MethodInfo method in methods)
            {
                int row = 0;
                foreach (DataRowAttribute data in method.GetCustomAttributes<DataRowAttribute>())
                {
                    outcomes.Add(skipAll
                        ? new TestOutcome(className, method.Name, row, TestResult.Skipped, skipReason)
                        : RunOne(className, method, row, data.MethodParameters));
                    row++;
                }
            }

            foreach (MethodInfo method in methods)
            {
                if (method.GetCustomAttribute<CleanupAttribute>() == null)
                {
                    continue;
                }

                try
                {
                    Invoke(method, Array.Empty<object>());
                }
                catch (Exception exception)
                {
                    outcomes.Add(new TestOutcome(className, method.Name, 0, TestResult.Failed, "Cleanup failed: " + exception.GetType().Name + ": " + exception.Message));
                }
            }

            return outcomes;
        }

        private static TestOutcome RunOne(string className, MethodInfo method, int index, object[] arguments)
        {
            try
            {
                Invoke(method, arguments);
                return new TestOutcome(className, method.Name, index, TestResult.Passed, string.Empty);
            }
            catch (SkipTestException skip)
            {
                return new TestOutcome(className, method.Name, index, TestResult.Skipped, skip.Message ?? string.Empty);
            }
            catch (Exception exception)
            {
                return new TestOutcome(className, method.Name, index, TestResult.Failed, exception.GetType().Name + ": " + exception.Message);
            }
        }

        /// <summary>Calls a static or instance method with a null receiver, passing arguments without conversions.</summary>
        private static void Invoke(MethodInfo method, object[] arguments)
        {
            ParameterInfo[] parameters = method.GetParameters();
            if (parameters.Length != arguments.Length)
            {
                throw new ArgumentException(method.Name + " takes " + parameters.Length + " argument(s), the data row has " + arguments.Length);
            }

            var caller = new DynamicMethod("call_" + method.Name, typeof(void), new[] { typeof(object[]) }, method.Module, skipVisibility: true);
            ILGenerator il = caller.GetILGenerator();
            if (!method.IsStatic)
            {
                il.Emit(OpCodes.Ldnull);
            }

            for (int i = 0; i < parameters.Length; i++)
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                il.Emit(OpCodes.Unbox_Any, parameters[i].ParameterType);
            }

            il.Emit(OpCodes.Call, method);
            if (method.ReturnType != typeof(void))
            {
                il.Emit(OpCodes.Pop);
            }

            il.Emit(OpCodes.Ret);
            var call = (Action<object[]>)caller.CreateDelegate(typeof(Action<object[]>));
            call(arguments);
        }
    }
}
