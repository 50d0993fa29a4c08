using BenchmarkDotNet.Attributes;
using DcMonitor.PathDrivers;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// Issue 16's whole paths (Tests/NFUnitTest/PathDrivers, the drivers the allocation regression tests and the heap leak test use):
    /// time and bytes allocated per operation, from the event to the bytes handed to the radio or the GATT notifier. Run with
    /// <c>DOTNET_JitObjectStackAllocation=0</c> (nanoCLR has no stack allocation; see docs/memory.md for the command).
    /// </summary>
    [MemoryDiagnoser]
    public class WholePathBenchmarks
    {
        private readonly WholePath _forwardStatus = new ForwardStatusPath();
        private readonly WholePath _piRead = new PiCommandPath("1:READ");
        private readonly WholePath _piDuty = new PiCommandPath("1:DUTY:50");
        private readonly WholePath _piAllRead = new PiCommandPath("ALL:READ");
        private readonly WholePath _piStop = new PiCommandPath("1:STOP");
        private readonly WholePath _piInvalidValue = new PiCommandPath("1:DUTY:abc");
        private readonly WholePath _sensorRead = new SensorReadPath();
        private readonly WholePath _idleGatewayTick = new IdleGatewayTickPath();
        private readonly WholePath _idleNodeTick = new IdleNodeTickPath();
        private readonly WholePath _idleUplinkTick = new IdleUplinkTickPath();
        private readonly WholePath _mqttReadingReport = new MqttReadingReportPath();
        private readonly WholePath _bridgeCandidateTicks = new BridgeCandidateTickPath();
        private readonly WholePath _nodeReadingReport = new NodeReadingReportPath();
        private readonly WholePath _mqttBatchPublish = new MqttBatchPublishPath();

        [Benchmark]
        public void ForwardStatus() => _forwardStatus.Run();

        [Benchmark]
        public void PiRead() => _piRead.Run();

        [Benchmark]
        public void PiDuty() => _piDuty.Run();

        [Benchmark]
        public void PiAllRead() => _piAllRead.Run();

        [Benchmark]
        public void PiStop() => _piStop.Run();

        [Benchmark]
        public void PiInvalidValue() => _piInvalidValue.Run();

        [Benchmark]
        public void SensorRead() => _sensorRead.Run();

        [Benchmark]
        public void IdleGatewayTick() => _idleGatewayTick.Run();

        [Benchmark]
        public void IdleNodeTick() => _idleNodeTick.Run();

        [Benchmark]
        public void IdleUplinkTick() => _idleUplinkTick.Run();

        [Benchmark]
        public void MqttReadingReport() => _mqttReadingReport.Run();

        [Benchmark]
        public void BridgeCandidateTicks() => _bridgeCandidateTicks.Run();

        [Benchmark]
        public void NodeReadingReport() => _nodeReadingReport.Run();

        [Benchmark]
        public void MqttBatchPublish() => _mqttBatchPublish.Run();
    }
}
