using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Text;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>
    /// The commands of the demo's interactive console, one line at a time. A line whose first word contains <c>:</c> is one of
    /// the Pi's commands and goes to the gateway as typed (trimmed); any other line is parsed with System.CommandLine against
    /// the tree of console commands (<see cref="Commands"/>): <c>power</c>, <c>link</c>, <c>nodes</c>, <c>stats</c>,
    /// <c>console</c>, <c>pair</c>, <c>raw</c>, <c>help</c>, <c>quit</c>, <c>exit</c>; each takes <c>--help</c>. A line that is neither
    /// (unknown word, missing or bad argument) gets an error on the status writer and changes nothing.
    /// </summary>
    public sealed class DemoConsoleCommands
    {
        private readonly IDemoMesh _mesh;
        private readonly MonitorTracker _monitor;
        private readonly TextWriter _status;
        private readonly Command _root;
        private bool _quit;
        private string _line = string.Empty;

        /// <summary>Builds the command tree acting on <paramref name="mesh"/>; messages go to <paramref name="status"/>.</summary>
        /// <param name="mesh">What the commands act on.</param>
        /// <param name="monitor">Told about every command written to the gateway (for Ctrl-C, <see cref="ConsoleInterrupt"/>).</param>
        /// <param name="status">Where replies of the console itself go (help, tables, errors).</param>
        public DemoConsoleCommands(IDemoMesh mesh, MonitorTracker monitor, TextWriter status)
        {
            _mesh = mesh;
            _monitor = monitor;
            _status = status;
            _root = new Command("demo-console", "the demo's console commands")
            {
                PowerCommand(), LinkCommand(), Simple("nodes", "table of the nodes: image, addresses, power, gateway", () => _mesh.WriteNodes(_status)),
                Simple("stats", "the air's counters per node and per link (sender to receiver)", () => _mesh.WriteStatistics(_status)),
                ConsoleCommand(), PairCommand(), RawCommand(), HelpCommand(),
                Simple("quit", "stop the demo (as do exit, the end of input and Ctrl-D)", () => _quit = true),
                Simple("exit", "stop the demo (as quit)", () => _quit = true),
            };
            _root.Options.Add(new System.CommandLine.Help.HelpOption()); // recursive: every command takes --help
        }

        /// <summary>The console's commands, in the order help lists them.</summary>
        public IReadOnlyList<Command> Commands => new List<Command>(_root.Subcommands);

        /// <summary>Runs one line; returns false when it asked the console to stop (<c>quit</c>, <c>exit</c>).</summary>
        public bool Execute(string line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                return true;
            }

            int blank = trimmed.IndexOfAny(new[] { ' ', '\t' });
            string first = blank < 0 ? trimmed : trimmed.Substring(0, blank);
            if (first.Contains(':', StringComparison.Ordinal))
            {
                Send(trimmed);
                return true;
            }

            ParseResult parsed = _root.Parse(trimmed);
            if (parsed.CommandResult.Command == _root)
            {
                _status.WriteLine("console: no command '" + first + "' (help lists them; the Pi's commands have a ':', raw sends any other text)");
                return true;
            }

            if (parsed.Errors.Count > 0)
            {
                foreach (ParseError error in parsed.Errors)
                {
                    _status.WriteLine("console: " + error.Message);
                }

                _status.WriteLine("console: '" + trimmed + "' not run (" + first + " --help explains it)");
                return true;
            }

            _line = trimmed;
            parsed.Invoke(new InvocationConfiguration { Output = _status, Error = _status });
            return !_quit;
        }

        /// <summary>Writes the list of every command with its arguments and what it does, then how MONITOR and Ctrl-C behave.</summary>
        public void WriteHelp()
        {
            var rows = new List<(string Usage, string Description)>
            {
                ("<id>:<WORD>[:<value>], ALL:<WORD>", "the Pi's commands to the gateway: READ STATUS DUTY:<0-100> RAMP STOP MONITOR ON OFF"),
            };
            foreach (Command command in _root.Subcommands)
            {
                rows.Add((Usage(command), command.Description));
            }

            int width = 0;
            foreach ((string usage, string _) in rows)
            {
                width = Math.Max(width, usage.Length);
            }

            foreach ((string usage, string description) in rows)
            {
                _status.WriteLine("  " + usage.PadRight(width) + "  " + description);
            }

            _status.WriteLine("  MONITOR polls its node every second until the next command: any command stops it (1:READ, 1:STOP …),");
            _status.WriteLine("  and so does Ctrl-C (it sends <id>:READ); Ctrl-C with no MONITOR running stops the demo.");
        }

        private static string Usage(Command command)
        {
            var usage = new StringBuilder(command.Name);
            foreach (Argument argument in command.Arguments)
            {
                string name = argument.HelpName ?? argument.Name;
                bool optional = argument.Arity.MinimumNumberOfValues == 0;
                bool many = argument.Arity.MaximumNumberOfValues > 1;
                usage.Append(optional ? " [" : " <").Append(name).Append(many ? "…" : string.Empty).Append(optional ? "]" : ">");
            }

            return usage.ToString();
        }

        private static Command Simple(string name, string description, Action action)
        {
            var command = new Command(name, description);
            command.SetAction(_ => action());
            return command;
        }

        private static Argument<string> Node(string name, string description) => new Argument<string>(name) { Description = description };

        private static Argument<string> OneOf(string name, string description, params string[] values)
        {
            var argument = new Argument<string>(name) { Description = description, HelpName = string.Join("|", values) };
            argument.AcceptOnlyFromAmong(values);
            return argument;
        }

        private Command PowerCommand()
        {
            Argument<string> node = Node("node", "node name (nodes lists them)");
            Argument<string> state = OneOf("state", "on restores power, off cuts it", "on", "off");
            var command = new Command("power", "cut or restore a node's power") { node, state };
            command.SetAction(result =>
            {
                string name = result.GetValue(node);
                string on = result.GetValue(state);
                _status.WriteLine(_mesh.SetPower(name, on == "on") ? "power: " + name + " " + on : "power: no node " + name + " (nodes lists them)");
            });
            return command;
        }

        private Command LinkCommand()
        {
            Argument<string> a = Node("a", "a node or central name");
            Argument<string> b = Node("b", "the other node or central name");
            Argument<string> state = OneOf("state", "in: they hear each other; out: they do not", "in", "out");
            var loss = new Argument<double>("loss")
            {
                Description = "probability that a reception is lost, 0 to 1",
                Arity = ArgumentArity.ZeroOrOne,
                DefaultValueFactory = _ => 0.0,
                CustomParser = result =>
                {
                    string text = result.Tokens[0].Value;
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= 0 && value <= 1))
                    {
                        result.AddError("loss is a probability, 0 to 1, not " + text);
                    }

                    return value;
                },
            };
            var command = new Command("link", "change who hears whom, and how much is lost") { a, b, state, loss };
            command.SetAction(result =>
            {
                double probability = result.GetValue(loss);
                string inOrOut = result.GetValue(state);
                _mesh.SetLink(result.GetValue(a), result.GetValue(b), inOrOut == "in", probability);
                _status.WriteLine("link: " + result.GetValue(a) + " - " + result.GetValue(b) + " " + inOrOut
                    + (probability > 0 ? ", loss " + probability.ToString(CultureInfo.InvariantCulture) : string.Empty));
            });
            return command;
        }

        private Command ConsoleCommand()
        {
            Argument<string> node = Node("node", "node name (nodes lists them)");
            var text = new Argument<string[]>("line") { Description = "what to type, as typed (help on the node lists its commands)", Arity = ArgumentArity.OneOrMore };
            var command = new Command("console", "type a line on a node's serial console; its output is echoed here") { node, text };
            command.TreatUnmatchedTokensAsErrors = false; // the node's own options (e.g. "-x") are its business
            command.SetAction(result =>
            {
                string name = result.GetValue(node);
                string typed = Remainder(_line, 2);
                if (!_mesh.TypeOnConsole(name, typed))
                {
                    _status.WriteLine("console: no powered node " + name + " (nodes lists them)");
                }
            });
            return command;
        }

        private Command PairCommand()
        {
            Argument<string> node = Node("node", "a universal node's name (nodes lists them)");
            var command = new Command("pair", "pair the Pi with a node as bluetoothctl pair does; a node in passkey mode asks for the 6 digits its console shows ('gatt pair' there)") { node };
            command.SetAction(result =>
            {
                _mesh.PairGateway(result.GetValue(node), out string outcome);
                _status.WriteLine(outcome);
            });
            return command;
        }

        private Command RawCommand()
        {
            var text = new Argument<string[]>("text") { Description = "any text", Arity = ArgumentArity.OneOrMore };
            var command = new Command("raw", "write text to the gateway as typed, even without ':' (to see the gateway's error replies)") { text };
            command.TreatUnmatchedTokensAsErrors = false;
            command.SetAction(result => Send(Remainder(_line, 1)));
            return command;
        }

        private Command HelpCommand()
        {
            var name = new Argument<string>("command") { Description = "a command to explain in full", Arity = ArgumentArity.ZeroOrOne };
            var command = new Command("help", "list the commands; help <command> explains one") { name };
            command.SetAction(result =>
            {
                string about = result.GetValue(name);
                if (about == null)
                {
                    WriteHelp();
                    return 0;
                }

                foreach (Command known in _root.Subcommands)
                {
                    if (known.Name == about)
                    {
                        return _root.Parse(new[] { about, "--help" }).Invoke(new InvocationConfiguration { Output = _status, Error = _status });
                    }
                }

                _status.WriteLine("help: no command " + about);
                return 1;
            });
            return command;
        }

        private void Send(string command)
        {
            if (_mesh.SendToGateway(command, out string error))
            {
                _monitor.Written(command);
            }
            else
            {
                _status.WriteLine("gateway: '" + command + "' could not be written (" + error + ")");
            }
        }

        /// <summary>The line after its first <paramref name="words"/> words, as typed (blanks inside kept).</summary>
        private static string Remainder(string line, int words)
        {
            int at = 0;
            string text = line.Trim();
            for (int word = 0; word < words; word++)
            {
                while (at < text.Length && !char.IsWhiteSpace(text[at]))
                {
                    at++;
                }

                while (at < text.Length && char.IsWhiteSpace(text[at]))
                {
                    at++;
                }
            }

            return text.Substring(at);
        }
    }
}
