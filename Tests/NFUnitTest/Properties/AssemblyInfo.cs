using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Unit tests of the DC-Monitor firmware logic (no hardware), for nanoCLR and the host adapter.")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.7.0.0")] // = DcMonitor.Shared.FirmwareVersion.Number (Shared/FirmwareVersion.cs)
