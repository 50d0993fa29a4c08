using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    /// <summary>Emulation of nanoFramework.System.Device.Gpio's change event arguments.</summary>
    public class PinValueChangedEventArgs : BaseEvent
    {
        /// <summary>Creates the arguments.</summary>
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            ChangeType = changeType;
            PinNumber = pinNumber;
        }

        /// <summary>The edge.</summary>
        public PinEventTypes ChangeType { get; }

        /// <summary>The GPIO.</summary>
        public int PinNumber { get; }
    }

    /// <summary>Controller-level change callback.</summary>
    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    /// <summary>Pin-level change callback.</summary>
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);
}
