namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// One device the provisioner knows: its UUID, the unicast address it keeps across re-provisioning (the Pi's node id is
    /// address − 0x0005, seed §1.3), what its composition says and which configuration steps are confirmed.
    /// </summary>
    public sealed class ProvisionedNode
    {
        /// <summary>Creates an entry for a 16-byte <paramref name="uuid"/> at <paramref name="address"/>.</summary>
        public ProvisionedNode(byte[] uuid, int address)
        {
            Uuid = uuid;
            Address = address;
            Elements = 1;
        }

        /// <summary>Device UUID (16 bytes).</summary>
        public byte[] Uuid { get; private set; }

        /// <summary>Primary unicast address (0x0001-0x7FFF).</summary>
        public int Address { get; internal set; }

        /// <summary>Node id on the Pi's side: address − 0x0005.</summary>
        public int NodeId
        {
            get { return Address - Mesh.NodeAddressing.FirstNodeAddress; }
        }

        /// <summary>Element count from provisioning.</summary>
        public int Elements { get; set; }

        /// <summary>Element 0's models from the composition (CompositionData bits); 0 while unknown.</summary>
        public int Models { get; set; }

        /// <summary>True once composition data page 0 was read and valid.</summary>
        public bool CompositionKnown
        {
            get { return (StepsDone & ConfigurationStep.Composition) != 0; }
        }

        /// <summary>True when the composition shows a relay node (seed §7).</summary>
        public bool IsRelayNode { get; set; }

        /// <summary>Confirmed steps (<see cref="ConfigurationStep"/> bits).</summary>
        public int StepsDone { get; set; }

        /// <summary>Failed attempts since the last confirmed step.</summary>
        public int Failures { get; set; }

        /// <summary>Why the last attempt failed ("" when none).</summary>
        public string LastFailure { get; set; } = "";

        /// <summary>True when the node is provisioned by the stack (its node table has it).</summary>
        public bool Provisioned { get; set; }

        /// <summary>The steps this node needs.</summary>
        public int StepsRequired
        {
            get { return ConfigurationStep.Required(Models, CompositionKnown, IsRelayNode); }
        }

        /// <summary>True when provisioned and every required step is confirmed.</summary>
        public bool FullyConfigured
        {
            get { return Provisioned && CompositionKnown && ConfigurationStep.Next(StepsRequired, StepsDone) == 0; }
        }

        /// <summary>Forgets everything learned after provisioning (a re-provisioned device starts its chain again, B23).</summary>
        public void RestartConfiguration()
        {
            StepsDone = 0;
            Models = 0;
            IsRelayNode = false;
            Failures = 0;
            LastFailure = "";
        }
    }
}
