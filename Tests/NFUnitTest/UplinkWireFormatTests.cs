using System;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The uplink's byte formats at their edges (issue "MQTT uplink"): the 8-byte reading report's exact layout (format 2: INA260
    /// registers, 1.25 mA steps), format 1 of older firmware, refusals; the energy, identity, heartbeat, command and identity-request messages byte for byte; the 16-byte queued reading
    /// with its energy-unknown flag and range checks on decode.
    /// </summary>
    [TestClass]
    public class UplinkWireFormatTests
    {
        [TestMethod]
        public void AReadingReportsBytesAreLittleEndianWithTheChangeFlagInTheDutyByte()
        {
            ReadingReport report = new ReadingReport();
            report.Set(0x1234, Reading(9601, 0xFFFE), 55, 0x9A, true); // 12.00125 V, -2.5 mA
            byte[] bytes = new byte[ReadingReport.EncodedLength];
            report.Encode(bytes);
            AssertBytes(new byte[] { 0x34, 0x12, 0x81, 0x25 | 0x80, 0xFE, 0xFF, 0x80 | 55, 0x9A }, bytes);
        }

        [DataRow(0, 0)]
        [DataRow(9600, 12000000)]
        [DataRow(32767, 40958750)]
        [DataRow(65535, 40958750)]
        public void AReportCarriesTheBusVoltageRegisterBesideTheFormatMark(int register, int expectedMicrovolts)
        {
            ReadingReport report = new ReadingReport();
            report.Set(0, Reading((ushort)register, 0), 0, 0, false);
            Assert.AreEqual(expectedMicrovolts, report.BusMicrovolts, "the chip's bit 15 is never data");
            byte[] bytes = new byte[ReadingReport.EncodedLength];
            report.Encode(bytes);
            Assert.AreEqual(0x80, bytes[3] & 0x80, "format 2 mark");
            ReadingReport copy = new ReadingReport();
            Assert.IsTrue(copy.TryDecode(bytes, bytes.Length));
            Assert.AreEqual(2, copy.Format);
            Assert.AreEqual(expectedMicrovolts, copy.BusMicrovolts);
        }

        [DataRow(32767, 40958750)]
        [DataRow(-32768, -40960000)]
        [DataRow(-1, -1250)]
        [DataRow(1, 1250)]
        [DataRow(10, 12500)]
        public void AReportsCurrentKeepsTheSensorsOneAndAQuarterMilliampSteps(int register, int expectedMicroamps)
        {
            ReadingReport report = new ReadingReport();
            report.Set(0, Reading(0, (ushort)register), 0, 0, false);
            byte[] bytes = new byte[ReadingReport.EncodedLength];
            report.Encode(bytes);
            ReadingReport copy = new ReadingReport();
            Assert.IsTrue(copy.TryDecode(bytes, bytes.Length));
            Assert.AreEqual(expectedMicroamps, copy.CurrentMicroamps);
        }

        [TestMethod]
        public void AFormatOneReportOfOlderFirmwareIsStillDecodedInWholeUnits()
        {
            ReadingReport copy = new ReadingReport();
            Assert.IsTrue(copy.TryDecode(new byte[] { 0x34, 0x12, 0xE1, 0x2E, 0xFE, 0xFF, 55, 0 }, 8)); // 12001 mV, -2 mA
            Assert.AreEqual(1, copy.Format);
            Assert.AreEqual(12001000, copy.BusMicrovolts);
            Assert.AreEqual(12001, copy.BusMillivolts);
            Assert.AreEqual(-2000, copy.CurrentMicroamps);
            Assert.AreEqual(0x1234, copy.Sequence);
        }

        [DataRow(-1, 0, 0)]
        [DataRow(65536, 0, 0)]
        [DataRow(0, -1, 0)]
        [DataRow(0, 101, 0)]
        [DataRow(0, 0, -1)]
        [DataRow(0, 0, 256)]
        public void AReportRefusesWhatItsBytesCannotCarry(int sequence, int duty, int token)
        {
            ReadingReport report = new ReadingReport();
            report.Set(7, Reading(9600, 8), 20, 30, false);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { report.Set(sequence, Reading(9600, 0), duty, token, false); });
            Assert.AreEqual(7, report.Sequence, "a refused report changes nothing");
            Assert.AreEqual(20, report.DutyPercent);
            Assert.AreEqual(10000, report.CurrentMicroamps);
            Assert.ThrowsException(typeof(ArgumentNullException), delegate { report.Set(1, null, 0, 0, false); });
        }

        [TestMethod]
        public void AReportIsDecodedOnlyFromEightBytesWithADutyOfAtMostHundred()
        {
            ReadingReport report = new ReadingReport();
            Assert.IsFalse(report.TryDecode(null, 8));
            Assert.IsFalse(report.TryDecode(new byte[7], 8), "the length claims more than the array holds");
            Assert.IsFalse(report.TryDecode(new byte[8], 7));
            byte[] bytes = new byte[] { 1, 0, 0, 0, 0, 0, 0x80 | 100, 0 };
            Assert.IsTrue(report.TryDecode(bytes, 8));
            Assert.AreEqual(100, report.DutyPercent);
            Assert.IsTrue(report.Changed);
            Assert.IsTrue(report.Urgent);
            bytes[6] = 0x80 | 101;
            Assert.IsFalse(report.TryDecode(bytes, 8), "101 % with the change flag");
            Assert.AreEqual(100, report.DutyPercent, "a refused report leaves the last one");
            byte[] longer = new byte[] { 2, 0, 0, 0, 0, 0, 5, 0, 0xEE, 0xEE };
            Assert.IsNotNull(ReadingReport.Rejection(bytes, 8), "the log says why");
            Assert.IsNull(ReadingReport.Rejection(longer, longer.Length));
            Assert.IsTrue(report.TryDecode(longer, longer.Length), "bytes after the report are ignored");
            Assert.AreEqual(2, report.Sequence);
            Assert.IsFalse(report.Urgent, "no change and no command token");
        }

        [TestMethod]
        public void AnEnergyReportIsTheSequenceThenTheCounter()
        {
            byte[] report = UplinkMessages.EnergyReport(0x0102, 0xA1B2C3D4);
            AssertBytes(new byte[] { 0x02, 0x01, 0xD4, 0xC3, 0xB2, 0xA1 }, report);
            Assert.AreEqual(0xA1B2C3D4u, UplinkMessages.EnergyOf(report, report.Length));
            Assert.AreEqual(0u, UplinkMessages.EnergyOf(UplinkMessages.EnergyReport(65535, 0), UplinkMessages.EnergyReportLength));
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.EnergyOf(null, 6); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.EnergyOf(new byte[5], 6); });
        }

        [TestMethod]
        public void AnIdentityIsTheUuidsAddressBytesAndRebuildsOurUuidShape()
        {
            byte[] uuid = new byte[] { 0xDD, 0xDD, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 9, 9, 9, 9, 9, 9, 9, 9 };
            byte[] identity = UplinkMessages.Identity(uuid);
            AssertBytes(new byte[] { 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5 }, identity);
            byte[] rebuilt = UplinkMessages.UuidOf(identity, identity.Length);
            AssertBytes(new byte[] { 0xDD, 0xDD, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0, 0, 0, 0, 0, 0, 0, 0 }, rebuilt);
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Identity(new byte[15]); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Identity(null); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.UuidOf(identity, 5); });
        }

        [TestMethod]
        public void HeartbeatsAndCommandsHaveTheirDocumentedBytes()
        {
            AssertBytes(new byte[] { 0x03, 0x00 }, UplinkMessages.Heartbeat(true));
            AssertBytes(new byte[] { 0x01, 0x00 }, UplinkMessages.Heartbeat(false));
            Assert.AreEqual(UplinkMessages.HeartbeatLength, UplinkMessages.Heartbeat(true).Length);
            AssertBytes(new byte[] { 255, 4, 50 }, UplinkMessages.Command(255, new byte[] { 4, 50 }));
            AssertBytes(new byte[] { 1, 1, 0 }, UplinkMessages.Command(1, new byte[] { 1, 0, 0xEE }));
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Command(256, new byte[] { 4, 50 }); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Command(-1, new byte[] { 4, 50 }); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Command(1, new byte[] { 4 }); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Command(1, null); });
        }

        [TestMethod]
        public void TheIdentityRequestIsRecognisedAndNoCommandIsMistakenForIt()
        {
            byte[] request = UplinkMessages.IdentityRequest();
            AssertBytes(new byte[] { 0x00, 0xFF, 0x00 }, request);
            Assert.IsTrue(UplinkMessages.IsIdentityRequest(request, request.Length));
            Assert.IsFalse(UplinkMessages.IsIdentityRequest(request, 2), "short");
            Assert.IsFalse(UplinkMessages.IsIdentityRequest(new byte[] { 0x00, 0xFF, 0x00, 0x00 }, 4), "long");
            Assert.IsFalse(UplinkMessages.IsIdentityRequest(null, 3));
            Assert.IsFalse(UplinkMessages.IsIdentityRequest(new byte[] { 0x00, 0xFF }, 3), "the length claims more than the array holds");
            for (int token = 1; token <= 255; token++)
            {
                byte[] command = UplinkMessages.Command(token, new byte[] { UplinkMessages.IdentifyCommand, 0 });
                Assert.IsFalse(UplinkMessages.IsIdentityRequest(command, command.Length), "token " + token.ToString());
            }
        }

        [TestMethod]
        public void AQueuedReadingsBytesAreItsDocumentedLayout()
        {
            UplinkReading reading = new UplinkReading(0x0102, 0x0304, 0x0506, -2, 100, 0x0A0B0C0D);
            byte[] bytes = new byte[UplinkReading.EncodedLength];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = 0xEE;
            }

            reading.Encode(bytes, 0);
            AssertBytes(new byte[] { 0x02, 0x01, 0x04, 0x03, 0x06, 0x05, 100, 0, 0x0D, 0x0C, 0x0B, 0x0A, 0xFE, 0xFF, 0xFF, 0xFF }, bytes);
            UplinkReading unknown = new UplinkReading(0x0102, 1, 0, 0, 0, 0x0A0B0C0D, false);
            Assert.AreEqual(0u, unknown.EnergyMilliwattHours, "an unknown energy is not carried");
            unknown.Encode(bytes, 0);
            Assert.AreEqual((byte)1, bytes[7], "the energy-unknown flag");
            UplinkReading copy = UplinkReading.Decode(bytes, 0);
            Assert.IsFalse(copy.EnergyKnown);
            Assert.AreEqual(0x0102, copy.Address);
        }

        [DataRow(0, 0, 0, 0)]
        [DataRow(0x8000, 0, 0, 0)]
        [DataRow(1, 65536, 0, 0)]
        [DataRow(1, -1, 0, 0)]
        [DataRow(1, 0, 65536, 0)]
        [DataRow(1, 0, -1, 0)]
        [DataRow(1, 0, 0, -1)]
        [DataRow(1, 0, 0, 101)]
        public void AReadingOutsideItsFieldsIsRefused(int address, int sequence, int millivolts, int duty)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new UplinkReading(address, sequence, millivolts, 0, duty, 0); });
        }

        [TestMethod]
        public void DecodingChecksTheFieldsAsTheConstructorDoes()
        {
            byte[] bytes = new byte[UplinkReading.EncodedLength];
            new UplinkReading(0x0005, 1, 12000, 0, 50, 0).Encode(bytes, 0);
            bytes[6] = 101;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { UplinkReading.Decode(bytes, 0); }, "duty 101 on flash");
            bytes[6] = 50;
            LittleEndian.Write32(bytes, 12, 40960001);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { UplinkReading.Decode(bytes, 0); }, "a current beyond the INA260's range on flash");
            LittleEndian.Write32(bytes, 12, 0);
            bytes[0] = 0;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { UplinkReading.Decode(bytes, 0); }, "address 0 on flash");
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkReading.Decode(null, 0); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkReading.Decode(bytes, -1); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkReading.Decode(bytes, 1); });
        }

        private static SensorReading Reading(ushort busVoltageRegister, ushort currentRegister)
        {
            SensorReading reading = new SensorReading();
            reading.Set(currentRegister, busVoltageRegister, 0);
            return reading;
        }

        private static void AssertBytes(byte[] expected, byte[] actual)
        {
            Assert.IsNotNull(actual);
            Assert.AreEqual(expected.Length, actual.Length, "length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "byte " + i.ToString());
            }
        }
    }
}
