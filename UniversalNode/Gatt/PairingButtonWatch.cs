using System;
using System.Device.Gpio;
using DcMonitor.Shared.Gatt;
using DcMonitor.Shared.Runtime;
using DcMonitor.UniversalNode.Hardware;

namespace DcMonitor.UniversalNode.Gatt
{
    /// <summary>
    /// Watches the BOOT button (<see cref="BoardPins.PairingButtonPin"/>) for <see cref="PairingButtonHold.WatchMilliseconds"/>
    /// after boot, sampling it on the worker every <see cref="PairingButtonHold.SampleIntervalMilliseconds"/>; held for
    /// <see cref="PairingButtonHold.HoldMilliseconds"/> it opens the GATT pairing window (<see cref="GattAccess.OpenPairingWindow"/>,
    /// which says so on the console). The pin is opened as an input with pull-up and closed when the watch ends. Start and stop
    /// come from the boot thread, samples run on the worker; both lock.
    /// </summary>
    public sealed class PairingButtonWatch
    {
        /// <summary>The reason the console line gives for the window.</summary>
        public const string Reason = "BOOT button held";

        private readonly object _gate = new object();
        private readonly WorkQueue _queue;
        private readonly GattAccess _gatt;
        private readonly PairingButtonHold _hold = new PairingButtonHold();
        private GpioController _gpio;
        private GpioPin _pin;
        private ScheduledWork _next;
        private long _startTicks;

        /// <summary>A watch that samples on <paramref name="queue"/> and opens the window of <paramref name="gatt"/>.</summary>
        public PairingButtonWatch(WorkQueue queue, GattAccess gatt)
        {
            _queue = queue;
            _gatt = gatt;
        }

        /// <summary>Opens the pin and takes the first sample on the worker.</summary>
        public void Start()
        {
            lock (_gate)
            {
                _gpio = new GpioController();
                _pin = _gpio.OpenPin(BoardPins.PairingButtonPin, PinMode.InputPullUp);
                _startTicks = Environment.TickCount64;
                _queue.Post(Sample);
            }
        }

        /// <summary>Ends the watch (an emulated node powering down) and closes the pin.</summary>
        public void Stop()
        {
            lock (_gate)
            {
                if (_next != null)
                {
                    _next.Cancel();
                }

                Close();
            }
        }

        private void Sample()
        {
            bool held;
            lock (_gate)
            {
                if (_pin == null)
                {
                    return; // stopped
                }

                if (_hold.Sample(_pin.Read() == PinValue.Low, Environment.TickCount64 - _startTicks))
                {
                    _next = _queue.PostDelayed(PairingButtonHold.SampleIntervalMilliseconds, Sample);
                    return;
                }

                held = _hold.Held;
                Close();
            }

            if (held)
            {
                _gatt.OpenPairingWindow(Reason);
            }
        }

        private void Close()
        {
            if (_gpio != null)
            {
                _gpio.Dispose(); // closes the pin
                _gpio = null;
                _pin = null;
            }
        }
    }
}
