//-----------------------------------------------------------------------------
// The InternalCalls of DcMonitor.MeshInterop.Native.NativeMesh (native-mesh-interop/managed/Native/NativeMesh.cs):
// each unpacks its managed arguments and calls the C component (native/esp/dcm_mesh.h), which does the work.
// Written by hand (the generated stubs are the *_mshl.cpp and the headers). Results are MeshResult values; no
// method sets `hr` (an error is a result, never a managed exception), except that nanoCLR's own marshalling throws
// for a null array before these run, which the managed side never passes.
//
// An array and the length the managed code passes with it are checked against each other here: a length beyond the
// array is INVALID_ARGUMENT, never a read past it.
//
// Thread-safety: called on the CLR thread; see dcm_mesh.h.
//-----------------------------------------------------------------------------

#include "DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh.h"

extern "C"
{
#include "dcm_mesh.h"
}

using namespace DcMonitor_MeshInterop;

namespace
{
// True when `length` bytes fit in `array`.
bool Fits(CLR_RT_TypedArray_UINT8 &array, signed int length)
{
    return length >= 0 && (unsigned int)length <= array.GetSize();
}
} // namespace

signed int NativeMesh::Start(signed int param0, bool param1, signed int param2, CLR_RT_TypedArray_UINT8 param3, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_start((uint32_t)param0, param1, param2, param3.GetBuffer(), param3.GetSize());
}

signed int NativeMesh::ReadState(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    (void)hr;
    return (signed int)dcm_mesh_read_state(param0.GetBuffer(), param0.GetSize());
}

signed int NativeMesh::SendVendor(
    signed int param0,
    signed int param1,
    CLR_RT_TypedArray_UINT8 param2,
    signed int param3,
    signed int param4,
    bool param5,
    signed int param6,
    HRESULT &hr)
{
    (void)hr;
    if (!Fits(param2, param3))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_send_vendor(param0, param1, param2.GetBuffer(), (size_t)param3, param4, param5, param6);
}

signed int NativeMesh::ReplyVendor(signed int param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param2, param3))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_reply_vendor(param0, param1, param2.GetBuffer(), (size_t)param3);
}

signed int NativeMesh::PublishVendor(signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param1, param2))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_publish_vendor(param0, param1.GetBuffer(), (size_t)param2);
}

signed int NativeMesh::SendOnOff(signed int param0, bool param1, bool param2, signed int param3, signed int param4, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_send_onoff(param0, param1, param2, param3, param4);
}

signed int NativeMesh::ReplyOnOff(signed int param0, bool param1, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_reply_onoff(param0, param1);
}

signed int NativeMesh::TakeEvent(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    (void)hr;
    return (signed int)dcm_mesh_take_event(param0.GetBuffer(), param0.GetSize());
}

signed int NativeMesh::GattNotify(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param0, param1))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_gatt_notify(param0.GetBuffer(), (size_t)param1);
}

signed int NativeMesh::GattSetReadValue(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param0, param1))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_gatt_set_read_value(param0.GetBuffer(), (size_t)param1);
}

signed int NativeMesh::GattSetSecurity(signed int param0, signed int param1, signed int param2, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_gatt_set_security(param0, param1, param2);
}

signed int NativeMesh::GattReadBond(signed int param0, CLR_RT_TypedArray_UINT8 param1, HRESULT &hr)
{
    (void)hr;
    return (signed int)dcm_mesh_gatt_read_bond(param0, param1.GetBuffer(), param1.GetSize());
}

signed int NativeMesh::GattDeleteBond(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param0, param1))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_gatt_delete_bond(param0.GetBuffer(), (size_t)param1);
}

signed int NativeMesh::SetStaticOob(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param0, param1))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_set_static_oob(param0.GetBuffer(), (size_t)param1);
}

signed int NativeMesh::ResetNode(HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_reset_node();
}

signed int NativeMesh::EnableProvisioner(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    CLR_RT_TypedArray_UINT8 param2,
    signed int param3,
    CLR_RT_TypedArray_UINT8 param4,
    signed int param5,
    HRESULT &hr)
{
    (void)hr;
    if (!Fits(param2, param3) || !Fits(param4, param5))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_enable_provisioner(
        param0.GetBuffer(),
        param0.GetSize(),
        param1.GetBuffer(),
        param1.GetSize(),
        param2.GetBuffer(),
        (size_t)param3,
        param4.GetBuffer(),
        (size_t)param5);
}

signed int NativeMesh::ProvisionDevice(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_provision_device(param0.GetBuffer(), param0.GetSize(), param1);
}

signed int NativeMesh::ReadProvisionedNode(signed int param0, CLR_RT_TypedArray_UINT8 param1, HRESULT &hr)
{
    (void)hr;
    return (signed int)dcm_mesh_read_provisioned_node(param0, param1.GetBuffer(), param1.GetSize());
}

signed int NativeMesh::DeleteProvisionedNode(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_delete_provisioned_node(param0.GetBuffer(), param0.GetSize());
}

signed int NativeMesh::SendConfigRequest(
    signed int param0,
    signed int param1,
    signed int param2,
    CLR_RT_TypedArray_UINT8 param3,
    signed int param4,
    signed int param5,
    HRESULT &hr)
{
    (void)hr;
    if (!Fits(param3, param4))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_send_config_request(param0, param1, param2, param3.GetBuffer(), (size_t)param4, param5);
}

signed int NativeMesh::CentralStartScan(signed int param0, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_central_start_scan(param0);
}

signed int NativeMesh::CentralConnect(CLR_RT_TypedArray_UINT8 param0, signed int param1, signed int param2, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_central_connect(param0.GetBuffer(), param0.GetSize(), param1, param2);
}

signed int NativeMesh::CentralWrite(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    if (!Fits(param0, param1))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    return dcm_mesh_central_write(param0.GetBuffer(), (size_t)param1);
}

signed int NativeMesh::CentralDisconnect(HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_central_disconnect();
}

signed int NativeMesh::AesBlock(bool param0, CLR_RT_TypedArray_UINT8 param1, CLR_RT_TypedArray_UINT8 param2, CLR_RT_TypedArray_UINT8 param3, HRESULT &hr)
{
    (void)hr;
    return dcm_mesh_aes_block(param0, param1.GetBuffer(), param1.GetSize(), param2.GetBuffer(), param2.GetSize(), param3.GetBuffer(), param3.GetSize());
}
