using System;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// A node's reply to one command: the text of seed protocol §2.5/§2.7 (what the console prints, what a text
    /// STATUS carries, what the Pi sees) and, when it has one, the binary STATUS form of ARCHITECTURE §7
    /// (readings and sensor/ramp errors; unknown text and invalid values have none). Immutable, except the reused
    /// reading reply (<see cref="ForReusedReading"/>) that its owner refills for each read (issue 16: a binary READ
    /// and its STATUS allocate nothing, and its text is formatted only when someone asks for it).
    /// </summary>
    public sealed class NodeReply
    {
        private readonly SensorReading _registers = new SensorReading();
        private readonly SensorPayloadFormatter _formatter;
        private BatteryReading _battery;
        private int _batteryAgeSeconds;
        private string _text;

        private NodeReply(string text, bool hasBinaryForm, BinaryStatusKind kind, int dutyPercent, SensorPayloadFormatter formatter)
        {
            _text = text;
            HasBinaryForm = hasBinaryForm;
            Kind = kind;
            DutyPercent = dutyPercent;
            _formatter = formatter;
        }

        /// <summary>
        /// The reply text. For a reused reading reply it is the sensor payload, formatted on the first call after
        /// each <see cref="SetReading"/> (a new string each read).
        /// </summary>
        public string Text
        {
            get
            {
                if (_text == null && _formatter != null)
                {
                    _text = _formatter.Format(DutyPercent, _registers.BusVoltageMicrovolts, _registers.CurrentMicroamps);
                }

                return _text;
            }
        }

        /// <summary>
        /// Appends the reply text (the same characters as <see cref="Text"/>) to <paramref name="destination"/>. A reused reading
        /// reply is formatted straight into it, so this allocates nothing (issue 16: the gateway's local READ); its
        /// <see cref="ReplyWriter.Overflowed"/> tells whether the text fitted.
        /// </summary>
        /// <exception cref="ArgumentNullException">destination is null.</exception>
        public void WriteText(ReplyWriter destination)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            if (_text == null && _formatter != null)
            {
                _formatter.Write(DutyPercent, _registers.BusVoltageMicrovolts, _registers.CurrentMicroamps, destination);
                return;
            }

            destination.Append(_text);
        }

        /// <summary>True when <see cref="EncodeBinary"/> can express the reply.</summary>
        public bool HasBinaryForm { get; }

        /// <summary>Binary kind (meaningful when <see cref="HasBinaryForm"/>).</summary>
        public BinaryStatusKind Kind { get; }

        /// <summary>Commanded duty at the time of the reply, 0–100.</summary>
        public int DutyPercent { get; private set; }

        /// <summary>A reading: <paramref name="text"/> is its payload.</summary>
        public static NodeReply ForReading(string text, int dutyPercent, SensorReading reading)
        {
            NodeReply reply = new NodeReply(text, true, BinaryStatusKind.Reading, dutyPercent, null);
            reply._registers.CopyFrom(reading);
            return reply;
        }

        /// <summary>
        /// A reading reply meant to be reused: its owner calls <see cref="SetReading"/> before each reply, so a receiver
        /// must use it (its text, its binary form) before the reply call returns and must not keep it. Its text is
        /// formatted by <paramref name="formatter"/> only when <see cref="Text"/> is read.
        /// </summary>
        /// <exception cref="ArgumentNullException">formatter is null.</exception>
        public static NodeReply ForReusedReading(SensorPayloadFormatter formatter)
        {
            if (formatter == null)
            {
                throw new ArgumentNullException("formatter");
            }

            return new NodeReply(null, true, BinaryStatusKind.Reading, 0, formatter);
        }

        /// <summary>A sensor or ramp error that the binary form carries (<see cref="BinaryStatusKind"/> other than Reading).</summary>
        public static NodeReply ForStatus(string text, BinaryStatusKind kind, int dutyPercent)
        {
            return new NodeReply(text, true, kind, dutyPercent, null);
        }

        /// <summary>
        /// A reply to <c>batt</c> (issue 18): <paramref name="kind"/> <see cref="BinaryStatusKind.BatteryReading"/> with a copy of
        /// <paramref name="reading"/> taken <paramref name="ageSeconds"/> ago (text <c>BATT:V:12.71V,SOC:87%,T:21C</c>), or
        /// <see cref="BinaryStatusKind.NoBatteryMonitor"/> / <see cref="BinaryStatusKind.BatteryMonitorUnreachable"/> (text
        /// <c>BATT:ERROR:…</c>, <paramref name="reading"/> ignored).
        /// </summary>
        /// <exception cref="ArgumentException">kind is not a battery kind, or a reading kind without a reading.</exception>
        public static NodeReply ForBattery(BinaryStatusKind kind, BatteryReading reading, int ageSeconds)
        {
            string text;
            switch (kind)
            {
                case BinaryStatusKind.BatteryReading:
                    if (reading == null)
                    {
                        throw new ArgumentException("a battery reading reply needs its reading");
                    }

                    text = BatteryReplies.Reading(reading);
                    break;
                case BinaryStatusKind.NoBatteryMonitor:
                    text = BatteryReplies.Prefix + BatteryReplies.NoBatteryMonitor;
                    break;
                case BinaryStatusKind.BatteryMonitorUnreachable:
                    text = BatteryReplies.Prefix + BatteryReplies.BatteryMonitorUnreachable;
                    break;
                default:
                    throw new ArgumentException("not a battery status kind");
            }

            NodeReply reply = new NodeReply(text, true, kind, 0, null);
            reply._battery = new BatteryReading();
            if (reading != null && kind == BinaryStatusKind.BatteryReading)
            {
                reply._battery.CopyFrom(reading);
            }

            reply._batteryAgeSeconds = ageSeconds;
            return reply;
        }

        /// <summary>A reply only text can carry (unknown command, invalid value).</summary>
        public static NodeReply TextOnly(string text)
        {
            return new NodeReply(text, false, BinaryStatusKind.Reading, 0, null);
        }

        /// <summary>Refills a reused reading reply with a new read (<paramref name="reading"/>'s registers are copied) and the commanded duty, 0–100.</summary>
        /// <exception cref="InvalidOperationException">the reply was not created by <see cref="ForReusedReading"/>.</exception>
        public void SetReading(int dutyPercent, SensorReading reading)
        {
            if (_formatter == null)
            {
                throw new InvalidOperationException("only a reply from ForReusedReading is refilled");
            }

            DutyPercent = dutyPercent;
            _registers.CopyFrom(reading);
            _text = null;
        }

        /// <summary>Writes the 8-byte binary STATUS into <paramref name="destination"/>; false when there is no binary form.</summary>
        public bool EncodeBinary(byte[] destination)
        {
            if (!HasBinaryForm)
            {
                return false;
            }

            if (_battery != null)
            {
                BinaryStatusCodec.EncodeBattery(Kind, _battery, _batteryAgeSeconds, destination);
                return true;
            }

            BinaryStatusCodec.Encode(Kind, DutyPercent, _registers, destination);
            return true;
        }
    }
}
