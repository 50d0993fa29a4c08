using System;
using System.Device.Gpio;
using DcMonitor.Emulator.Board;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>The emulated GPIO refuses what nanoFramework's refuses on an ESP32-C6 (System.Device.Gpio main; cpu_gpio.cpp).</summary>
    public sealed class GpioTests : IDisposable
    {
        private readonly ActiveBoard _active = new ActiveBoard();
        private readonly VirtualBoard _board;
        private readonly GpioController _controller;

        public GpioTests()
        {
            _board = _active.Board;
            _controller = new GpioController();
        }

        public void Dispose()
        {
            _controller.Dispose();
            _active.Dispose();
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(31)]
        [InlineData(39)]
        public void PinsThatDoNotExistOnTheC6CannotBeOpened(int pin)
        {
            Assert.Throws<InvalidOperationException>(() => _controller.OpenPin(pin, PinMode.Output));
        }

        [Theory]
        [InlineData(24)]
        [InlineData(30)]
        public void FlashPinsCannotBeOpened(int pin)
        {
            Assert.Throws<InvalidOperationException>(() => _controller.OpenPin(pin, PinMode.Output));
        }

        [Fact]
        public void APinOpensOnce()
        {
            _controller.OpenPin(8, PinMode.Output);
            Assert.True(_controller.IsPinOpen(8));
            Assert.Throws<InvalidOperationException>(() => _controller.OpenPin(8, PinMode.Output));
        }

        [Fact]
        public void AnOutputStartsLowAndDrivesTheBoardPin()
        {
            GpioPin led = _controller.OpenPin(8, PinMode.Output);
            Assert.Equal(PinValue.Low, led.Read());
            Assert.Equal(0.0, _board.Pin(8).LevelAt(_board.Clock.NowMicroseconds));
            led.Write(PinValue.High);
            Assert.Equal(1.0, _board.Pin(8).LevelAt(_board.Clock.NowMicroseconds));
            led.Toggle();
            Assert.Equal(PinValue.Low, _controller.Read(8));
        }

        [Fact]
        public void WritingAnInputThrowsArgumentException()
        {
            _controller.OpenPin(9, PinMode.InputPullUp);
            Assert.Throws<ArgumentException>(() => _controller.Write(9, PinValue.High));
            Assert.Equal(PinValue.High, _controller.Read(9));
        }

        [Fact]
        public void APressedButtonToGroundReadsLowThroughThePullUp()
        {
            var button = new DcMonitor.Emulator.Peripherals.PushButton(_board, 9); // the DevKitC's BOOT button
            GpioPin pin = _controller.OpenPin(9, PinMode.InputPullUp);
            Assert.Equal(PinValue.High, pin.Read());
            button.Press();
            Assert.Equal(PinValue.Low, pin.Read());
            button.Release();
            Assert.Equal(PinValue.High, pin.Read());
            Assert.Throws<ArgumentException>(() => new DcMonitor.Emulator.Peripherals.PushButton(_board, 9)); // one switch per pin
        }

        [Fact]
        public void UsingAPinThatIsNotOpenThrowsInvalidOperation()
        {
            Assert.Throws<InvalidOperationException>(() => _controller.Write(10, PinValue.High));
            Assert.Throws<InvalidOperationException>(() => _controller.Read(10));
        }

        [Fact]
        public void ADisposedPinThrowsObjectDisposed()
        {
            GpioPin pin = _controller.OpenPin(11, PinMode.Output);
            pin.Dispose();
            Assert.False(_controller.IsPinOpen(11));
            Assert.Throws<ObjectDisposedException>(() => pin.Write(PinValue.High));
        }

        [Fact]
        public void PinValueIsAStructWithConversions()
        {
            PinValue fromInt = 5;
            PinValue fromBool = false;
            Assert.Equal(PinValue.High, fromInt);
            Assert.Equal(PinValue.Low, fromBool);
            Assert.Equal(1, (int)PinValue.High);
            Assert.Equal("Low", PinValue.Low.ToString());
            Assert.True(typeof(PinValue).IsValueType && !typeof(PinValue).IsEnum);
        }

        [Fact]
        public void TheC6Has31Gpios()
        {
            Assert.Equal(31, _controller.PinCount);
        }
    }
}
