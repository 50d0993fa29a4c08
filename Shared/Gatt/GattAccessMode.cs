namespace DcMonitor.Shared.Gatt
{
    /// <summary>
    /// Who may use the Pi's GATT service 0xDC01 (docs/security.md). The numbers are the native component's
    /// (DcMonitor.MeshInterop.GattSecurityMode, DCM_GATT_SECURITY_* in dcm_mesh.h).
    /// </summary>
    public enum GattAccessMode
    {
        /// <summary>Anyone in radio range may write DC03 and receive DC02 (the replaced system's behaviour; for a bench).</summary>
        Open = 0,

        /// <summary>DC03 writes, DC02 reads and notifications need an encrypted link with a bonded central (LE Secure
        /// Connections, Just Works); new bonds only inside the pairing window. The default of a new node.</summary>
        Bonded = 1,

        /// <summary>As <see cref="Bonded"/>, and the bond must be authenticated: pairing by passkey entry with the 6-digit
        /// passkey the node prints on its console (protection against a man in the middle).</summary>
        Passkey = 2,
    }
}
