using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.Provisioner")]
[assembly: AssemblyDescription("DC-Monitor provisioner: network keys, node registry, admission and configuration of every node, serial console.")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.7.0.0")] // = DcMonitor.Shared.FirmwareVersion.Number (Shared/FirmwareVersion.cs)
