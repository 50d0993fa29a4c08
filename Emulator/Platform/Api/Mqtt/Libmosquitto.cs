using System;
using System.Runtime.InteropServices;

namespace DcMonitor.Emulator.Mqtt
{
    /// <summary>
    /// The parts of Debian's libmosquitto (Eclipse Mosquitto's MQTT client library, package libmosquitto1, mosquitto.h) the
    /// emulated nanoFramework.M2Mqtt client is built on. No .NET MQTT client library is in this machine's NuGet copy, and
    /// a hand-written MQTT client would be exactly the plumbing a well-kept library should provide.
    /// </summary>
    internal static class Libmosquitto
    {
        private const string Library = "libmosquitto.so.1";

        /// <summary>MOSQ_ERR_SUCCESS.</summary>
        public const int Success = 0;

        /// <summary>MOSQ_ERR_NO_CONN.</summary>
        public const int NoConnection = 4;

        /// <summary>MOSQ_OPT_PROTOCOL_VERSION and MQTT_PROTOCOL_V311.</summary>
        public const int OptionProtocolVersion = 1, ProtocolV311 = 4;

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate void ConnectCallback(IntPtr mosquitto, IntPtr userData, int returnCode);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate void DisconnectCallback(IntPtr mosquitto, IntPtr userData, int reason);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate void PublishCallback(IntPtr mosquitto, IntPtr userData, int messageId);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate void MessageCallback(IntPtr mosquitto, IntPtr userData, IntPtr message);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate void SubscribeCallback(IntPtr mosquitto, IntPtr userData, int messageId, int qosCount, IntPtr grantedQos);

        /// <summary>struct mosquitto_message.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct Message
        {
            public int MessageId;
            public IntPtr Topic;
            public IntPtr Payload;
            public int PayloadLength;
            public int Qos;
            [MarshalAs(UnmanagedType.I1)]
            public bool Retain;
        }

        [DllImport(Library, EntryPoint = "mosquitto_lib_init")]
        public static extern int LibraryInit();

        [DllImport(Library, EntryPoint = "mosquitto_new")]
        public static extern IntPtr New([MarshalAs(UnmanagedType.LPUTF8Str)] string id, [MarshalAs(UnmanagedType.I1)] bool cleanSession, IntPtr userData);

        [DllImport(Library, EntryPoint = "mosquitto_destroy")]
        public static extern void Destroy(IntPtr mosquitto);

        [DllImport(Library, EntryPoint = "mosquitto_int_option")]
        public static extern int IntOption(IntPtr mosquitto, int option, int value);

        [DllImport(Library, EntryPoint = "mosquitto_username_pw_set")]
        public static extern int UsernamePasswordSet(IntPtr mosquitto, [MarshalAs(UnmanagedType.LPUTF8Str)] string username, [MarshalAs(UnmanagedType.LPUTF8Str)] string password);

        [DllImport(Library, EntryPoint = "mosquitto_will_set")]
        public static extern int WillSet(IntPtr mosquitto, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int payloadLength, byte[] payload, int qos, [MarshalAs(UnmanagedType.I1)] bool retain);

        [DllImport(Library, EntryPoint = "mosquitto_connect")]
        public static extern int Connect(IntPtr mosquitto, [MarshalAs(UnmanagedType.LPUTF8Str)] string host, int port, int keepAlive);

        [DllImport(Library, EntryPoint = "mosquitto_disconnect")]
        public static extern int Disconnect(IntPtr mosquitto);

        [DllImport(Library, EntryPoint = "mosquitto_loop_start")]
        public static extern int LoopStart(IntPtr mosquitto);

        [DllImport(Library, EntryPoint = "mosquitto_loop_stop")]
        public static extern int LoopStop(IntPtr mosquitto, [MarshalAs(UnmanagedType.I1)] bool force);

        [DllImport(Library, EntryPoint = "mosquitto_publish")]
        public static extern int Publish(IntPtr mosquitto, out int messageId, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int payloadLength, byte[] payload, int qos, [MarshalAs(UnmanagedType.I1)] bool retain);

        [DllImport(Library, EntryPoint = "mosquitto_subscribe")]
        public static extern int Subscribe(IntPtr mosquitto, out int messageId, [MarshalAs(UnmanagedType.LPUTF8Str)] string pattern, int qos);

        [DllImport(Library, EntryPoint = "mosquitto_unsubscribe")]
        public static extern int Unsubscribe(IntPtr mosquitto, out int messageId, [MarshalAs(UnmanagedType.LPUTF8Str)] string pattern);

        [DllImport(Library, EntryPoint = "mosquitto_connect_callback_set")]
        public static extern void ConnectCallbackSet(IntPtr mosquitto, ConnectCallback callback);

        [DllImport(Library, EntryPoint = "mosquitto_disconnect_callback_set")]
        public static extern void DisconnectCallbackSet(IntPtr mosquitto, DisconnectCallback callback);

        [DllImport(Library, EntryPoint = "mosquitto_publish_callback_set")]
        public static extern void PublishCallbackSet(IntPtr mosquitto, PublishCallback callback);

        [DllImport(Library, EntryPoint = "mosquitto_message_callback_set")]
        public static extern void MessageCallbackSet(IntPtr mosquitto, MessageCallback callback);

        [DllImport(Library, EntryPoint = "mosquitto_subscribe_callback_set")]
        public static extern void SubscribeCallbackSet(IntPtr mosquitto, SubscribeCallback callback);
    }
}
