using DcMonitor.Emulator.Board;
using nanoFramework.Hardware.Esp32;

namespace System.Device.Pwm
{
    /// <summary>
    /// Emulation of nanoFramework.System.Device.Pwm's <c>PwmChannel</c> (ESP32 LEDC) on the active virtual
    /// board. Semantics kept from the real package: <see cref="CreateFromPin"/> returns null when the pin
    /// was not given a PWM function with <c>Configuration.SetPinFunction</c>; <see cref="DutyCycle"/> is a
    /// fraction 0.0–1.0 stored with a resolution of 0.0001 and throws outside that range; the output is
    /// active-high; a stopped channel holds the pin at its idle level, low.
    /// </summary>
    public sealed class PwmChannel : IDisposable
    {
        private readonly VirtualBoard _board;
        private readonly int _channel;
        private readonly int _pin;
        private int _frequency;
        private uint _dutyTenThousandths;
        private bool _running;
        private bool _disposed;

        /// <summary>Opens LEDC channel <paramref name="channel"/>; its pin is the one given function PWM(channel + 1).</summary>
        /// <exception cref="ArgumentException">No valid output pin carries that channel's PWM function, the channel is
        /// in use, or the frequency is 0 (nanoFramework's native init refuses all three).</exception>
        /// <exception cref="ArgumentOutOfRangeException">Negative frequency, or a duty cycle outside 0.0–1.0.</exception>
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5)
        {
            if (channel < 0 || channel >= Esp32C6.PwmChannelCount)
            {
                throw new ArgumentException("PWM channel " + channel + " does not exist on the ESP32-C6 (0 to " + (Esp32C6.PwmChannelCount - 1) + ").", nameof(channel));
            }

            _board = VirtualBoard.Current;
            _pin = _board.PinMux.PinOf(DeviceFunction.PWM1 + (channel * 0x100));
            if (_pin < 0)
            {
                throw new ArgumentException("PWM channel " + channel + " has no pin: call Configuration.SetPinFunction first.", nameof(channel));
            }

            if (!Esp32C6.IsUsableGpio(_pin))
            {
                throw new ArgumentException("GPIO " + _pin + " cannot drive a PWM output on the ESP32-C6.", nameof(channel));
            }

            if (frequency == 0)
            {
                throw new ArgumentException("A PWM frequency of 0 Hz is refused.", nameof(frequency));
            }

            if (!_board.ClaimPwmChannel(channel))
            {
                throw new ArgumentException("PWM channel " + channel + " is already open.", nameof(channel));
            }

            _channel = channel;
            Frequency = frequency;
            DutyCycle = dutyCyclePercentage;
        }

        /// <summary>
        /// Opens the channel routed to <paramref name="pin"/>, or returns null when the pin carries no PWM
        /// function (nanoFramework behaviour).
        /// </summary>
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5)
        {
            DeviceFunction? function = VirtualBoard.Current.PinMux.FunctionOf(pin);
            if (function == null || function.Value < DeviceFunction.PWM1 || function.Value > DeviceFunction.PWM16)
            {
                return null;
            }

            int channel = ((int)function.Value - (int)DeviceFunction.PWM1) / 0x100;
            return new PwmChannel(0, channel, frequency, dutyCyclePercentage);
        }

        /// <summary>Opens a chip/channel pair.</summary>
        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5)
            => new PwmChannel(chip, channel, frequency, dutyCyclePercentage);

        /// <summary>Frequency in Hz.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative value.</exception>
        public int Frequency
        {
            get => _frequency;
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _frequency = value;
                if (_running)
                {
                    Drive();
                }
            }
        }

        /// <summary>High-time fraction of each period, 0.0–1.0 (resolution 0.0001).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside 0.0–1.0.</exception>
        public double DutyCycle
        {
            get => _dutyTenThousandths / 10000.0;
            set
            {
                if (value < 0.0 || value > 1.0 || double.IsNaN(value))
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _dutyTenThousandths = (uint)(value * 10000);
                if (_running)
                {
                    Drive();
                }
            }
        }

        /// <summary>The GPIO this channel drives (emulator diagnostics).</summary>
        internal int Pin => _pin;

        /// <summary>Starts driving the pin.</summary>
        public void Start()
        {
            ThrowIfDisposed();
            _running = true;
            Drive();
        }

        /// <summary>Stops the output; the pin goes to its idle level (low).</summary>
        public void Stop()
        {
            ThrowIfDisposed();
            _running = false;
            _board.Pin(_pin).Set(_board.Clock.NowMicroseconds, 0.0);
        }

        /// <summary>Stops the channel and releases it.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            Stop();
            _disposed = true;
            _board.ReleasePwmChannel(_channel);
        }

        /// <summary>The LEDC peripheral drives the pin (the emulated pin's record of it is counted as native: <see cref="EmulatedNativeAllocations"/>).</summary>
        private void Drive()
        {
            long begin = EmulatedNativeAllocations.Begin();
            _board.Pin(_pin).Set(_board.Clock.NowMicroseconds, _dutyTenThousandths / 10000.0, _frequency);
            EmulatedNativeAllocations.End(begin);
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(PwmChannel));
            }
        }
    }
}
