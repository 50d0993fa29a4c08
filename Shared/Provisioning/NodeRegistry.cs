using System;
using System.Collections;
using System.Text;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// The provisioner's registry of devices (up to <see cref="NodeAddressing.MaximumNodes"/>), with stable addresses: a UUID
    /// keeps its address; a new device gets the lowest free address from 0x0005 (seed §6 handed them out in discovery order).
    /// <para>Text form (<see cref="Serialize"/>), one line each: <c>DCM-REGISTRY 1</c>, then per node
    /// <c>node &lt;uuid hex&gt; &lt;address hex&gt; &lt;elements&gt; &lt;models hex&gt; &lt;steps hex&gt; &lt;relay 0/1&gt;
    /// &lt;provisioned 0/1&gt; &lt;failures&gt; &lt;last failure&gt;</c>, then <c>end &lt;node count&gt; &lt;FNV-1a of every line before, hex&gt;</c>, so a
    /// truncated or altered file is recognised (<see cref="Parse"/>).</para>
    /// Not thread-safe: the provisioner uses it from its work queue only.
    /// </summary>
    public sealed class NodeRegistry
    {
        private const string LowerHexDigits = "0123456789abcdef";

        /// <summary>First line of the text form, with the format version.</summary>
        public const string Header = "DCM-REGISTRY 1";

        private static readonly char[] Space = new char[] { ' ' };
        private static readonly char[] NewLine = new char[] { '\n' };
        private readonly ArrayList _nodes = new ArrayList();

        /// <summary>Number of nodes.</summary>
        public int Count
        {
            get { return _nodes.Count; }
        }

        /// <summary>The node at <paramref name="index"/> (0-based, in address order of insertion).</summary>
        public ProvisionedNode NodeAt(int index)
        {
            return (ProvisionedNode)_nodes[index];
        }

        /// <summary>The node with this UUID, or null.</summary>
        public ProvisionedNode FindByUuid(byte[] uuid)
        {
            for (int i = 0; i < _nodes.Count; i++)
            {
                if (SameBytes(NodeAt(i).Uuid, uuid))
                {
                    return NodeAt(i);
                }
            }

            return null;
        }

        /// <summary>The node at this unicast address, or null.</summary>
        public ProvisionedNode FindByAddress(int address)
        {
            for (int i = 0; i < _nodes.Count; i++)
            {
                if (NodeAt(i).Address == address)
                {
                    return NodeAt(i);
                }
            }

            return null;
        }

        /// <summary>The lowest free address from 0x0005 within <see cref="NodeAddressing.MaximumNodes"/> ids; -1 when all are taken.</summary>
        public int NextFreeAddress()
        {
            for (int id = 0; id < NodeAddressing.MaximumNodes; id++)
            {
                if (FindByAddress(NodeAddressing.UnicastOf(id)) == null)
                {
                    return NodeAddressing.UnicastOf(id);
                }
            }

            return -1;
        }

        /// <summary>Adds <paramref name="node"/>.</summary>
        /// <exception cref="ArgumentException">Its UUID or address is already registered, or the registry already holds
        /// <see cref="NodeAddressing.MaximumNodes"/> nodes (the message says which).</exception>
        public void Add(ProvisionedNode node)
        {
            if (FindByUuid(node.Uuid) != null || FindByAddress(node.Address) != null)
            {
                throw new ArgumentException("registry: UUID " + Hex(node.Uuid) + " or address 0x" + node.Address.ToString("X4") + " already registered");
            }

            if (_nodes.Count >= NodeAddressing.MaximumNodes)
            {
                throw new ArgumentException("registry full: " + NodeAddressing.MaximumNodes.ToString() + " nodes; UUID " + Hex(node.Uuid) + " not added");
            }

            _nodes.Add(node);
        }

        /// <summary>
        /// Gives <paramref name="node"/> the address the mesh stack reports for it; a different node registered at that address
        /// is removed (the stack's node table decides who holds an address) and returned, else null.
        /// </summary>
        public ProvisionedNode MoveTo(ProvisionedNode node, int address)
        {
            ProvisionedNode holder = FindByAddress(address);
            if (holder != null && holder != node)
            {
                _nodes.Remove(holder);
            }
            else
            {
                holder = null;
            }

            node.Address = address;
            return holder;
        }

        /// <summary>Removes <paramref name="node"/>; false when it was not registered.</summary>
        public bool Remove(ProvisionedNode node)
        {
            if (!_nodes.Contains(node))
            {
                return false;
            }

            _nodes.Remove(node);
            return true;
        }

        /// <summary>The registry as text (format in the class summary).</summary>
        public string Serialize()
        {
            var text = new StringBuilder();
            text.Append(Header).Append('\n');
            for (int i = 0; i < _nodes.Count; i++)
            {
                ProvisionedNode node = NodeAt(i);
                text.Append("node ").Append(Hex(node.Uuid)).Append(' ').Append(node.Address.ToString("X4")).Append(' ').Append(node.Elements.ToString())
                    .Append(' ').Append(node.Models.ToString("X2")).Append(' ').Append(node.StepsDone.ToString("X4")).Append(' ').Append(node.IsRelayNode ? '1' : '0')
                    .Append(' ').Append(node.Provisioned ? '1' : '0').Append(' ').Append(node.Failures.ToString()).Append(' ').Append(Sanitize(node.LastFailure)).Append('\n');
            }

            string body = text.ToString();
            return body + "end " + _nodes.Count.ToString() + " " + Checksum(body).ToString("X8") + "\n";
        }

        /// <summary>Reads the text form.</summary>
        /// <exception cref="ArgumentException">The text is not a complete, unaltered registry: the message says where.</exception>
        public static NodeRegistry Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentException("registry: empty");
            }

            int endLine = text.LastIndexOf("\nend ");
            if (!text.StartsWith(Header + "\n") || endLine < 0)
            {
                throw new ArgumentException("registry: no header or no end line (old format or truncated)");
            }

            string body = text.Substring(0, endLine + 1);
            string[] end = text.Substring(endLine + 1).Trim().Split(Space);
            if (end.Length != 3 || end[2] != Checksum(body).ToString("X8"))
            {
                throw new ArgumentException("registry: checksum mismatch (altered or partly written)");
            }

            var registry = new NodeRegistry();
            string[] lines = body.Split(NewLine);
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                {
                    registry.Add(ParseNode(lines[i], i + 1));
                }
            }

            if (registry.Count.ToString() != end[1])
            {
                throw new ArgumentException("registry: " + registry.Count.ToString() + " nodes but the end line says " + end[1]);
            }

            return registry;
        }

        /// <summary>Lower-case hex of bytes.</summary>
        public static string Hex(byte[] bytes)
        {
            return Hex(bytes, 0, bytes.Length);
        }

        /// <summary>Lower-case hex of <paramref name="count"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>, no separators.</summary>
        public static string Hex(byte[] bytes, int offset, int count)
        {
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                byte value = bytes[offset + i];
                text[i * 2] = LowerHexDigits[value >> 4];
                text[(i * 2) + 1] = LowerHexDigits[value & 0x0F];
            }

            return new string(text);
        }

        /// <summary>Bytes of an even-length hex string.</summary>
        /// <exception cref="ArgumentException">Not hex or odd length.</exception>
        public static byte[] FromHex(string hex)
        {
            if (hex == null || (hex.Length % 2) != 0)
            {
                throw new ArgumentException("not hex: '" + hex + "'");
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(hex[i * 2]) << 4) | Nibble(hex[(i * 2) + 1]));
            }

            return bytes;
        }

        private static ProvisionedNode ParseNode(string line, int lineNumber)
        {
            string[] fields = line.Split(Space);
            if (fields.Length < 9 || fields[0] != "node" || fields[1].Length != 32)
            {
                throw new ArgumentException("registry line " + lineNumber.ToString() + ": not a node line");
            }

            try
            {
                var node = new ProvisionedNode(FromHex(fields[1]), HexNumber(fields[2]));
                node.Elements = int.Parse(fields[3]);
                node.Models = HexNumber(fields[4]);
                node.StepsDone = HexNumber(fields[5]) & ConfigurationStep.All;
                node.IsRelayNode = fields[6] == "1";
                node.Provisioned = fields[7] == "1";
                node.Failures = int.Parse(fields[8]);
                node.LastFailure = AfterField(line, 9);
                if (node.Address < 0x0001 || node.Address > 0x7FFF || node.Elements < 1)
                {
                    throw new ArgumentException("out of range");
                }

                return node;
            }
            catch (Exception exception)
            {
                throw new ArgumentException("registry line " + lineNumber.ToString() + ": " + exception.Message);
            }
        }

        /// <summary>The rest of <paramref name="line"/> after its first <paramref name="count"/> space-separated fields ("" when none).</summary>
        private static string AfterField(string line, int count)
        {
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                position = line.IndexOf(' ', position) + 1;
                if (position == 0)
                {
                    return "";
                }
            }

            return line.Substring(position);
        }

        /// <summary>A non-negative number of up to 7 hex digits.</summary>
        private static int HexNumber(string hex)
        {
            if (hex.Length == 0 || hex.Length > 7)
            {
                throw new ArgumentException("not a hex number: '" + hex + "'");
            }

            int value = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                value = (value << 4) | Nibble(hex[i]);
            }

            return value;
        }

        /// <summary>The value of hex digit <paramref name="c"/> (0-9, a-f, A-F), or -1 when it is not one.</summary>
        public static int HexDigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private static int Nibble(char c)
        {
            int value = HexDigitValue(c);
            if (value < 0)
            {
                throw new ArgumentException("not a hex digit: '" + new string(c, 1) + "'");
            }

            return value;
        }

        private static string Sanitize(string text)
        {
            return text == null ? "" : new StringBuilder(text).Replace('\n', ' ').Replace('\r', ' ').ToString();
        }

        /// <summary>32-bit FNV-1a of the text's characters (low bytes): enough to tell a torn or edited file from a whole one.
        /// Also used for the provisioner's key file and key fingerprints.</summary>
        public static uint Checksum(string text)
        {
            uint hash = 2166136261;
            for (int i = 0; i < text.Length; i++)
            {
                hash = (hash ^ (byte)text[i]) * 16777619;
            }

            return hash;
        }

        /// <summary>True when both arrays are non-null and hold the same bytes (UUID comparison).</summary>
        public static bool SameBytes(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
