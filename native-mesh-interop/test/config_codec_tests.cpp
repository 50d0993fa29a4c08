// Config Client parameters: the managed on-air format (Mesh Profile 1.0.1 §4.3.2) split into ESP-IDF's fields,
// malformed blocks refused, and statuses written back in their on-air format.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "dcm_composition.h"
#include "dcm_config_codec.h"
}

namespace
{
dcm_config_message_t Decode(uint32_t opcode, std::vector<uint8_t> parameters, dcm_result_t expected = DCM_RESULT_OK)
{
    dcm_config_message_t message;
    EXPECT_EQ(expected, dcm_config_decode_request(opcode, parameters.data(), parameters.size(), &message));
    return message;
}

std::vector<uint8_t> Encode(const dcm_config_message_t &message, std::vector<uint8_t> data = {})
{
    uint8_t out[64];
    int length = dcm_config_encode_status(&message, data.data(), data.size(), out, sizeof out);
    EXPECT_GE(length, 0);
    return std::vector<uint8_t>(out, out + (length < 0 ? 0 : length));
}
} // namespace

TEST(ConfigCodec, AppKeyAddUnpacksTheTwelveBitIndexesAndTheKey)
{
    std::vector<uint8_t> parameters = {0x23, 0x61, 0x45};
    for (uint8_t i = 0; i < 16; i++)
    {
        parameters.push_back(static_cast<uint8_t>(0xA0 + i));
    }

    dcm_config_message_t message = Decode(DCM_CONFIG_APP_KEY_ADD, parameters);
    EXPECT_EQ(0x123u, message.net_index);
    EXPECT_EQ(0x456u, message.app_index);
    EXPECT_EQ(0xA0u, message.app_key[0]);
    EXPECT_EQ(0xAFu, message.app_key[15]);
    Decode(DCM_CONFIG_APP_KEY_ADD, {0x23, 0x61, 0x45}, DCM_RESULT_INVALID_ARGUMENT);
}

TEST(ConfigCodec, ModelIdentifiersAreSigOrVendorByLength)
{
    dcm_config_message_t sig = Decode(DCM_CONFIG_MODEL_APP_BIND, {0x05, 0x00, 0x00, 0x00, 0x00, 0x10});
    EXPECT_EQ(0x0005u, sig.element_address);
    EXPECT_EQ(DCM_COMPANY_ID_NONE, sig.company_id);
    EXPECT_EQ(DCM_SIG_GENERIC_ONOFF_SERVER, sig.model_id);

    dcm_config_message_t vendor = Decode(DCM_CONFIG_MODEL_SUB_ADD, {0x06, 0x00, 0x00, 0xC0, 0xE5, 0x02, 0x01, 0x00});
    EXPECT_EQ(0xC000u, vendor.address);
    EXPECT_EQ(DCM_COMPANY_ID_ESPRESSIF, vendor.company_id);
    EXPECT_EQ(DCM_VENDOR_SERVER_MODEL, vendor.model_id);

    Decode(DCM_CONFIG_MODEL_APP_BIND, {0x05, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // 3-byte model id
    Decode(DCM_CONFIG_MODEL_SUB_ADD, {0x06, 0x00, 0x07, 0x00, 0x00, 0x10}, DCM_RESULT_INVALID_ARGUMENT);        // unicast "group"
    Decode(DCM_CONFIG_MODEL_APP_BIND, {0x00, 0xC0, 0x00, 0x00, 0x00, 0x10}, DCM_RESULT_INVALID_ARGUMENT);       // group element
    Decode(DCM_CONFIG_MODEL_APP_BIND, {0x05, 0x00, 0x00, 0x10, 0x00, 0x10}, DCM_RESULT_INVALID_ARGUMENT);       // AppKey index 4096
}

TEST(ConfigCodec, PublicationRelayTtlPageAndResetParametersAreChecked)
{
    dcm_config_message_t publication = Decode(DCM_CONFIG_MODEL_PUB_SET, {0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x0A, 0xE5, 0x02, 0x01, 0x00});
    EXPECT_EQ(0x0001u, publication.address);
    EXPECT_EQ(0xFFu, publication.ttl);
    EXPECT_EQ(0x0Au, publication.retransmit);
    EXPECT_EQ(DCM_VENDOR_SERVER_MODEL, publication.model_id);
    Decode(DCM_CONFIG_MODEL_PUB_SET, {0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x80, 0x00, 0x0A, 0x00, 0x10}, DCM_RESULT_INVALID_ARGUMENT); // TTL 128

    EXPECT_EQ(1u, Decode(DCM_CONFIG_RELAY_SET, {0x01, 0x0A}).relay);
    Decode(DCM_CONFIG_RELAY_SET, {0x02, 0x0A}, DCM_RESULT_INVALID_ARGUMENT); // "not supported" is a status, never a Set value
    EXPECT_EQ(7u, Decode(DCM_CONFIG_DEFAULT_TTL_SET, {7}).ttl);
    Decode(DCM_CONFIG_DEFAULT_TTL_SET, {1}, DCM_RESULT_INVALID_ARGUMENT);
    Decode(DCM_CONFIG_DEFAULT_TTL_SET, {128}, DCM_RESULT_INVALID_ARGUMENT);
    EXPECT_EQ(0u, Decode(DCM_CONFIG_COMPOSITION_DATA_GET, {0}).page);
    Decode(DCM_CONFIG_COMPOSITION_DATA_GET, {}, DCM_RESULT_INVALID_ARGUMENT);
    Decode(DCM_CONFIG_NODE_RESET, {});
    Decode(DCM_CONFIG_NODE_RESET, {0}, DCM_RESULT_INVALID_ARGUMENT);
    Decode(0x8201, {}, DCM_RESULT_INVALID_ARGUMENT); // Generic OnOff Get is not a config request
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_config_decode_request(DCM_CONFIG_DEFAULT_TTL_SET, nullptr, 1, &publication));
}

TEST(ConfigCodec, HeartbeatRequestsAreSplitAndTheirRangesChecked)
{
    dcm_config_message_t publication = Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x02, 0xC0, 0xFF, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00});
    EXPECT_EQ(0xC002u, publication.address);
    EXPECT_EQ(0xFFu, publication.count_log) << "indefinitely";
    EXPECT_EQ(1u, publication.period);
    EXPECT_EQ(1u, publication.ttl) << "one hop: only direct neighbours hear it";
    Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x02, 0xC0, 0x12, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // CountLog 0x12
    Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x02, 0xC0, 0x01, 0x12, 0x01, 0x00, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // PeriodLog 0x12
    Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x02, 0xC0, 0x01, 0x01, 0x80, 0x00, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // TTL 128
    Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x02, 0xC0, 0x01, 0x01, 0x01, 0x10, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // RFU feature
    Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x00, 0x80, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // virtual
    Decode(DCM_CONFIG_HEARTBEAT_PUB_SET, {0x02, 0xC0, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT);       // short

    dcm_config_message_t subscription = Decode(DCM_CONFIG_HEARTBEAT_SUB_SET, {0x07, 0x00, 0x02, 0xC0, 0x03});
    EXPECT_EQ(0x0007u, subscription.source);
    EXPECT_EQ(0xC002u, subscription.address);
    EXPECT_EQ(3u, subscription.period);
    Decode(DCM_CONFIG_HEARTBEAT_SUB_SET, {0x00, 0x00, 0x00, 0x00, 0x00}); // unassigned source: stop counting
    Decode(DCM_CONFIG_HEARTBEAT_SUB_SET, {0x00, 0xC0, 0x02, 0xC0, 0x03}, DCM_RESULT_INVALID_ARGUMENT); // a group source
    Decode(DCM_CONFIG_HEARTBEAT_SUB_SET, {0x07, 0x00, 0x02, 0xC0, 0x12}, DCM_RESULT_INVALID_ARGUMENT); // PeriodLog 0x12
    Decode(DCM_CONFIG_HEARTBEAT_SUB_GET, {});
    Decode(DCM_CONFIG_HEARTBEAT_SUB_GET, {0}, DCM_RESULT_INVALID_ARGUMENT);
    EXPECT_EQ(DCM_CONFIG_HEARTBEAT_PUB_STATUS, dcm_config_status_opcode(DCM_CONFIG_HEARTBEAT_PUB_SET));
    EXPECT_EQ(DCM_CONFIG_HEARTBEAT_SUB_STATUS, dcm_config_status_opcode(DCM_CONFIG_HEARTBEAT_SUB_SET));
    EXPECT_EQ(DCM_CONFIG_HEARTBEAT_SUB_STATUS, dcm_config_status_opcode(DCM_CONFIG_HEARTBEAT_SUB_GET));
}

TEST(ConfigCodec, HeartbeatStatusesAreWrittenInTheirOnAirFormat)
{
    dcm_config_message_t publication = {};
    publication.opcode = DCM_CONFIG_HEARTBEAT_PUB_STATUS;
    publication.address = 0xC002;
    publication.count_log = 0xFF;
    publication.period = 1;
    publication.ttl = 1;
    publication.features = 0x0001;
    publication.net_index = 0x0123;
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x02, 0xC0, 0xFF, 0x01, 0x01, 0x01, 0x00, 0x23, 0x01}), Encode(publication));

    dcm_config_message_t subscription = {};
    subscription.opcode = DCM_CONFIG_HEARTBEAT_SUB_STATUS;
    subscription.source = 0x0007;
    subscription.address = 0xC002;
    subscription.period = 2;
    subscription.count_log = 3;
    subscription.min_hops = 1;
    subscription.max_hops = 2;
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x07, 0x00, 0x02, 0xC0, 0x02, 0x03, 0x01, 0x02}), Encode(subscription));
}

TEST(ConfigCodec, EveryRequestHasItsStatusOpcode)
{
    EXPECT_EQ(DCM_CONFIG_COMPOSITION_DATA_STATUS, dcm_config_status_opcode(DCM_CONFIG_COMPOSITION_DATA_GET));
    EXPECT_EQ(DCM_CONFIG_APP_KEY_STATUS, dcm_config_status_opcode(DCM_CONFIG_APP_KEY_ADD));
    EXPECT_EQ(DCM_CONFIG_MODEL_APP_STATUS, dcm_config_status_opcode(DCM_CONFIG_MODEL_APP_BIND));
    EXPECT_EQ(DCM_CONFIG_MODEL_SUB_STATUS, dcm_config_status_opcode(DCM_CONFIG_MODEL_SUB_ADD));
    EXPECT_EQ(DCM_CONFIG_MODEL_PUB_STATUS, dcm_config_status_opcode(DCM_CONFIG_MODEL_PUB_SET));
    EXPECT_EQ(DCM_CONFIG_RELAY_STATUS, dcm_config_status_opcode(DCM_CONFIG_RELAY_SET));
    EXPECT_EQ(DCM_CONFIG_DEFAULT_TTL_STATUS, dcm_config_status_opcode(DCM_CONFIG_DEFAULT_TTL_SET));
    EXPECT_EQ(DCM_CONFIG_NODE_RESET_STATUS, dcm_config_status_opcode(DCM_CONFIG_NODE_RESET));
    EXPECT_EQ(0xFFFFFFFFu, dcm_config_status_opcode(0x8201));
}

TEST(ConfigCodec, StatusesAreWrittenInTheirOnAirFormat)
{
    dcm_config_message_t appkey = {};
    appkey.opcode = DCM_CONFIG_APP_KEY_STATUS;
    appkey.status = 0;
    appkey.net_index = 0x123;
    appkey.app_index = 0x456;
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x23, 0x61, 0x45}), Encode(appkey));

    dcm_config_message_t bind = {};
    bind.opcode = DCM_CONFIG_MODEL_APP_STATUS;
    bind.status = 0x02; // Invalid Model
    bind.element_address = 0x0005;
    bind.app_index = 0;
    bind.company_id = DCM_COMPANY_ID_ESPRESSIF;
    bind.model_id = DCM_VENDOR_SERVER_MODEL;
    EXPECT_EQ((std::vector<uint8_t>{0x02, 0x05, 0x00, 0x00, 0x00, 0xE5, 0x02, 0x01, 0x00}), Encode(bind));

    dcm_config_message_t subscription = {};
    subscription.opcode = DCM_CONFIG_MODEL_SUB_STATUS;
    subscription.element_address = 0x0006;
    subscription.address = 0xC000;
    subscription.company_id = DCM_COMPANY_ID_NONE;
    subscription.model_id = DCM_SIG_GENERIC_ONOFF_SERVER;
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x06, 0x00, 0x00, 0xC0, 0x00, 0x10}), Encode(subscription));

    dcm_config_message_t relay = {};
    relay.opcode = DCM_CONFIG_RELAY_STATUS;
    relay.relay = 1;
    relay.retransmit = 0x0A;
    EXPECT_EQ((std::vector<uint8_t>{0x01, 0x0A}), Encode(relay));

    dcm_config_message_t page = {};
    page.opcode = DCM_CONFIG_COMPOSITION_DATA_STATUS;
    page.page = 0;
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0xE5, 0x02}), Encode(page, {0xE5, 0x02}));

    dcm_config_message_t reset = {};
    reset.opcode = DCM_CONFIG_NODE_RESET_STATUS;
    EXPECT_TRUE(Encode(reset).empty());

    dcm_config_message_t request = {};
    request.opcode = DCM_CONFIG_APP_KEY_ADD; // a request, not a status
    uint8_t out[4];
    EXPECT_EQ(-1, dcm_config_encode_status(&request, nullptr, 0, out, sizeof out));
    EXPECT_EQ(-1, dcm_config_encode_status(&bind, nullptr, 0, out, sizeof out)) << "too small an output";
}
