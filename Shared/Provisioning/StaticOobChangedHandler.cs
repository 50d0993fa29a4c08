namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// Gives the mesh stack the static OOB secret a node offers at its next provisioning (<see cref="StaticOobSetting"/>):
    /// <paramref name="value"/> is 1–16 bytes, or null for No OOB. Returns false when the stack refused it.
    /// </summary>
    public delegate bool StaticOobChangedHandler(byte[] value);
}
