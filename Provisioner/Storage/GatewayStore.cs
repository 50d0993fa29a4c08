using System;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Storage;

namespace DcMonitor.Provisioner.Storage
{
    /// <summary>
    /// The gateways the directed paths lead to (<see cref="GatewayList"/>, console <c>gateway</c>), on flash so that a power cut does not
    /// send the paths elsewhere: written atomically, read tolerantly (main copy, else the copy a power cut left pending; an unreadable
    /// file is reported on the log and the default taken).
    /// </summary>
    public sealed class GatewayStore
    {
        /// <summary>Default location on the ESP32's internal flash drive.</summary>
        public const string DefaultPath = "I:\\provisioner\\gateways.txt";

        /// <summary>Ends a complete file: a copy cut short by a power cut ("0,1" of "0,12") lacks it.</summary>
        private const string EndOfList = "\n";

        private readonly AtomicFile _file;
        private readonly NodeLog _log;

        /// <summary>A store at <paramref name="path"/>, reporting to <paramref name="log"/>.</summary>
        public GatewayStore(string path, NodeLog log)
        {
            _file = new AtomicFile(path);
            _log = log;
        }

        /// <summary>The saved gateways; <see cref="GatewayList.Default"/> when none were saved or the file is unreadable (reported).</summary>
        public GatewayList Load()
        {
            string text = _file.ReadMain();
            if (text == null)
            {
                text = _file.ReadPending();
            }

            if (text == null)
            {
                return GatewayList.Default;
            }

            if (!text.EndsWith(EndOfList))
            {
                _log.Write("gateways", "gateway file cut short, the default is used until 'gateway' is typed again");
                return GatewayList.Default;
            }

            try
            {
                return GatewayList.Parse(text.Substring(0, text.Length - EndOfList.Length));
            }
            catch (ArgumentException exception)
            {
                _log.Write("gateways", "unreadable gateway file, the default is used: " + exception.Message);
                return GatewayList.Default;
            }
        }

        /// <summary>Saves <paramref name="gateways"/>.</summary>
        public void Save(GatewayList gateways)
        {
            _file.Write(gateways.ToString() + EndOfList);
        }
    }
}
