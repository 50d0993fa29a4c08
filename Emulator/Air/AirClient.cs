using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// A client of the air endpoint (central or control role): sends requests with ids and waits for their
    /// replies; unsolicited events (notify, disconnected, console_out) go to <see cref="Events"/>.
    /// </summary>
    public sealed class AirClient : IDisposable
    {
        private readonly JsonLineConnection _connection;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new ConcurrentDictionary<int, TaskCompletionSource<JsonObject>>();
        private int _nextId;

        private AirClient(JsonLineConnection connection)
        {
            _connection = connection;
            _connection.Received += OnReceived;
            _connection.Closed += () => Events.Add(new JsonObject { ["op"] = "closed" });
            _connection.Start();
        }

        /// <summary>Events without an id, in arrival order.</summary>
        public BlockingCollection<JsonObject> Events { get; } = new BlockingCollection<JsonObject>();

        /// <summary>Connects and says hello in <paramref name="role"/>.</summary>
        /// <exception cref="InvalidOperationException">The endpoint did not answer the hello.</exception>
        public static AirClient Connect(int port, string role, string name)
        {
            var client = new AirClient(JsonLineConnection.Connect("127.0.0.1", port));
            JsonObject hello = client.Request(new JsonObject { ["op"] = "hello", ["role"] = role, ["name"] = name }, 5000);
            if (hello == null || (string)hello["op"] != "hello")
            {
                throw new InvalidOperationException("the air endpoint did not answer hello");
            }

            return client;
        }

        /// <summary>Sends a request and waits for the reply with the same id (null on timeout).</summary>
        public JsonObject Request(JsonObject request, int timeoutMilliseconds = 10000)
        {
            int id = Interlocked.Increment(ref _nextId);
            request["id"] = id;
            var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = completion;
            if (!_connection.Send(request) || !completion.Task.Wait(timeoutMilliseconds))
            {
                _pending.TryRemove(id, out _);
                return null;
            }

            return completion.Task.Result;
        }

        /// <summary>Closes the connection.</summary>
        public void Dispose() => _connection.Dispose();

        private void OnReceived(JsonObject message)
        {
            JsonNode id = message["id"];
            if (id != null && id.GetValueKind() == System.Text.Json.JsonValueKind.Number && _pending.TryRemove((int)id, out TaskCompletionSource<JsonObject> completion))
            {
                completion.TrySetResult(message);
                return;
            }

            Events.Add(message);
        }
    }
}
