using System;
using System.IO.Ports;
using DcMonitor.Emulator.Board;
using DcMonitor.Tests.Support;
using nanoFramework.Hardware.Esp32;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>The emulated SerialPort behaves like nanoFramework.System.IO.Ports on an ESP32-C6.</summary>
    public sealed class SerialPortTests : IDisposable
    {
        private readonly ActiveBoard _active = new ActiveBoard();
        private readonly VirtualBoard _board;

        public SerialPortTests()
        {
            _board = _active.Board;
        }

        public void Dispose()
        {
            _active.Dispose();
        }

        [Theory]
        [InlineData("COM3")]
        [InlineData("COM0")]
        [InlineData("UART1")]
        public void OnlyCom1AndCom2Exist(string name)
        {
            Assert.Throws<ArgumentException>(() => new SerialPort(name));
        }

        [Fact]
        public void OpeningWithoutRoutedPinsFailsWithAPlainException()
        {
            using var port = new SerialPort("COM2", 115200);
            Exception failure = Assert.ThrowsAny<Exception>(() => port.Open());
            Assert.Equal(typeof(Exception), failure.GetType());
        }

        [Fact]
        public void APortHasOneInstanceUntilDisposed()
        {
            var first = new SerialPort("COM2");
            Assert.Throws<ArgumentException>(() => new SerialPort("COM2"));
            first.Dispose();
            new SerialPort("COM2").Dispose();
        }

        [Fact]
        public void ReadLineReturnsTheTextBeforeNewLineAndWriteLineAppendsIt()
        {
            using SerialPort port = OpenCom2();
            port.NewLine = "\r\n";
            _board.SerialPort("COM2").SendToDevice("hello\r\nworld");
            Assert.Equal("hello", port.ReadLine());
            Assert.Equal("world", port.ReadExisting());
            port.WriteLine("answer");
            Assert.True(_board.SerialPort("COM2").TryReadLine(1000, out string line));
            Assert.Equal("answer", line);
        }

        [Fact]
        public void ReadLineTimesOut()
        {
            using SerialPort port = OpenCom2();
            port.ReadTimeout = 50;
            Assert.Throws<TimeoutException>(() => port.ReadLine());
        }

        [Fact]
        public void NewLineMustNotBeEmpty()
        {
            using var port = new SerialPort("COM2");
            Assert.Throws<ArgumentException>(() => port.NewLine = string.Empty);
            Assert.Throws<ArgumentOutOfRangeException>(() => port.ReadTimeout = -2);
        }

        private SerialPort OpenCom2()
        {
            Configuration.SetPinFunction(16, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(17, DeviceFunction.COM2_RX);
            var port = new SerialPort("COM2", 115200);
            port.Open();
            return port;
        }
    }
}
