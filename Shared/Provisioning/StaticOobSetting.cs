using System;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Storage;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// A node's static OOB secret (docs/security.md "Authenticated provisioning"), kept on the flash drive in
    /// <c>I:\provisioning\static-oob.txt</c> (one line of hex, empty after <c>oob off</c>, written through <see cref="AtomicFile"/>, so a power cut leaves the
    /// old or the new secret) and handed to the mesh stack through a <see cref="StaticOobChangedHandler"/> at boot
    /// (<see cref="Load"/>, before the stack starts) and after each <c>oob</c> console line. The stack offers static OOB at the next
    /// provisioning; a provisioned node keeps its keys, so a change applies when it is next provisioned (after a reset).
    /// The secret is never printed. Console lines and the boot run on different threads; every member locks.
    /// </summary>
    public sealed class StaticOobSetting
    {
        /// <summary>The file on the device's flash drive.</summary>
        public const string DefaultPath = "I:\\provisioning\\static-oob.txt";

        private const string Component = "oob";
        private readonly object _gate = new object();
        private readonly AtomicFile _file;
        private readonly NodeLog _log;
        private readonly StaticOobChangedHandler _apply;
        private readonly string _replyPrefix;
        private readonly string _errorPrefix;
        private byte[] _value;

        /// <summary>
        /// Keeps the secret at <paramref name="path"/> (<see cref="DefaultPath"/> on the device) and gives it to the stack through
        /// <paramref name="apply"/>. Console replies start with <paramref name="replyPrefix"/>, errors with <paramref name="errorPrefix"/>
        /// (each image's console style).
        /// </summary>
        public StaticOobSetting(string path, NodeLog log, StaticOobChangedHandler apply, string replyPrefix, string errorPrefix)
        {
            _file = new AtomicFile(path);
            _log = log;
            _apply = apply;
            _replyPrefix = replyPrefix;
            _errorPrefix = errorPrefix;
        }

        /// <summary>True when a secret is kept (static OOB offered at the next provisioning).</summary>
        public bool IsOn
        {
            get
            {
                lock (_gate)
                {
                    return _value != null;
                }
            }
        }

        /// <summary>
        /// Reads the secret from the flash (no file: off) and gives it to the stack; call before the stack starts. An unreadable
        /// file is logged and leaves static OOB off until a new <c>oob</c> line: the node cannot invent the owner's secret.
        /// </summary>
        public void Load()
        {
            lock (_gate)
            {
                string text = _file.ReadLatest();
                _value = null;
                if (text != null && text.Trim().Length > 0) // 'oob off' leaves an empty file
                {
                    try
                    {
                        _value = StaticOobValue.Parse(text);
                    }
                    catch (ArgumentException exception)
                    {
                        _log.Write(Component, "the secret file is unreadable (" + exception.Message + "): static OOB OFF until 'oob <hex>' is typed again");
                    }
                }

                bool applied = _apply(_value);
                _log.Write(Component, (_value != null ? "static OOB on" : "static OOB off (No OOB provisioning)") + (applied ? string.Empty : "; the stack refused it"));
            }
        }

        /// <summary>
        /// Runs an <c>oob</c> console line (<see cref="OobConsoleCommand.Accepts"/>), printing its replies through <paramref name="print"/>;
        /// <paramref name="provisioned"/> says whether the node is provisioned now (the change then applies at its next provisioning).
        /// </summary>
        public void OnLine(string line, LogSink print, bool provisioned)
        {
            OobConsoleCommand command = OobConsoleCommand.Parse(line);
            lock (_gate)
            {
                switch (command.Kind)
                {
                    case OobConsoleCommandKind.Status:
                        print(_replyPrefix + (_value != null ? "static OOB on" : "static OOB off"));
                        break;
                    case OobConsoleCommandKind.Set:
                        Change(command.Value, print, provisioned);
                        break;
                    case OobConsoleCommandKind.Off:
                        Change(null, print, provisioned);
                        break;
                    default:
                        print(_errorPrefix + "oob: " + command.Error);
                        break;
                }
            }
        }

        /// <summary>The console line for a provisioning link that closed before the node was provisioned (MeshEventKind.ProvisioningFailed on a node).</summary>
        public string DescribeFailedProvisioning()
        {
            return IsOn
                ? "provisioning failed: the link closed before it completed; static OOB is on: a provisioner whose static-oob.txt differs (or has none) fails the confirmation"
                : "provisioning failed: the link closed before it completed";
        }

        private void Change(byte[] value, LogSink print, bool provisioned)
        {
            try
            {
                if (value != null)
                {
                    _file.Write(NodeRegistry.Hex(value) + "\n");
                }
                else
                {
                    _file.Write(string.Empty);
                }
            }
            catch (Exception exception)
            {
                print(_errorPrefix + "oob: not saved, nothing changed (" + exception.Message + ")");
                return;
            }

            _value = value;
            string state = value != null ? "static OOB on (" + value.Length.ToString() + " bytes) saved" : "static OOB off saved: provisioning without authentication (No OOB)";
            if (!_apply(value))
            {
                print(_errorPrefix + "oob: " + state + ", but the stack refused it; it applies after the next boot");
                return;
            }

            print(_replyPrefix + state + "; " + (provisioned
                ? "this node is provisioned: it applies at its next provisioning (after a reset)"
                : "it applies at the next provisioning"));
        }
    }
}
