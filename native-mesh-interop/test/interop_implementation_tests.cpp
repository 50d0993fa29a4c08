// The hand-written InternalCall implementation (InteropAssemblies/.../DcMonitor_MeshInterop_..._NativeMesh.cpp)
// compiled against the generated header and a fake of the nanoCLR interop types: it matches the generated
// signatures, passes managed arguments through to the component, and never reads past a managed array.
#include "glue_test_support.h"

#include "DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh.h"

using DcMonitor_MeshInterop::NativeMesh;

namespace
{
CLR_RT_TypedArray_UINT8 Array(std::vector<uint8_t> &bytes)
{
    return CLR_RT_TypedArray_UINT8(bytes.data(), static_cast<unsigned int>(bytes.size()));
}
} // namespace

TEST_F(Glue, TheInternalCallsStartTheComponentAndReadItsState)
{
    HRESULT hr = 0;
    std::vector<uint8_t> uuid(Uuid(), Uuid() + 16);
    g_idf.provisioned = true;
    g_idf.primary_address = 0x0006;
    ASSERT_EQ(DCM_RESULT_OK, NativeMesh::Start(static_cast<int>(kUniversal), true, 7, Array(uuid), hr));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, NativeMesh::Start(static_cast<int>(kUniversal), true, 7, Array(uuid), hr));
    std::vector<uint8_t> blob(DCM_STATE_BLOB_LENGTH);
    EXPECT_EQ(static_cast<int>(DCM_STATE_BLOB_LENGTH), NativeMesh::ReadState(Array(blob), hr));
    EXPECT_EQ(0x06, blob[1]);
    EXPECT_EQ(0, hr) << "results, never exceptions";
}

TEST_F(Glue, ALengthBeyondTheManagedArrayIsRefusedBeforeTheComponent)
{
    Start(kUniversal);
    HRESULT hr = 0;
    std::vector<uint8_t> payload = {0x01, 0x00};
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::SendVendor(0x0006, 0xC202E5, Array(payload), 3, 7, true, 5000, hr));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::SendVendor(0x0006, 0xC202E5, Array(payload), -1, 7, true, 5000, hr));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::GattNotify(Array(payload), 3, hr));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::ReplyVendor(1, 0xC302E5, Array(payload), 3, hr));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::PublishVendor(0xC302E5, Array(payload), 3, hr));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::GattSetReadValue(Array(payload), 3, hr));
    std::vector<uint8_t> empty;
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::SendConfigRequest(1, 0x0005, 0x8008, Array(empty), 1, 4000, hr));
    EXPECT_TRUE(g_idf.sends.empty());

    ASSERT_EQ(DCM_RESULT_OK, NativeMesh::SendVendor(0x0006, 0xC202E5, Array(payload), 2, 7, true, 5000, hr));
    EXPECT_EQ(payload, g_idf.sends.back().data);
}

TEST_F(Glue, EventsAreTakenThroughTheInternalCall)
{
    Start(kUniversal);
    esp_ble_mesh_cfg_server_cb_param_t param{};
    param.ctx.recv_op = 0x801B;
    g_idf.config_server_cb(ESP_BLE_MESH_CFG_SERVER_STATE_CHANGE_EVT, &param);
    HRESULT hr = 0;
    std::vector<uint8_t> record(DCM_EVENT_HEADER_LENGTH + DCM_EVENT_MAX_PAYLOAD);
    EXPECT_EQ(static_cast<int>(DCM_EVENT_HEADER_LENGTH), NativeMesh::TakeEvent(Array(record), hr));
    EXPECT_EQ(6, record[0]);
    EXPECT_EQ(0, NativeMesh::TakeEvent(Array(record), hr));
}

TEST_F(Glue, ProvisionerInternalCallsReachTheComponent)
{
    Start(kProvisioner, 0x0001, false);
    HRESULT hr = 0;
    std::vector<uint8_t> key(16, 0x11);
    std::vector<uint8_t> prefix = {0xDD, 0xDD};
    std::vector<uint8_t> none;
    ASSERT_EQ(DCM_RESULT_OK, NativeMesh::EnableProvisioner(Array(key), Array(key), Array(prefix), 2, Array(none), 0, hr));
    EXPECT_EQ(prefix, g_idf.uuid_match);
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, NativeMesh::EnableProvisioner(Array(key), Array(key), Array(prefix), 3, Array(none), 0, hr));
    std::vector<uint8_t> record(26);
    record[25] = ESP_BLE_MESH_PROV_ADV;
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, NativeMesh::ProvisionDevice(Array(record), 0x0005, hr)) << "not ready yet";
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, NativeMesh::ResetNode(hr)) << "a provisioner is not a provisioned node";
}
