using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.UniversalNode;
using DcMonitor.UniversalNode.Hardware;

namespace DcMonitor.Emulator.Nodes
{
    /// <summary>
    /// One universal node in the emulator: a virtual ESP32-C6 board wired like the real one (INA260 on
    /// GPIO6/GPIO7, load stage on GPIO5, console UART on COM2, BOOT button on GPIO9) running the real UniversalNode image.
    /// Tests and the demo talk to it through <see cref="Console"/> exactly as a person on the serial port would.
    /// </summary>
    public sealed class EmulatedUniversalNode : EmulatedNode
    {
        private readonly UniversalNodeApp _app = new UniversalNodeApp();

        /// <summary>Builds the board (nothing runs until <see cref="EmulatedNode.PowerOn"/>).</summary>
        public EmulatedUniversalNode(UniversalNodeBoardOptions options)
            : base(options.FlashDirectory)
        {
            SensorBus = Board.AddI2cBus(BoardPins.SensorDataPin, BoardPins.SensorClockPin);
            Load = new InvertedPwmLoad(Board, BoardPins.LoadGatePin, options.SupplyVolts, options.LoadOhms);
            if (options.SensorAddress >= 0)
            {
                Sensor = new VirtualIna260(options.SensorAddress, Board.Clock, Load, options.NoiseSeed);
                SensorBus.Attach(Sensor);
            }

            Console = Board.SerialPort(BoardPins.ConsolePortName);
            BootButton = new PushButton(Board, BoardPins.PairingButtonPin);
            JoinAir(options.Name, options.Air, options.PreprovisionedAddress, options.PreprovisionedModels >= 0 ? options.PreprovisionedModels : UniversalNodeModels, options.PreprovisionedRelay);
        }

        /// <summary>Model bits of a universal node (NativeContract): OnOff client and server, vendor server and client, Config Server.</summary>
        public const int UniversalNodeModels = NativeContract.ConfigServer | NativeContract.GenericOnOffClient | NativeContract.GenericOnOffServer | NativeContract.VendorServer | NativeContract.VendorClient;

        /// <summary>The wires of the sensor bus (attach more targets to it to test the locator).</summary>
        public VirtualI2cBus SensorBus { get; }

        /// <summary>The load stage behind GPIO5.</summary>
        public InvertedPwmLoad Load { get; }

        /// <summary>The INA260, or null when none is fitted.</summary>
        public VirtualIna260 Sensor { get; }

        /// <summary>
        /// The DevKitC's BOOT button on GPIO9: pressed for 1 s within 10 s after <see cref="EmulatedNode.PowerOn"/>, the firmware opens
        /// the GATT pairing window (docs/security.md).
        /// </summary>
        public PushButton BootButton { get; }

        /// <summary>The far end of the console UART.</summary>
        public VirtualSerialPort Console { get; }

        /// <summary>The running firmware (after <see cref="EmulatedNode.PowerOn"/>).</summary>
        public UniversalNodeApp Firmware => _app;

        /// <inheritdoc/>
        protected override void StartFirmware() => _app.Start();

        /// <inheritdoc/>
        protected override void StopFirmware() => _app.Stop();
    }
}
