using System;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.UniversalNode;
using DcMonitor.UniversalNode.Hardware;

namespace DcMonitor.Emulator.Nodes
{
    /// <summary>
    /// One universal node in the emulator: a virtual ESP32-C6 board wired like the real one (INA260 on
    /// GPIO6/GPIO7, load stage on GPIO5, console UART on COM2) running the real UniversalNode image.
    /// Tests and the demo talk to it through <see cref="Console"/> exactly as a person on the serial port would.
    /// </summary>
    public sealed class EmulatedUniversalNode : IDisposable
    {
        private readonly UniversalNodeApp _app = new UniversalNodeApp();
        private bool _started;

        /// <summary>Builds the board (nothing runs until <see cref="PowerOn"/>).</summary>
        public EmulatedUniversalNode(UniversalNodeBoardOptions options)
        {
            Board = new VirtualBoard(options.FlashDirectory);
            SensorBus = Board.AddI2cBus(BoardPins.SensorDataPin, BoardPins.SensorClockPin);
            Load = new InvertedPwmLoad(Board, BoardPins.LoadGatePin, options.SupplyVolts, options.LoadOhms);
            if (options.SensorAddress >= 0)
            {
                Sensor = new VirtualIna260(options.SensorAddress, Board.Clock, Load, options.NoiseSeed);
                SensorBus.Attach(Sensor);
            }

            Console = Board.SerialPort(BoardPins.ConsolePortName);
            Radio = EmulatedMeshStack.For(Board);
            Radio.RadioName = options.Name ?? System.IO.Path.GetFileName(Board.FlashDirectory);
            if (options.PreprovisionedAddress > 0 && !System.IO.File.Exists(MeshSettings.PathFor(Board.FlashDirectory)))
            {
                EmulatedMeshStack.Preprovision(Board.FlashDirectory, options.PreprovisionedAddress, options.PreprovisionedModels >= 0 ? options.PreprovisionedModels : UniversalNodeModels, subscribeVendorServerToAll: true);
            }

            if (options.Air != null)
            {
                Radio.AttachTo(options.Air);
            }
        }

        /// <summary>Model bits of a universal node (NativeContract): OnOff client and server, vendor server and client, Config Server.</summary>
        public const int UniversalNodeModels = NativeContract.ConfigServer | NativeContract.GenericOnOffClient | NativeContract.GenericOnOffServer | NativeContract.VendorServer | NativeContract.VendorClient;

        /// <summary>The node's emulated mesh component (radio, GATT server).</summary>
        public EmulatedMeshStack Radio { get; }

        /// <summary>The virtual board.</summary>
        public VirtualBoard Board { get; }

        /// <summary>The wires of the sensor bus (attach more targets to it to test the locator).</summary>
        public VirtualI2cBus SensorBus { get; }

        /// <summary>The load stage behind GPIO5.</summary>
        public InvertedPwmLoad Load { get; }

        /// <summary>The INA260, or null when none is fitted.</summary>
        public VirtualIna260 Sensor { get; }

        /// <summary>The far end of the console UART.</summary>
        public VirtualSerialPort Console { get; }

        /// <summary>The running firmware (after <see cref="PowerOn"/>).</summary>
        public UniversalNodeApp Firmware => _app;

        /// <summary>Boots the firmware on this board (its threads inherit the board).</summary>
        public void PowerOn()
        {
            using (Board.Activate())
            {
                _app.Start();
            }

            _started = true;
        }

        /// <summary>Stops the firmware.</summary>
        public void Dispose()
        {
            if (_started)
            {
                Radio.PowerOff();
                using (Board.Activate())
                {
                    _app.Stop();
                }

                _started = false;
            }
        }
    }
}
