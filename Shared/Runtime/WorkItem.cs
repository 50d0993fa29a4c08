namespace DcMonitor.Shared.Runtime
{
    /// <summary>A unit of work run on a <see cref="WorkQueue"/>'s thread.</summary>
    public delegate void WorkItem();
}
