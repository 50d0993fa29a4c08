using System;
using System.Device.I2c;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;
using nanoFramework.Hardware.Esp32;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>The emulated I2cDevice behaves like nanoFramework's on an ESP32 (status, not exceptions, for bus problems).</summary>
    public sealed class I2cDeviceTests : IDisposable
    {
        private readonly ActiveBoard _active = new ActiveBoard();
        private readonly VirtualBoard _board;
        private readonly GenericRegisterDevice _target = new GenericRegisterDevice(0x50);

        public I2cDeviceTests()
        {
            _board = _active.Board;
            _board.AddI2cBus(6, 7).Attach(_target);
            _target.SetRegister(0x01, 0xBEEF);
        }

        public void Dispose()
        {
            _active.Dispose();
        }

        [Fact]
        public void AnAbsentAddressIsNotAcknowledged()
        {
            Route();
            using I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, 0x51));
            I2cTransferResult result = device.WriteRead(new byte[] { 0x01 }, new byte[2]);
            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, result.Status);
            Assert.Equal(0u, result.BytesTransferred);
        }

        [Fact]
        public void APresentTargetAnswersWithAFullTransfer()
        {
            Route();
            using I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, 0x50));
            byte[] read = new byte[2];
            I2cTransferResult result = device.WriteRead(new byte[] { 0x01 }, read);
            Assert.Equal(I2cTransferStatus.FullTransfer, result.Status);
            Assert.Equal(3u, result.BytesTransferred);
            Assert.Equal(new byte[] { 0xBE, 0xEF }, read);
        }

        [Fact]
        public void WithoutRoutedPinsTheControllerReachesNothing()
        {
            using I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, 0x50));
            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, device.Write(new byte[] { 0x01 }).Status);
            Configuration.SetPinFunction(8, DeviceFunction.I2C1_DATA); // wrong wire
            Configuration.SetPinFunction(7, DeviceFunction.I2C1_CLOCK);
            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, device.Write(new byte[] { 0x01 }).Status);
        }

        [Fact]
        public void DefaultSpeedIsFastMode()
        {
            Assert.Equal(I2cBusSpeed.FastMode, new I2cConnectionSettings(1, 0x40).BusSpeed);
        }

        [Fact]
        public void OnlyBusOneExistsOnTheEsp32C6()
        {
            Assert.Throws<ArgumentException>(() => I2cDevice.Create(new I2cConnectionSettings(2, 0x50)));
        }

        [Fact]
        public void ABusErrorIsReportedAsAStatus()
        {
            Route();
            var sensor = new VirtualIna260(0x40, _board.Clock, new ConstantShuntInput(12, 0)) { Fault = Ina260Fault.BusError };
            _board.RoutedI2cBus(1).Attach(sensor);
            using I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, 0x40));
            Assert.Equal(I2cTransferStatus.UnknownError, device.WriteRead(new byte[] { 0xFE }, new byte[2]).Status);
        }

        [Fact]
        public void ADisposedDeviceThrows()
        {
            Route();
            I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, 0x50));
            device.Dispose();
            Assert.Throws<ObjectDisposedException>(() => device.Write(new byte[] { 0 }));
        }

        [Fact]
        public void I2cDataOnAPinThatDoesNotExistIsRefusedWhenRouted()
        {
            Assert.Throws<ArgumentException>(() => Configuration.SetPinFunction(31, DeviceFunction.I2C1_DATA));
            Assert.Throws<ArgumentException>(() => Configuration.SetPinFunction(-1, DeviceFunction.I2C1_CLOCK));
        }

        private static void Route()
        {
            Configuration.SetPinFunction(6, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(7, DeviceFunction.I2C1_CLOCK);
        }
    }
}
