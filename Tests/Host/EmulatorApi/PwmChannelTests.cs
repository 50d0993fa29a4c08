using System;
using System.Device.Pwm;
using DcMonitor.Emulator.Board;
using DcMonitor.Tests.Support;
using nanoFramework.Hardware.Esp32;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>The emulated PwmChannel refuses what nanoFramework's refuses (System.Device.Pwm main; nf-interpreter ESP32 LEDC code).</summary>
    public sealed class PwmChannelTests : IDisposable
    {
        private readonly ActiveBoard _active = new ActiveBoard();
        private readonly VirtualBoard _board;

        public PwmChannelTests()
        {
            _board = _active.Board;
        }

        public void Dispose()
        {
            _active.Dispose();
        }

        [Fact]
        public void CreateFromPinReturnsNullWithoutAPwmFunction()
        {
            Assert.Null(PwmChannel.CreateFromPin(5, 1000, 1.0));
            Configuration.SetPinFunction(5, DeviceFunction.I2C1_DATA);
            Assert.Null(PwmChannel.CreateFromPin(5, 1000, 1.0));
        }

        [Fact]
        public void CreateFromPinWorksOnceThePinIsRouted()
        {
            Configuration.SetPinFunction(5, DeviceFunction.PWM1);
            using PwmChannel pwm = PwmChannel.CreateFromPin(5, 1000, 0.25);
            Assert.NotNull(pwm);
            Assert.Equal(1000, pwm.Frequency);
            Assert.Equal(0.25, pwm.DutyCycle);
        }

        [Fact]
        public void NothingIsDrivenBeforeStartAndStopIdlesLow()
        {
            Configuration.SetPinFunction(5, DeviceFunction.PWM1);
            using PwmChannel pwm = PwmChannel.CreateFromPin(5, 1000, 1.0);
            Assert.True(double.IsNaN(_board.Pin(5).LevelAt(_board.Clock.NowMicroseconds)), "driven before Start");
            pwm.Start();
            Assert.Equal(1.0, _board.Pin(5).LevelAt(_board.Clock.NowMicroseconds));
            pwm.DutyCycle = 0.3;
            Assert.Equal(0.3, _board.Pin(5).LevelAt(_board.Clock.NowMicroseconds), 4);
            pwm.Stop();
            Assert.Equal(0.0, _board.Pin(5).LevelAt(_board.Clock.NowMicroseconds));
        }

        [Theory]
        [InlineData(-0.01)]
        [InlineData(1.01)]
        [InlineData(double.NaN)]
        public void DutyCycleOutsideZeroToOneThrowsArgumentOutOfRange(double duty)
        {
            Configuration.SetPinFunction(5, DeviceFunction.PWM1);
            using PwmChannel pwm = PwmChannel.CreateFromPin(5, 1000, 0.5);
            Assert.Throws<ArgumentOutOfRangeException>(() => pwm.DutyCycle = duty);
            Assert.Equal(0.5, pwm.DutyCycle);
        }

        [Fact]
        public void DutyCycleResolutionIsOneTenThousandth()
        {
            Configuration.SetPinFunction(5, DeviceFunction.PWM1);
            using PwmChannel pwm = PwmChannel.CreateFromPin(5, 1000, 0.123456);
            Assert.Equal(0.1234, pwm.DutyCycle, 10);
        }

        [Fact]
        public void FrequencyMustBePositive()
        {
            Configuration.SetPinFunction(5, DeviceFunction.PWM1);
            Assert.Throws<ArgumentException>(() => PwmChannel.CreateFromPin(5, 0, 0.5));
            using PwmChannel pwm = PwmChannel.CreateFromPin(5, 1000, 0.5);
            Assert.Throws<ArgumentOutOfRangeException>(() => pwm.Frequency = -1);
        }

        [Fact]
        public void TheEsp32C6HasSixLedcChannels()
        {
            Configuration.SetPinFunction(4, DeviceFunction.PWM7);
            Assert.Throws<ArgumentException>(() => PwmChannel.CreateFromPin(4, 1000, 0.5));
        }

        [Fact]
        public void APwmFunctionOnAPinThatDoesNotExistFailsWhenTheChannelOpens()
        {
            Configuration.SetPinFunction(40, DeviceFunction.PWM2); // accepted, as nanoFramework does not check PWM pins here
            Assert.Equal(40, Configuration.GetFunctionPin(DeviceFunction.PWM2));
            Assert.Throws<ArgumentException>(() => PwmChannel.CreateFromPin(40, 1000, 0.5));
        }

        [Fact]
        public void AChannelCanBeOpenedOnlyOnce()
        {
            Configuration.SetPinFunction(5, DeviceFunction.PWM1);
            using PwmChannel first = PwmChannel.CreateFromPin(5, 1000, 0.5);
            Assert.Throws<ArgumentException>(() => PwmChannel.CreateFromPin(5, 1000, 0.5));
        }
    }
}
