using DcMonitor.Shared.Storage;
using System;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Provisioner.Storage
{
    /// <summary>
    /// The registry on flash: saved atomically after every change, read tolerantly at boot. A corrupt, truncated or
    /// old-format file is reported on the log and replaced by an empty registry (never a crash loop); the provisioner
    /// then rebuilds it from the mesh stack's own node table and re-checks every node's configuration.
    /// </summary>
    public sealed class RegistryStore
    {
        /// <summary>Default location on the ESP32's internal flash drive.</summary>
        public const string DefaultPath = "I:\\provisioner\\registry.txt";

        private readonly AtomicFile _file;
        private readonly NodeLog _log;

        /// <summary>A store at <paramref name="path"/>, reporting to <paramref name="log"/>.</summary>
        public RegistryStore(string path, NodeLog log)
        {
            _file = new AtomicFile(path);
            _log = log;
        }

        /// <summary>The saved registry; an empty one when none exists or it is unreadable (reported).</summary>
        public NodeRegistry Load()
        {
            string main = _file.ReadMain();
            string problem = null;
            if (main != null)
            {
                try
                {
                    return NodeRegistry.Parse(main);
                }
                catch (ArgumentException exception)
                {
                    problem = exception.Message;
                }
            }

            string pending = _file.ReadPending();
            if (pending != null)
            {
                try
                {
                    NodeRegistry registry = NodeRegistry.Parse(pending);
                    _log.Write("registry", "restored from the copy a power cut left pending" + (problem == null ? "" : " (" + problem + ")"));
                    return registry;
                }
                catch (ArgumentException exception)
                {
                    problem = problem ?? exception.Message;
                }
            }

            if (problem != null)
            {
                _log.Write("registry", "unreadable, starting empty and rebuilding from the mesh stack: " + problem);
            }

            return new NodeRegistry();
        }

        /// <summary>Saves <paramref name="registry"/>; a failed write is reported (the previous copy stays).</summary>
        public void Save(NodeRegistry registry)
        {
            try
            {
                _file.Write(registry.Serialize());
            }
            catch (System.IO.IOException exception)
            {
                _log.Write("registry", "not saved: " + exception.Message);
            }
        }
    }
}
