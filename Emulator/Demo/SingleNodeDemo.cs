using System;
using System.IO;
using System.Threading;
using DcMonitor.Emulator.Nodes;
using DcMonitor.UniversalNode;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// <c>demo</c>: one emulated universal node with its serial console on this terminal. What you type goes
    /// to the node's UART; what the node transmits is printed. At end of input (Ctrl-D, or the end of a piped
    /// script) the demo waits until every command typed has been answered (a ramp takes 2.7 s), then powers
    /// the node off and exits 0. Later issues grow this into a multi-node mesh.
    /// </summary>
    public static class SingleNodeDemo
    {
        private const int AnswerTimeoutMilliseconds = 15000;

        /// <summary>After the last answer, the console must be quiet this long before the node is powered off, ms.</summary>
        private const int QuietMilliseconds = 500;

        /// <summary>Runs the demo; returns the process exit code.</summary>
        /// <param name="options">The board: sensor, supply, load, flash folder.</param>
        /// <param name="keepFlash">True when the user asked to keep the flash between runs.</param>
        /// <param name="input">What the user types.</param>
        /// <param name="output">The node's console.</param>
        public static int Run(UniversalNodeBoardOptions options, bool keepFlash, TextReader input, TextWriter output)
        {
            using DemoFlash flash = DemoFlash.Open(options.FlashDirectory, keepFlash, "single-node", out string flashError);
            if (flash == null)
            {
                output.WriteLine("emulator: " + flashError);
                return 2;
            }

            options.FlashDirectory = flash.Root;
            int answersExpected = 0;
            DateTime lastLineAt = DateTime.UtcNow;
            int answersSeen = 0;
            var answered = new object();
            using var node = new EmulatedUniversalNode(options);
            var printer = new Thread(() =>
            {
                while (node.Console.TryReadLine(Timeout.Infinite, out string line))
                {
                    output.WriteLine(line);
                    output.Flush();
                    lock (answered)
                    {
                        lastLineAt = DateTime.UtcNow;
                        if (line.StartsWith(">> ", StringComparison.Ordinal))
                        {
                            answersSeen++;
                        }

                        Monitor.PulseAll(answered);
                    }
                }
            })
            { IsBackground = true };
            printer.Start();

            output.WriteLine("emulator: universal node on a virtual ESP32-C6; INA260 " + (options.SensorAddress < 0 ? "not fitted" : "at 0x" + options.SensorAddress.ToString("X2"))
                + ", load " + options.LoadOhms + " ohm on " + options.SupplyVolts + " V; flash " + (flash.Kept ? "kept from an earlier run in " : "erased in ") + options.FlashDirectory);
            output.WriteLine("emulator: type node commands (help lists them); end input (Ctrl-D) to power off");
            node.PowerOn();

            string typed;
            while ((typed = input.ReadLine()) != null)
            {
                string trimmed = typed.Trim();
                if (trimmed.Length > 0 && trimmed != "help")
                {
                    lock (answered)
                    {
                        answersExpected++;
                    }
                }

                node.Console.SendToDevice(typed + "\r\n");
            }

            lock (answered)
            {
                DateTime deadline = DateTime.UtcNow.AddMilliseconds(AnswerTimeoutMilliseconds);
                while (answersSeen < answersExpected)
                {
                    int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                    if (left <= 0 || !Monitor.Wait(answered, left))
                    {
                        output.WriteLine("emulator: " + (answersExpected - answersSeen) + " command(s) still unanswered after " + (AnswerTimeoutMilliseconds / 1000) + " s");
                        return 1;
                    }
                }

                // A reply of several lines (uplink show, scan): wait until the console has been quiet for a moment.
                while ((DateTime.UtcNow - lastLineAt).TotalMilliseconds < QuietMilliseconds)
                {
                    Monitor.Wait(answered, QuietMilliseconds);
                }
            }

            output.WriteLine("emulator: input ended, node powered off");
            return 0;
        }

    }
}
