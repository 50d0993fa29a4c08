using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.UniversalNode")]
[assembly: AssemblyDescription("DC-Monitor universal node: INA260 sensing, inverted-PWM load control, node command text and serial console.")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.7.0.0")] // = DcMonitor.Shared.FirmwareVersion.Number (Shared/FirmwareVersion.cs)
