namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// Who may use service 0xDC01 (<see cref="MeshNode.SetGattSecurity"/>; DCM_GATT_SECURITY_* in dcm_mesh.h; docs/security.md).
    /// </summary>
    public enum GattSecurityMode
    {
        /// <summary>No security: DC03 writes, DC02 reads and notifications for any central.</summary>
        Open = 0,

        /// <summary>DC02/DC03 need an encrypted link with a bonded central (LE Secure Connections, Just Works; NimBLE
        /// BLE_GATT_CHR_F_READ_ENC / _WRITE_ENC and the bridge's bond check); new bonds only inside the pairing window.</summary>
        Bonded = 1,

        /// <summary>As <see cref="Bonded"/>, with an authenticated bond (passkey entry; BLE_GATT_CHR_F_*_AUTHEN).</summary>
        Passkey = 2,
    }
}
