namespace DcMonitor.Shared.Load
{
    /// <summary>
    /// The load's duty cycle as an integer percentage, where 100 % = load fully on (seed protocol §5.2),
    /// and its mapping to the inverted PWM stage (GPIO high = load off).
    /// </summary>
    public static class LoadDuty
    {
        /// <summary>Load off.</summary>
        public const int Minimum = 0;

        /// <summary>Load fully on.</summary>
        public const int Maximum = 100;

        /// <summary>Clamps any integer to 0–100 (seed §4.2: <c>duty:150</c> → 100, <c>-5</c> → 0).</summary>
        public static int Clamp(int percent)
        {
            if (percent < Minimum)
            {
                return Minimum;
            }

            return percent > Maximum ? Maximum : percent;
        }

        /// <summary>
        /// The fraction of each PWM period the GPIO must be high for a load duty of <paramref name="percent"/>
        /// (clamped): (100 − duty) / 100. 0 % gives 1.0 — the pin held constantly high, the load constantly off
        /// (the seed left one low count per period, seed §9 B20); 100 % gives 0.0, constantly low.
        /// </summary>
        public static double ToPinHighFraction(int percent)
        {
            return (Maximum - Clamp(percent)) / 100.0;
        }
    }
}
