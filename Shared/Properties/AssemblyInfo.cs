using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.Shared")]
[assembly: AssemblyDescription("DC-Monitor mesh firmware: protocol, command grammar, codecs and INA260 decoding shared by every image (no hardware access).")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.7.0.0")] // = DcMonitor.Shared.FirmwareVersion.Number (Shared/FirmwareVersion.cs)
