using System;

namespace DcMonitor.Shared.Runtime
{
    /// <summary>Receives the exception of a work item that threw.</summary>
    public delegate void WorkItemFailedHandler(Exception exception);
}
