using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.RelayNode")]
[assembly: AssemblyDescription("DC-Monitor relay node: relay, default TTL 7, LED heartbeat.")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.7.0.0")] // = DcMonitor.Shared.FirmwareVersion.Number (Shared/FirmwareVersion.cs)
