using System.Reflection;

[assembly: AssemblyTitle("DcMonitor.Provisioner")]
[assembly: AssemblyDescription("DC-Monitor Provisioner image (placeholder until its issue lands).")]
[assembly: AssemblyCompany("DC-Monitor")]
[assembly: AssemblyProduct("DC-Monitor mesh firmware")]
[assembly: AssemblyCopyright("Copyright (c) DC-Monitor developers")]
[assembly: AssemblyVersion("0.1.0.0")]
