using System;
using System.Device.Gpio;
using System.Threading;

namespace DcMonitor.RelayNode.Heartbeat
{
    /// <summary>
    /// The relay's status LED (seed protocol §7, active high): 200 ms on / 200 ms off while unprovisioned,
    /// 1 s on / 1 s off once provisioned. The provisioned state is the mesh stack's, set by
    /// <see cref="Provisioned"/> (seed §9 B28: the seed took it from an app blob). Thread-safe.
    /// </summary>
    public sealed class LedHeartbeat : IDisposable
    {
        /// <summary>Half period while unprovisioned, ms.</summary>
        public const int UnprovisionedHalfPeriodMilliseconds = 200;

        /// <summary>Half period while provisioned, ms.</summary>
        public const int ProvisionedHalfPeriodMilliseconds = 1000;

        private readonly GpioPin _led;
        private readonly Timer _timer;
        private bool _on;
        private bool _provisioned;

        /// <summary>Opens the LED pin as an output and starts blinking (unprovisioned pattern).</summary>
        public LedHeartbeat(GpioController gpio, int ledPin)
        {
            _led = gpio.OpenPin(ledPin, PinMode.Output);
            // Created stopped and started once assigned: a timer due at once could run Toggle before _timer is set.
            _timer = new Timer(Toggle, null, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(0, Timeout.Infinite);
        }

        /// <summary>The stack's provisioned state; changes the blink pattern from the next toggle.</summary>
        public bool Provisioned
        {
            get => _provisioned;
            set => _provisioned = value;
        }

        /// <summary>Stops blinking and turns the LED off.</summary>
        public void Dispose()
        {
            _timer.Dispose();
            _led.Write(PinValue.Low);
            _led.Dispose();
        }

        private void Toggle(object state)
        {
            _on = !_on;
            _led.Write(_on ? PinValue.High : PinValue.Low);
            _timer.Change(_provisioned ? ProvisionedHalfPeriodMilliseconds : UnprovisionedHalfPeriodMilliseconds, Timeout.Infinite);
        }
    }
}
