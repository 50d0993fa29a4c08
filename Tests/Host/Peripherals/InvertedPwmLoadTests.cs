using System.IO;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Peripherals;
using Xunit;

namespace DcMonitor.Tests.Peripherals
{
    /// <summary>The load stage behind the inverted PWM (seed protocol §5.2): pin high or floating = load off.</summary>
    public class InvertedPwmLoadTests
    {
        private readonly VirtualBoard _board = new VirtualBoard(Path.GetTempPath(), VirtualClock.Manual());
        private readonly InvertedPwmLoad _load;

        public InvertedPwmLoadTests()
        {
            _load = new InvertedPwmLoad(_board, 5, supplyVolts: 12.0, loadOhms: 48.0, sourceOhms: 0.0);
        }

        [Fact]
        public void AFloatingGateLeavesTheLoadOffThroughThePullUp()
        {
            Assert.Equal(0.0, _load.CurrentAmperes(0, 1000));
        }

        [Fact]
        public void ALowGateTurnsTheLoadFullyOn()
        {
            _board.Pin(5).Set(0, 0.0);
            Assert.Equal(0.25, _load.CurrentAmperes(0, 1000), 9);
        }

        [Fact]
        public void AHighGateTurnsTheLoadOff()
        {
            _board.Pin(5).Set(0, 1.0);
            Assert.Equal(0.0, _load.CurrentAmperes(0, 1000));
            Assert.Equal(12.0, _load.BusVolts(0, 1000));
        }

        [Theory]
        [InlineData(0.75, 0.0625)] // pin high 75 % → load on 25 %
        [InlineData(0.5, 0.125)]
        [InlineData(0.25, 0.1875)]
        public void WholePwmPeriodsAverageToTheDutyCycle(double pinHigh, double amperes)
        {
            _board.Pin(5).Set(0, pinHigh, 1000);
            Assert.Equal(amperes, _load.CurrentAmperes(0, 10000), 9);
        }

        [Fact]
        public void SourceResistanceDropsTheBusVoltageUnderLoad()
        {
            var load = new InvertedPwmLoad(_board, 6, 12.0, 47.8, 0.2);
            _board.Pin(6).Set(0, 0.0);
            Assert.Equal(0.25, load.CurrentAmperes(0, 1000), 9);
            Assert.Equal(11.95, load.BusVolts(0, 1000), 9);
        }
    }
}
