using System;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// Composition data page 0 of a node (Mesh Profile 1.0.1 §4.2.1.1), parsed completely and validated before the
    /// provisioner configures anything (seed §6 parsed only the models it looked for and trusted every count):
    /// CID, PID, VID, CRPL, features (2 bytes each, little-endian), then elements of location (2), NumS (1), NumV (1),
    /// NumS SIG model ids (2 bytes each) and NumV vendor model ids (company then model, 2 + 2 bytes).
    /// <para><see cref="Models"/> holds element 0's models this network knows, as DcMonitor.MeshInterop.MeshModels bits
    /// (the values are repeated here because this assembly does not reference the interop one).</para>
    /// </summary>
    public sealed class CompositionData
    {
        /// <summary>MeshModels.ConfigServer.</summary>
        public const int ConfigServer = 0x01;

        /// <summary>MeshModels.ConfigClient.</summary>
        public const int ConfigClient = 0x02;

        /// <summary>MeshModels.GenericOnOffClient.</summary>
        public const int GenericOnOffClient = 0x04;

        /// <summary>MeshModels.GenericOnOffServer.</summary>
        public const int GenericOnOffServer = 0x08;

        /// <summary>MeshModels.VendorServer.</summary>
        public const int VendorServer = 0x10;

        /// <summary>MeshModels.VendorClient.</summary>
        public const int VendorClient = 0x20;

        /// <summary>MeshModels.DirectedForwardingServer: the SIG Directed Forwarding Configuration Server 0x0006 (Mesh Protocol 1.1).</summary>
        public const int DirectedForwardingServer = 0x40;

        /// <summary>MeshModels.DirectedForwardingClient: the SIG Directed Forwarding Configuration Client 0x0007.</summary>
        public const int DirectedForwardingClient = 0x80;

        /// <summary>Features bit of the relay feature (§4.2.1.1).</summary>
        public const int RelayFeature = 0x0001;

        /// <summary>Most elements accepted (a node of this network has 1; more is suspicious but valid up to this).</summary>
        public const int MaximumElements = 16;

        private const int HeaderLength = 10;
        private const int EspressifCompanyId = 0x02E5;

        private CompositionData()
        {
        }

        /// <summary>Company identifier (0x02E5 for ESP-IDF nodes).</summary>
        public int CompanyId { get; private set; }

        /// <summary>Product identifier.</summary>
        public int ProductId { get; private set; }

        /// <summary>Product version identifier.</summary>
        public int VersionId { get; private set; }

        /// <summary>Replay protection list size (CRPL).</summary>
        public int ReplayProtectionListSize { get; private set; }

        /// <summary>Features bit field (relay 1, proxy 2, friend 4, low power 8).</summary>
        public int Features { get; private set; }

        /// <summary>Number of elements (1-<see cref="MaximumElements"/>).</summary>
        public int ElementCount { get; private set; }

        /// <summary>Element 0's known models as MeshModels bits.</summary>
        public int Models { get; private set; }

        /// <summary>True when the node supports relaying.</summary>
        public bool RelaySupported
        {
            get { return (Features & RelayFeature) != 0; }
        }

        /// <summary>A universal node: the vendor server and client, the Generic OnOff server (seed §1.1).</summary>
        public bool IsUniversalNode
        {
            get { return (Models & (VendorServer | VendorClient)) == (VendorServer | VendorClient); }
        }

        /// <summary>A relay node: the relay feature and no model but the Config Server (seed §7) and, since directed forwarding, the Directed Forwarding Configuration Server.</summary>
        public bool IsRelayNode
        {
            get { return (Models & ~DirectedForwardingServer) == ConfigServer && RelaySupported; }
        }

        /// <summary>Parses page 0 (without the page number) from <paramref name="data"/>[<paramref name="offset"/>..+<paramref name="length"/>].</summary>
        /// <exception cref="ArgumentException">The page is malformed; the message names what and where (never a partial result).</exception>
        public static CompositionData Parse(byte[] data, int offset, int length)
        {
            if (data == null || offset < 0 || length < 0 || offset + length > data.Length)
            {
                throw new ArgumentException("composition data: no page");
            }

            if (length < HeaderLength + 4)
            {
                throw new ArgumentException("composition data: " + length.ToString() + " bytes, shorter than a header and one element");
            }

            var result = new CompositionData();
            result.CompanyId = Read16(data, offset);
            result.ProductId = Read16(data, offset + 2);
            result.VersionId = Read16(data, offset + 4);
            result.ReplayProtectionListSize = Read16(data, offset + 6);
            result.Features = Read16(data, offset + 8);
            int position = offset + HeaderLength;
            int end = offset + length;
            while (position < end)
            {
                if (result.ElementCount == MaximumElements)
                {
                    throw new ArgumentException("composition data: more than " + MaximumElements.ToString() + " elements");
                }

                if (end - position < 4)
                {
                    throw new ArgumentException("composition data: element " + result.ElementCount.ToString() + " truncated in its header");
                }

                int sigCount = data[position + 2];
                int vendorCount = data[position + 3];
                int modelsLength = (sigCount * 2) + (vendorCount * 4);
                position += 4;
                if (end - position < modelsLength)
                {
                    throw new ArgumentException("composition data: element " + result.ElementCount.ToString() + " declares " + sigCount.ToString() + " SIG and "
                        + vendorCount.ToString() + " vendor models but " + (end - position).ToString() + " bytes remain");
                }

                if (result.ElementCount == 0)
                {
                    result.Models = ElementZeroModels(data, position, sigCount, vendorCount);
                    if ((result.Models & ConfigServer) == 0)
                    {
                        throw new ArgumentException("composition data: element 0 has no Configuration Server");
                    }
                }

                position += modelsLength;
                result.ElementCount++;
            }

            return result;
        }

        private static int ElementZeroModels(byte[] data, int position, int sigCount, int vendorCount)
        {
            int models = 0;
            for (int i = 0; i < sigCount; i++)
            {
                int id = Read16(data, position + (i * 2));
                models |= id == 0x0000 ? ConfigServer : id == 0x0001 ? ConfigClient : id == 0x1000 ? GenericOnOffServer : id == 0x1001 ? GenericOnOffClient
                    : id == 0x0006 ? DirectedForwardingServer : id == 0x0007 ? DirectedForwardingClient : 0;
            }

            int vendorStart = position + (sigCount * 2);
            for (int i = 0; i < vendorCount; i++)
            {
                int company = Read16(data, vendorStart + (i * 4));
                int id = Read16(data, vendorStart + (i * 4) + 2);
                if (company == EspressifCompanyId)
                {
                    models |= id == 0x0001 ? VendorServer : id == 0x0000 ? VendorClient : 0;
                }
            }

            return models;
        }

        private static int Read16(byte[] data, int position)
        {
            return data[position] | (data[position + 1] << 8);
        }
    }
}
