using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using DcMonitor.Emulator.Board;

namespace nanoFramework.Runtime.Events
{
    /// <summary>Emulation of nanoFramework.Runtime.Events' custom event arguments (Data1 = ushort, Data2 = uint).</summary>
    public class CustomEventArgs : EventArgs
    {
        /// <summary>Creates the arguments (not public: only the runtime creates them, as in nanoFramework).</summary>
        internal CustomEventArgs(ushort data1, uint data2)
        {
            Data1 = data1;
            Data2 = data2;
        }

        /// <summary>First datum posted by native code.</summary>
        public ushort Data1 { get; }

        /// <summary>Second datum posted by native code.</summary>
        public uint Data2 { get; }
    }

    /// <summary>Emulation of the custom-event delegate.</summary>
    public delegate void CustomEventPostedEventHandler(object sender, CustomEventArgs e);

    /// <summary>
    /// Emulation of nanoFramework.Runtime.Events' <c>CustomEvent</c>: native code posts (<see cref="Post"/>), and the
    /// handlers subscribed on the same board run on that board's event thread, one event at a time, as nanoCLR's
    /// event dispatcher runs them. Handlers are kept per board, so nodes sharing an emulator process stay apart.
    /// </summary>
    public static class CustomEvent
    {
        private static readonly ConditionalWeakTable<VirtualBoard, Dispatcher> s_dispatchers = new ConditionalWeakTable<VirtualBoard, Dispatcher>();

        /// <summary>Raised on the board's event thread for each posted custom event.</summary>
        public static event CustomEventPostedEventHandler CustomEventPosted
        {
            add => DispatcherOf(VirtualBoard.Current).Add(value);
            remove => DispatcherOf(VirtualBoard.Current).Remove(value);
        }

        /// <summary>
        /// Native side: posts a custom event to the handlers of <paramref name="board"/>. Internal: firmware cannot post
        /// (the real class has no such method); the emulated native components in this assembly do.
        /// </summary>
        internal static void Post(VirtualBoard board, ushort data1, uint data2)
        {
            DispatcherOf(board).Post(new CustomEventArgs(data1, data2));
        }

        private static Dispatcher DispatcherOf(VirtualBoard board) => s_dispatchers.GetValue(board, b => new Dispatcher(b));

        private sealed class Dispatcher
        {
            private readonly VirtualBoard _board;
            private readonly List<CustomEventPostedEventHandler> _handlers = new List<CustomEventPostedEventHandler>();
            private readonly BlockingCollection<CustomEventArgs> _posted = new BlockingCollection<CustomEventArgs>();
            private Thread _thread;

            public Dispatcher(VirtualBoard board)
            {
                _board = board;
            }

            public void Add(CustomEventPostedEventHandler handler)
            {
                lock (_handlers)
                {
                    _handlers.Add(handler);
                }
            }

            public void Remove(CustomEventPostedEventHandler handler)
            {
                lock (_handlers)
                {
                    _handlers.Remove(handler);
                }
            }

            public void Post(CustomEventArgs args)
            {
                lock (_handlers)
                {
                    if (_thread == null)
                    {
                        _thread = new Thread(Run) { IsBackground = true, Name = "nanoCLR events" };
                        _thread.Start();
                    }
                }

                _posted.Add(args);
            }

            private void Run()
            {
                using (_board.Activate())
                {
                    foreach (CustomEventArgs args in _posted.GetConsumingEnumerable())
                    {
                        CustomEventPostedEventHandler[] handlers;
                        lock (_handlers)
                        {
                            handlers = _handlers.ToArray();
                        }

                        foreach (CustomEventPostedEventHandler handler in handlers)
                        {
                            handler(null, args);
                        }
                    }
                }
            }
        }
    }
}
