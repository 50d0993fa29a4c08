using System;

namespace DcMonitor.Shared.Gatt
{
    /// <summary>
    /// Decides from samples of a push button whether the owner held it for <see cref="HoldMilliseconds"/> during the watch after
    /// boot (docs/security.md, "The pairing window"): the universal node opens its GATT pairing window when the BOOT button is
    /// held for 1 s within the first <see cref="WatchMilliseconds"/> after it starts. The button cannot be held <i>through</i>
    /// the reset: on the ESP32-C6 it is strapping pin GPIO9, and low at reset selects the ROM's download mode, so the firmware
    /// watches it once it runs. A release restarts the hold (a bounce or a short press never counts); a hold that began
    /// inside the watch may end after it. Not thread-safe: one caller samples.
    /// </summary>
    public sealed class PairingButtonHold
    {
        /// <summary>How long the button must be held without a release, 1 s.</summary>
        public const int HoldMilliseconds = 1000;

        /// <summary>The period between samples the caller should keep, 100 ms (a hold is then seen in 11 samples).</summary>
        public const int SampleIntervalMilliseconds = 100;

        /// <summary>How long after boot a hold may begin, 10 s.</summary>
        public const int WatchMilliseconds = 10000;

        private long _pressedSinceMilliseconds = -1;
        private long _lastMilliseconds = -1;

        /// <summary>True once the button was held for <see cref="HoldMilliseconds"/>.</summary>
        public bool Held { get; private set; }

        /// <summary>True when no further sample is wanted (held, or the watch ended with the button up).</summary>
        public bool Finished { get; private set; }

        /// <summary>
        /// Adds a sample: whether the button is pressed <paramref name="elapsedMilliseconds"/> after the watch began. Returns true
        /// while another sample is wanted (<see cref="SampleIntervalMilliseconds"/> later), false once <see cref="Finished"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The time is negative or earlier than the previous sample's.</exception>
        public bool Sample(bool pressed, long elapsedMilliseconds)
        {
            if (elapsedMilliseconds < 0 || elapsedMilliseconds < _lastMilliseconds)
            {
                throw new ArgumentOutOfRangeException("elapsedMilliseconds", "samples must come in time order from 0");
            }

            _lastMilliseconds = elapsedMilliseconds;
            if (Finished)
            {
                return false;
            }

            if (!pressed)
            {
                _pressedSinceMilliseconds = -1;
            }
            else if (_pressedSinceMilliseconds < 0)
            {
                _pressedSinceMilliseconds = elapsedMilliseconds <= WatchMilliseconds ? elapsedMilliseconds : -1; // too late to begin a hold
            }

            if (_pressedSinceMilliseconds >= 0 && elapsedMilliseconds - _pressedSinceMilliseconds >= HoldMilliseconds)
            {
                Held = true;
                Finished = true;
            }
            else if (_pressedSinceMilliseconds < 0 && elapsedMilliseconds >= WatchMilliseconds)
            {
                Finished = true;
            }

            return !Finished;
        }
    }
}
