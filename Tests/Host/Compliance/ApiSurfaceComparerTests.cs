using System;
using System.Linq;
using DcMonitor.Tests.Compliance.ApiSurface;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// The comparison behind <see cref="EmulatedApiSurfaceTests"/> can fail: fed synthetic "emulated" types and a
    /// synthetic real surface, it reports an added overload, a wrong parameter type, an extra setter, a static
    /// member that is an instance member for real, an optional parameter the real one lacks and an unknown type,
    /// and nothing for members whose only difference is an ignored modifier.
    /// </summary>
    public class ApiSurfaceComparerTests
    {
        private static readonly string Widget = typeof(SampleWidget).FullName;

        private static ReferenceApiSurface RealWidget => new ReferenceApiSurface(new[]
        {
            new ApiLine(Widget, "type", "class " + Widget + " : System.IDisposable"),
            new ApiLine(Widget, "constructor", "ApiSurfaceComparerTests+SampleWidget(System.Int32)"),
            new ApiLine(Widget, "property", "System.Int32 Size { get; }"),
            new ApiLine(Widget, "field", "const System.Int32 Capacity = 8"),
            new ApiLine(Widget, "method", "System.Int32 Read(System.Byte[])"),
            new ApiLine(Widget, "method", "System.Void Write(System.Byte)"),
            new ApiLine(Widget, "method", "System.Void Close(System.Int32)"),
            new ApiLine(Widget, "method", "System.Void Reset()"),
            new ApiLine(Widget, "method", "extern System.Void Flush()"),
            new ApiLine(Widget, "method", "static System.Boolean TryParse(System.String, out " + Widget + ")"),
            new ApiLine(Widget, "method", "System.Void Dispose()"),
        });

        [Fact]
        public void ReportsEachSignatureTheRealTypeLacks()
        {
            string[] reported = ApiSurfaceComparer.Compare(new[] { typeof(SampleWidget) }, RealWidget, internalVisible: false)
                .Select(difference => difference.Emulated.Kind + " " + difference.Emulated.Signature).OrderBy(text => text, StringComparer.Ordinal).ToArray();

            string[] expected =
            {
                "method static System.Void Reset()",
                "method System.Int32 Read(System.Byte[], System.Int32)",
                "method System.Void Close(System.Int32 = 10)",
                "method System.Void Write(System.Int32)",
                "property System.Int32 Size { get; set; }",
            };
            Assert.Equal(expected.OrderBy(text => text, StringComparer.Ordinal), reported);
        }

        [Fact]
        public void ShowsTheRealOverloadsOfTheName()
        {
            ApiDifference read = ApiSurfaceComparer.Compare(new[] { typeof(SampleWidget) }, RealWidget, internalVisible: false).Single(difference => difference.Emulated.MemberName == "Read");
            Assert.Equal(new[] { "System.Int32 Read(System.Byte[])" }, read.RealInstead.Select(line => line.Signature));
        }

        [Fact]
        public void ReportsATypeTheRealLibrariesLackAndADifferentBaseClass()
        {
            string gadget = typeof(SampleGadget).FullName;
            var reference = new ReferenceApiSurface(new[]
            {
                new ApiLine(gadget, "type", "class " + gadget + " : System.EventArgs"),
                new ApiLine(gadget, "constructor", "ApiSurfaceComparerTests+SampleGadget()"),
            });

            ApiDifference[] differences = ApiSurfaceComparer.Compare(new[] { typeof(SampleGadget), typeof(SampleUnknown) }, reference, internalVisible: false).ToArray();

            Assert.Equal(2, differences.Length);
            Assert.Equal("class " + typeof(SampleGadget).FullName, differences[0].Emulated.Signature);
            Assert.Single(differences[0].RealInstead);
            Assert.Equal("type", differences[1].Emulated.Kind);
            Assert.Empty(differences[1].RealInstead);
        }

        [Fact]
        public void ATypeComparedWithItsOwnDescriptionHasNoDifference()
        {
            var reference = new ReferenceApiSurface(ApiSignatureFormatter.Describe(typeof(SampleWidget), internalVisible: false));
            Assert.Empty(ApiSurfaceComparer.Compare(new[] { typeof(SampleWidget) }, reference, internalVisible: false));
        }

        /// <summary>A mirrored type with an added overload, a wrong parameter type, an extra setter, a static member and an optional parameter.</summary>
        public class SampleWidget : IDisposable
        {
            /// <summary>Same as real.</summary>
            public const int Capacity = 8;

            /// <summary>Same as real.</summary>
            public SampleWidget(int size)
            {
                Size = size;
            }

            /// <summary>Real: get only.</summary>
            public int Size { get; set; }

            /// <summary>Real: instance method.</summary>
            public static void Reset()
            {
            }

            /// <summary>Same as real (out parameter).</summary>
            public static bool TryParse(string text, out SampleWidget widget)
            {
                widget = null;
                return false;
            }

            /// <summary>Same as real.</summary>
            public int Read(byte[] buffer) => buffer.Length;

            /// <summary>Added overload.</summary>
            public int Read(byte[] buffer, int count) => count;

            /// <summary>Real: takes System.Byte.</summary>
            public void Write(int value)
            {
            }

            /// <summary>Real: the parameter is not optional.</summary>
            public void Close(int timeout = 10)
            {
            }

            /// <summary>Real: extern, not virtual (ignored).</summary>
            public virtual void Flush()
            {
            }

            /// <summary>Same as real.</summary>
            public void Dispose()
            {
            }
        }

        /// <summary>Real base class: EventArgs.</summary>
        public class SampleGadget
        {
        }

        /// <summary>No such real type.</summary>
        public class SampleUnknown
        {
        }
    }
}
