using System;
using System.Device.Pwm;
using DcMonitor.Shared.Load;

namespace DcMonitor.UniversalNode.Load
{
    /// <summary>
    /// Drives the load through the inverted PWM stage (seed protocol §5.2): GPIO high = load off, so the
    /// PWM duty cycle is (100 − load duty) %. Starts with the load off (PWM held constantly high), the seed's
    /// fail-safe. Duty is an integer percentage, 100 = load fully on. Used from the node's worker thread only.
    /// </summary>
    public sealed class LoadController : IDisposable
    {
        private readonly PwmChannel _pwm;
        private int _dutyPercent;

        /// <summary>Opens the PWM on <paramref name="pin"/> (its PWM function must already be routed) with the load off.</summary>
        /// <exception cref="InvalidOperationException">The pin has no PWM function (nanoFramework returned no channel).</exception>
        public LoadController(int pin, int frequencyHertz)
        {
            _pwm = PwmChannel.CreateFromPin(pin, frequencyHertz, LoadDuty.ToPinHighFraction(LoadDuty.Minimum));
            if (_pwm == null)
            {
                throw new InvalidOperationException("GPIO" + pin.ToString() + " has no PWM function: route it with Configuration.SetPinFunction first.");
            }

            _pwm.Start();
            _dutyPercent = LoadDuty.Minimum;
        }

        /// <summary>The commanded load duty, 0–100 %.</summary>
        public int DutyPercent => _dutyPercent;

        /// <summary>Sets the load duty; values outside 0–100 are clamped (seed §4.2). Returns the applied duty.</summary>
        public int SetDuty(int percent)
        {
            int clamped = LoadDuty.Clamp(percent);
            _pwm.DutyCycle = LoadDuty.ToPinHighFraction(clamped);
            _dutyPercent = clamped;
            return clamped;
        }

        /// <summary>Turns the load off (pin constantly high) and releases the PWM channel.</summary>
        public void Dispose()
        {
            _pwm.DutyCycle = LoadDuty.ToPinHighFraction(0);
            _pwm.Dispose();
        }
    }
}
