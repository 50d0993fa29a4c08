using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DcMonitor.Tests.Support;
using DcMonitor.UniversalNode.Hardware;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// The wiring diagram (docs/images/wiring.svg) shows the pins the firmware uses: every pin label (a <c>text</c> element
    /// of class <c>pin</c>, e.g. "GPIO6 · I2C1 SDA") names one signal and its GPIO, and that GPIO is the one
    /// UniversalNode/Hardware/BoardPins.cs routes the signal to; every signal of BoardPins has its label; and no other text
    /// of the diagram names a GPIO the board does not use.
    /// </summary>
    public class WiringDiagramTests
    {
        private const string DiagramPath = "docs/images/wiring.svg";

        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private static readonly Regex Gpio = new Regex(@"\bGPIO(?<number>\d+)\b", RegexOptions.Compiled);

        /// <summary>The signal words a pin label may carry, each with the pin BoardPins gives that signal.</summary>
        private static readonly Dictionary<string, int> PinOfSignal = new Dictionary<string, int>
        {
            ["PWM"] = BoardPins.LoadGatePin,
            ["SDA"] = BoardPins.SensorDataPin,
            ["SCL"] = BoardPins.SensorClockPin,
            ["TX"] = BoardPins.ConsoleTransmitPin,
            ["RX"] = BoardPins.ConsoleReceivePin,
        };

        [Fact]
        public void Every_pin_label_shows_the_gpio_board_pins_gives_its_signal()
        {
            var shown = new Dictionary<string, int>();
            foreach (string label in PinLabels(Diagram()))
            {
                (string signal, int pin) = ParseLabel(label);
                Assert.False(shown.ContainsKey(signal), $"the signal {signal} is labelled twice: '{label}'");
                shown[signal] = pin;
            }

            foreach (KeyValuePair<string, int> expected in PinOfSignal)
            {
                Assert.True(shown.ContainsKey(expected.Key), $"{DiagramPath} has no pin label for {expected.Key} (BoardPins: GPIO{expected.Value})");
                Assert.True(expected.Value == shown[expected.Key], $"{DiagramPath} shows {expected.Key} on GPIO{shown[expected.Key]}; BoardPins routes it to GPIO{expected.Value}");
            }
        }

        [Fact]
        public void No_text_of_the_diagram_names_a_gpio_the_board_does_not_use()
        {
            var used = new HashSet<int>(PinOfSignal.Values);
            var strays = Diagram().Descendants(Svg + "text")
                .SelectMany(text => Gpio.Matches(text.Value).Select(match => (Text: text.Value, Pin: int.Parse(match.Groups["number"].Value))))
                .Where(mention => !used.Contains(mention.Pin))
                .Select(mention => mention.Text)
                .ToList();

            Assert.True(strays.Count == 0, "GPIOs BoardPins does not use:\n" + string.Join("\n", strays));
        }

        [Theory]
        [InlineData("GPIO6 · I2C1 SDA", "SDA", 6)]
        [InlineData("GPIO16 · COM2 TX", "TX", 16)]
        [InlineData("GPIO5 · LEDC PWM (load)", "PWM", 5)]
        public void A_label_is_read_as_its_signal_and_gpio(string label, string signal, int pin)
        {
            Assert.Equal((signal, pin), ParseLabel(label));
        }

        [Theory]
        [InlineData("GPIO6 · I2C1 SDA SCL")]
        [InlineData("GPIO6 · sensor")]
        [InlineData("I2C1 SDA")]
        [InlineData("GPIO6 GPIO7 · SDA")]
        public void A_label_with_no_single_signal_or_gpio_is_refused(string label)
        {
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ParseLabel(label));
        }

        private static XDocument Diagram()
        {
            return XDocument.Load(RepositoryPaths.InRoot(DiagramPath.Split('/')));
        }

        private static IEnumerable<string> PinLabels(XDocument diagram)
        {
            return diagram.Descendants(Svg + "text")
                .Where(text => ((string)text.Attribute("class") ?? string.Empty).Split(' ').Contains("pin"))
                .Select(text => text.Value);
        }

        /// <summary>The one signal word and the one GPIO number of a pin label; fails the test otherwise.</summary>
        private static (string Signal, int Pin) ParseLabel(string label)
        {
            var pins = Gpio.Matches(label).Select(match => int.Parse(match.Groups["number"].Value)).ToList();
            var signals = PinOfSignal.Keys.Where(signal => Regex.IsMatch(label, @"\b" + signal + @"\b")).ToList();
            Assert.True(pins.Count == 1, $"pin label '{label}' must name exactly one GPIO");
            Assert.True(signals.Count == 1, $"pin label '{label}' must name exactly one of {string.Join(", ", PinOfSignal.Keys)}");
            return (signals[0], pins[0]);
        }
    }
}
