using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.MeshInterop")]
[assembly: AssemblyDescription("DC-Monitor BLE Mesh interop: managed API over the ESP-BLE-MESH native component compiled into nanoCLR.")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.7.0.0")] // = DcMonitor.Shared.FirmwareVersion.Number (Shared/FirmwareVersion.cs)

// The version of the native code (nanoCLR's native assembly table, written by the stub generator from this
// attribute into native/InteropAssemblies/DcMonitor.MeshInterop/DcMonitor_MeshInterop.cpp). Deployment refuses the
// assembly when the image's native version differs: change it only together with the regenerated stubs
// (native-mesh-interop/README.md, "Keeping stubs and managed code in step").
[assembly: AssemblyNativeVersion("1.0.0.0")]
