using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.MeshInterop")]
[assembly: AssemblyDescription("DC-Monitor BLE Mesh interop: managed API over the ESP-BLE-MESH native component compiled into nanoCLR.")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.1.0.0")]
