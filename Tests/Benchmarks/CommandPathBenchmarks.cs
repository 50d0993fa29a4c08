using BenchmarkDotNet.Attributes;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// What a node does for every command and every reading: parse the command text, decode the INA260
    /// registers, format the Pi's payload, assemble console lines. Allocations matter on a device with tens
    /// of KB of managed heap (ARCHITECTURE §2): the target is one string per reply and nothing else.
    /// </summary>
    [MemoryDiagnoser]
    public class CommandPathBenchmarks
    {
        private readonly SensorPayloadFormatter _formatter = new SensorPayloadFormatter();
        private readonly SensorReading _reading = new SensorReading();
        private readonly ConsoleLineAssembler _assembler = new ConsoleLineAssembler();
        private readonly byte[] _registers = { 0x01, 0x90, 0x25, 0x82, 0x01, 0x2C };
        private readonly byte[] _gatewayCommand = System.Text.Encoding.ASCII.GetBytes("1:DUTY:50");
        private readonly CountingNotifier _notifier = new CountingNotifier();
        private readonly GatewayProcessor _gateway;

        public CommandPathBenchmarks()
        {
            _gateway = new GatewayProcessor(new IdleMesh(), _notifier, null);
        }

        [Benchmark]
        public string FormatSensorPayload() => _formatter.Format(50, 12003000, 250000);

        [Benchmark]
        public NodeCommand ParseDutyCommand() => NodeCommandParser.Parse("duty:50");

        [Benchmark]
        public NodeCommand ParseReadCommand() => NodeCommandParser.Parse("read");

        [Benchmark]
        public int DecodeRegisters()
        {
            _reading.Set(Ina260Units.FromBigEndian(_registers, 0), Ina260Units.FromBigEndian(_registers, 2), Ina260Units.FromBigEndian(_registers, 4));
            return _reading.CurrentMicroamps + _reading.BusVoltageMicrovolts + _reading.PowerMilliwatts;
        }

        [Benchmark]
        public GatewayCommand ParseGatewayCommand() => GatewayCommandParser.Parse(_gatewayCommand, _gatewayCommand.Length);

        [Benchmark]
        public int ForwardStatus()
        {
            _gateway.OnVendorStatus(0x0006, "D:50%,V:12.003V,I:250.00mA,P:3000.8mW", 0);
            return _notifier.Count;
        }

        [Benchmark]
        public string AssembleConsoleLine()
        {
            const string typed = "duty:50\r\n";
            for (int i = 0; i < typed.Length; i++)
            {
                if (_assembler.Push(typed[i]) == ConsoleLineStatus.Complete)
                {
                    return _assembler.Line;
                }
            }

            return null;
        }

        private sealed class CountingNotifier : IGatewayNotifier
        {
            public int Count { get; private set; }

            public void Notify(string message) => Count++;
        }

        private sealed class IdleMesh : IGatewayMesh
        {
            public int OwnAddress => 0x0005;

            public bool VendorClientBound => true;

            public bool SendVendor(int destination, string nodeCommandText) => true;

            public bool SendVendorToGroup(string nodeCommandText, int responseWindowMilliseconds) => true;

            public bool SendOnOff(int destination, bool on) => true;
        }
    }
}
