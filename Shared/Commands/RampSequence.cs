using System;

namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// The <c>r</c>/<c>ramp</c> sequence of seed protocol §4.2: duty 0, 25, 50, 75, 100 % held 500 ms each,
    /// then 0 % held 200 ms, then one reading is the reply (so it shows <c>D:0%</c>); ≈ 2.7 s in all.
    /// Steps are numbered 0 to <see cref="StepCount"/> − 1.
    /// </summary>
    public static class RampSequence
    {
        /// <summary>Number of steps (six).</summary>
        public const int StepCount = 6;

        /// <summary>Hold time of the rising steps, ms.</summary>
        public const int RisingStepMilliseconds = 500;

        /// <summary>Hold time of the final 0 % step before the reading, ms.</summary>
        public const int FinalStepMilliseconds = 200;

        /// <summary>Sum of all hold times: 5 × 500 + 200 = 2700 ms.</summary>
        public const int TotalMilliseconds = (5 * RisingStepMilliseconds) + FinalStepMilliseconds;

        /// <summary>Duty of step <paramref name="step"/>: 0, 25, 50, 75, 100, 0.</summary>
        /// <exception cref="ArgumentOutOfRangeException">step is not 0–5.</exception>
        public static int DutyAt(int step)
        {
            RequireStep(step);
            return step == StepCount - 1 ? 0 : step * 25;
        }

        /// <summary>How long step <paramref name="step"/> is held before the next one (or the reply), ms.</summary>
        /// <exception cref="ArgumentOutOfRangeException">step is not 0–5.</exception>
        public static int HoldMillisecondsAt(int step)
        {
            RequireStep(step);
            return step == StepCount - 1 ? FinalStepMilliseconds : RisingStepMilliseconds;
        }

        /// <summary>True when <paramref name="step"/> is the last one (its end is the reply).</summary>
        public static bool IsLast(int step)
        {
            return step == StepCount - 1;
        }

        private static void RequireStep(int step)
        {
            if (step < 0 || step >= StepCount)
            {
                throw new ArgumentOutOfRangeException("step");
            }
        }
    }
}
