namespace nanoFramework.Runtime.Events
{
    /// <summary>Emulation of nanoFramework.Runtime.Events' <c>BaseEvent</c> (base of GPIO change events).</summary>
    public class BaseEvent
    {
        /// <summary>Event source.</summary>
        public ushort Source;

        /// <summary>Event message.</summary>
        public byte Message;
    }
}
