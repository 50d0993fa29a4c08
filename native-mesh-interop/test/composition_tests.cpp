// Element 0 of the three images (issue native-mesh-interop §1) and opcodes as they go on air.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "dcm_composition.h"
}

namespace
{
constexpr uint32_t kUniversal = DCM_MODEL_CONFIG_SERVER | DCM_MODEL_DF_SERVER | DCM_MODEL_GENERIC_ONOFF_CLIENT | DCM_MODEL_GENERIC_ONOFF_SERVER |
                                DCM_MODEL_VENDOR_SERVER | DCM_MODEL_VENDOR_CLIENT;
constexpr uint32_t kRelay = DCM_MODEL_CONFIG_SERVER | DCM_MODEL_DF_SERVER;
constexpr uint32_t kProvisioner = DCM_MODEL_CONFIG_SERVER | DCM_MODEL_CONFIG_CLIENT | DCM_MODEL_DF_CLIENT | DCM_MODEL_GENERIC_ONOFF_CLIENT;

std::vector<std::pair<uint16_t, uint16_t>> Plan(uint32_t models)
{
    dcm_model_id_t out[DCM_COMPOSITION_MAX_MODELS];
    size_t count = dcm_composition_plan(models, out, DCM_COMPOSITION_MAX_MODELS);
    std::vector<std::pair<uint16_t, uint16_t>> plan;
    for (size_t i = 0; i < count; i++)
    {
        plan.emplace_back(out[i].company_id, out[i].model_id);
    }
    return plan;
}

std::vector<uint8_t> Encode(uint32_t opcode)
{
    uint8_t out[3] = {0, 0, 0};
    size_t length = dcm_opcode_encode(opcode, out);
    return std::vector<uint8_t>(out, out + length);
}
} // namespace

TEST(Composition, UniversalNode)
{
    std::vector<std::pair<uint16_t, uint16_t>> expected = {
        {0xFFFF, 0x0000}, {0xFFFF, 0x0006}, {0xFFFF, 0x1001}, {0xFFFF, 0x1000}, {0x02E5, 0x0001}, {0x02E5, 0x0000}};
    EXPECT_EQ(expected, Plan(kUniversal));
}

TEST(Composition, RelayNodeHasTheConfigAndDirectedForwardingServersOnly)
{
    std::vector<std::pair<uint16_t, uint16_t>> expected = {{0xFFFF, 0x0000}, {0xFFFF, 0x0006}};
    EXPECT_EQ(expected, Plan(kRelay));
}

TEST(Composition, Provisioner)
{
    std::vector<std::pair<uint16_t, uint16_t>> expected = {{0xFFFF, 0x0000}, {0xFFFF, 0x0001}, {0xFFFF, 0x0007}, {0xFFFF, 0x1001}};
    EXPECT_EQ(expected, Plan(kProvisioner));
}

TEST(Composition, OnlyTheUniversalNodeServesThePisGattBridge)
{
    EXPECT_NE(0, dcm_composition_serves_gatt_bridge(kUniversal));
    EXPECT_EQ(0, dcm_composition_serves_gatt_bridge(kRelay)) << "docs/security.md: relay nodes have no DC01 service";
    EXPECT_EQ(0, dcm_composition_serves_gatt_bridge(kProvisioner)) << "no vendor client: a DC03 command could reach nothing";
}

TEST(Composition, WithoutConfigServerOrWithUnknownBitsNothingIsBuilt)
{
    EXPECT_TRUE(Plan(DCM_MODEL_VENDOR_SERVER).empty());
    EXPECT_TRUE(Plan(kUniversal | 0x100u).empty());
    EXPECT_TRUE(Plan(0).empty());
}

TEST(Composition, ASmallOutputArrayIsRefusedNotOverrun)
{
    dcm_model_id_t out[2] = {{0x1234, 0x5678}, {0x1234, 0x5678}};
    EXPECT_EQ(0u, dcm_composition_plan(kUniversal, out, 2));
    EXPECT_EQ(1u, dcm_composition_plan(DCM_MODEL_CONFIG_SERVER, out, 1));
    EXPECT_EQ(0x1234, out[1].company_id);
    EXPECT_EQ(0u, dcm_composition_plan(kRelay, out, 1));
}

TEST(Composition, DefaultTtlFollowsTheConfigServerRule)
{
    EXPECT_TRUE(dcm_composition_default_ttl_valid(0));
    EXPECT_FALSE(dcm_composition_default_ttl_valid(1));
    EXPECT_TRUE(dcm_composition_default_ttl_valid(2));
    EXPECT_TRUE(dcm_composition_default_ttl_valid(7));
    EXPECT_TRUE(dcm_composition_default_ttl_valid(127));
    EXPECT_FALSE(dcm_composition_default_ttl_valid(128));
    EXPECT_FALSE(dcm_composition_default_ttl_valid(-1));
}

TEST(Opcode, VendorOpcodesGoOnAirAsFirstByteThenCompanyIdLittleEndian)
{
    EXPECT_EQ((std::vector<uint8_t>{0xC0, 0xE5, 0x02}), Encode(0xC002E5)); // seed text SEND
    EXPECT_EQ((std::vector<uint8_t>{0xC1, 0xE5, 0x02}), Encode(0xC102E5)); // seed text STATUS
    EXPECT_EQ((std::vector<uint8_t>{0xC2, 0xE5, 0x02}), Encode(0xC202E5)); // binary SEND
    EXPECT_EQ((std::vector<uint8_t>{0xC3, 0xE5, 0x02}), Encode(0xC302E5)); // binary STATUS
}

TEST(Opcode, TheMqttUplinkOpcodesAreVendorOpcodesOfTheCompanyWithTheirLengths)
{
    EXPECT_EQ(0xC402E5u, DCM_OPCODE_VENDOR_READING_REPORT);
    EXPECT_EQ(0xC502E5u, DCM_OPCODE_VENDOR_ENERGY_REPORT);
    EXPECT_EQ(0xC602E5u, DCM_OPCODE_VENDOR_NODE_IDENTITY);
    EXPECT_EQ(0xC702E5u, DCM_OPCODE_VENDOR_BRIDGE_HEARTBEAT);
    EXPECT_EQ(0xC802E5u, DCM_OPCODE_VENDOR_UPLINK_COMMAND);
    EXPECT_EQ(8u, DCM_VENDOR_READING_REPORT_LENGTH);
    EXPECT_EQ(6u, DCM_VENDOR_ENERGY_REPORT_LENGTH);
    EXPECT_EQ(6u, DCM_VENDOR_NODE_IDENTITY_LENGTH);
    EXPECT_EQ(2u, DCM_VENDOR_BRIDGE_HEARTBEAT_LENGTH);
    EXPECT_EQ(3u, DCM_VENDOR_UPLINK_COMMAND_LENGTH);
    EXPECT_EQ((std::vector<uint8_t>{0xC4, 0xE5, 0x02}), Encode(DCM_OPCODE_VENDOR_READING_REPORT));
    EXPECT_EQ((std::vector<uint8_t>{0xC8, 0xE5, 0x02}), Encode(DCM_OPCODE_VENDOR_UPLINK_COMMAND));
}

TEST(Opcode, SigOpcodes)
{
    EXPECT_EQ((std::vector<uint8_t>{0x82, 0x02}), Encode(0x8202)); // Generic OnOff Set
    EXPECT_EQ((std::vector<uint8_t>{0x80, 0x08}), Encode(0x8008)); // Config Composition Data Get
    EXPECT_EQ((std::vector<uint8_t>{0x00}), Encode(0x00));         // Config AppKey Add
    EXPECT_EQ((std::vector<uint8_t>{0x02}), Encode(0x02));         // Config Composition Data Status
}

TEST(Opcode, ReservedAndOutOfRangeValuesAreRefused)
{
    EXPECT_TRUE(Encode(0x7F).empty());
    EXPECT_TRUE(Encode(0x0080).empty());
    EXPECT_TRUE(Encode(0x7FFF).empty());
    EXPECT_TRUE(Encode(0xC000).empty());
    EXPECT_TRUE(Encode(0x1000000).empty());
}

TEST(Opcode, DecodeReadsWhatEncodeWrote)
{
    for (uint32_t opcode : {0x00u, 0x7Eu, 0x8000u, 0x8202u, 0xBFFFu, 0xC00000u, 0xC002E5u, 0xFFFFFFu})
    {
        uint8_t bytes[3];
        size_t length = dcm_opcode_encode(opcode, bytes);
        uint32_t decoded = 0xDEADBEEF;
        ASSERT_EQ(length, dcm_opcode_decode(bytes, length, &decoded)) << std::hex << opcode;
        EXPECT_EQ(opcode, decoded);
    }
}

TEST(Opcode, DecodeRefusesTruncatedAndReservedInput)
{
    uint32_t opcode = 0;
    const uint8_t vendor[] = {0xC0, 0xE5, 0x02};
    EXPECT_EQ(0u, dcm_opcode_decode(vendor, 2, &opcode));
    const uint8_t sig[] = {0x82, 0x02};
    EXPECT_EQ(0u, dcm_opcode_decode(sig, 1, &opcode));
    const uint8_t reserved[] = {0x7F};
    EXPECT_EQ(0u, dcm_opcode_decode(reserved, 1, &opcode));
    EXPECT_EQ(0u, dcm_opcode_decode(vendor, 0, &opcode));
}
