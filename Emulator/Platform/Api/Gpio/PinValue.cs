namespace System.Device.Gpio
{
    /// <summary>
    /// Emulation of nanoFramework.System.Device.Gpio's <c>PinValue</c>: a readonly struct (not an enum);
    /// <see cref="High"/> and <see cref="Low"/> are properties, so they cannot be <c>case</c> labels.
    /// </summary>
    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        /// <summary>Logic high (1).</summary>
        public static PinValue High => new PinValue(1);

        /// <summary>Logic low (0).</summary>
        public static PinValue Low => new PinValue(0);

        /// <summary>0 is Low, anything else High.</summary>
        public static implicit operator PinValue(int value) => new PinValue(value == 0 ? (byte)0 : (byte)1);

        /// <summary>false is Low, true High.</summary>
        public static implicit operator PinValue(bool value) => new PinValue(value ? (byte)1 : (byte)0);

        /// <summary>1 for High, 0 for Low.</summary>
        public static explicit operator byte(PinValue value) => value._value;

        /// <summary>1 for High, 0 for Low.</summary>
        public static explicit operator int(PinValue value) => value._value;

        /// <summary>True for High.</summary>
        public static explicit operator bool(PinValue value) => value._value != 0;

        /// <summary>Equality.</summary>
        public static bool operator ==(PinValue a, PinValue b) => a._value == b._value;

        /// <summary>Inequality.</summary>
        public static bool operator !=(PinValue a, PinValue b) => a._value != b._value;

        /// <summary>Equality.</summary>
        public bool Equals(PinValue other) => _value == other._value;

        /// <inheritdoc/>
        public override bool Equals(object obj) => obj is PinValue other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => _value;

        /// <summary>"Low" or "High".</summary>
        public override string ToString() => _value == 0 ? "Low" : "High";
    }
}
