/* Fake of NimBLE (ESP-IDF v5.5.4) nimble/host/include/host/ble_hs.h and the host headers it includes: ble_gatt.h,
 * ble_gap.h, ble_att.h, ble_uuid.h, ble_hs_mbuf.h, ble_hs_adv.h, ble_hs_id.h, ble_sm.h, ble_store.h, os/os_mbuf.h,
 * nimble/ble.h (the parts the glue uses). */
#pragma once
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
#define BLE_HS_EALREADY 2
#define BLE_HS_EINVAL 3
#define BLE_HS_EMSGSIZE 4
#define BLE_HS_ENOMEM 6
#define BLE_HS_ENOENT 5
#define BLE_HS_ENOTCONN 7
#define BLE_HS_EAPP 9
#define BLE_HS_ETIMEOUT 13
#define BLE_HS_EDONE 14
#define BLE_HS_EBUSY 15
#define BLE_HS_CONN_HANDLE_NONE 0xffff

/* os/os_mbuf.h */
struct os_mbuf
{
    uint8_t *om_data;
    uint8_t om_flags;
    uint8_t om_pkthdr_len;
    uint16_t om_len;
    /* pool and chain members omitted */
};
int os_mbuf_append(struct os_mbuf *m, const void *, uint16_t);

/* host/ble_hs_mbuf.h */
struct os_mbuf *ble_hs_mbuf_from_flat(const void *buf, uint16_t len);
int ble_hs_mbuf_to_flat(const struct os_mbuf *om, void *flat, uint16_t max_len, uint16_t *out_copy_len);

/* host/ble_uuid.h */
enum
{
    BLE_UUID_TYPE_16 = 16,
    BLE_UUID_TYPE_32 = 32,
    BLE_UUID_TYPE_128 = 128,
};
typedef struct
{
    uint8_t type;
} ble_uuid_t;
typedef struct
{
    ble_uuid_t u;
    uint16_t value;
} ble_uuid16_t;
#define BLE_UUID16_INIT(uuid16) {.u = {.type = BLE_UUID_TYPE_16}, .value = (uuid16)}
#define BLE_UUID16_DECLARE(uuid16) ((ble_uuid_t *)(&(ble_uuid16_t)BLE_UUID16_INIT(uuid16)))
typedef struct
{
    ble_uuid_t u;
    uint32_t value;
} ble_uuid32_t;
typedef struct
{
    ble_uuid_t u;
    uint8_t value[16];
} ble_uuid128_t;
typedef union
{
    ble_uuid_t u;
    ble_uuid16_t u16;
    ble_uuid32_t u32;
    ble_uuid128_t u128;
} ble_uuid_any_t;
uint16_t ble_uuid_u16(const ble_uuid_t *uuid);

/* host/ble_att.h */
#define BLE_ATT_ERR_INSUFFICIENT_AUTHEN 0x05
#define BLE_ATT_ERR_INVALID_ATTR_VALUE_LEN 0x0d
#define BLE_ATT_ERR_UNLIKELY 0x0e
#define BLE_ATT_ERR_INSUFFICIENT_ENC 0x0f
#define BLE_ATT_ERR_INSUFFICIENT_RES 0x11
#define BLE_ATT_MTU_DFLT 23
uint16_t ble_att_mtu(uint16_t conn_handle);
int ble_att_set_preferred_mtu(uint16_t mtu);

/* host/ble_gatt.h */
#define BLE_GATT_ACCESS_OP_READ_CHR 0
#define BLE_GATT_ACCESS_OP_WRITE_CHR 1
#define BLE_GATT_CHR_F_READ 0x0002
#define BLE_GATT_CHR_F_WRITE_NO_RSP 0x0004
#define BLE_GATT_CHR_F_WRITE 0x0008
#define BLE_GATT_CHR_F_NOTIFY 0x0010
#define BLE_GATT_CHR_F_READ_ENC 0x0200
#define BLE_GATT_CHR_F_READ_AUTHEN 0x0400
#define BLE_GATT_CHR_F_WRITE_ENC 0x1000
#define BLE_GATT_CHR_F_WRITE_AUTHEN 0x2000
#define BLE_GATT_SVC_TYPE_PRIMARY 1
typedef uint16_t ble_gatt_chr_flags;
struct ble_gatt_access_ctxt;
struct ble_gatt_dsc_def;
struct ble_gatt_cpfd;
typedef int ble_gatt_access_fn(uint16_t conn_handle, uint16_t attr_handle, struct ble_gatt_access_ctxt *ctxt, void *arg);
struct ble_gatt_chr_def
{
    const ble_uuid_t *uuid;
    ble_gatt_access_fn *access_cb;
    void *arg;
    struct ble_gatt_dsc_def *descriptors;
    ble_gatt_chr_flags flags;
    uint8_t min_key_size;
    uint16_t *val_handle;
    struct ble_gatt_cpfd *cpfd;
};
struct ble_gatt_svc_def
{
    uint8_t type;
    const ble_uuid_t *uuid;
    const struct ble_gatt_svc_def **includes;
    const struct ble_gatt_chr_def *characteristics;
};
struct ble_gatt_access_ctxt
{
    uint8_t op;
    struct os_mbuf *om;
    union
    {
        const struct ble_gatt_chr_def *chr;
        const struct ble_gatt_dsc_def *dsc;
    };
};
int ble_gatts_count_cfg(const struct ble_gatt_svc_def *defs);
int ble_gatts_add_svcs(const struct ble_gatt_svc_def *svcs);
int ble_gatts_notify_custom(uint16_t conn_handle, uint16_t att_handle, struct os_mbuf *om);
struct ble_gatt_error
{
    uint16_t status;
    uint16_t att_handle;
};
struct ble_gatt_svc
{
    uint16_t start_handle;
    uint16_t end_handle;
    ble_uuid_any_t uuid;
};
struct ble_gatt_chr
{
    uint16_t def_handle;
    uint16_t val_handle;
    uint8_t properties;
    ble_uuid_any_t uuid;
};
struct ble_gatt_dsc
{
    uint16_t handle;
    ble_uuid_any_t uuid;
};
struct ble_gatt_attr
{
    uint16_t handle;
    uint16_t offset;
    struct os_mbuf *om;
};
typedef int ble_gatt_disc_svc_fn(uint16_t conn_handle, const struct ble_gatt_error *error, const struct ble_gatt_svc *service, void *arg);
typedef int ble_gatt_chr_fn(uint16_t conn_handle, const struct ble_gatt_error *error, const struct ble_gatt_chr *chr, void *arg);
typedef int ble_gatt_dsc_fn(uint16_t conn_handle, const struct ble_gatt_error *error, uint16_t chr_val_handle, const struct ble_gatt_dsc *dsc,
                            void *arg);
typedef int ble_gatt_attr_fn(uint16_t conn_handle, const struct ble_gatt_error *error, struct ble_gatt_attr *attr, void *arg);
int ble_gattc_disc_svc_by_uuid(uint16_t conn_handle, const ble_uuid_t *uuid, ble_gatt_disc_svc_fn *cb, void *cb_arg);
int ble_gattc_disc_all_chrs(uint16_t conn_handle, uint16_t start_handle, uint16_t end_handle, ble_gatt_chr_fn *cb, void *cb_arg);
int ble_gattc_disc_all_dscs(uint16_t conn_handle, uint16_t start_handle, uint16_t end_handle, ble_gatt_dsc_fn *cb, void *cb_arg);
int ble_gattc_write_flat(uint16_t conn_handle, uint16_t attr_handle, const void *data, uint16_t data_len, ble_gatt_attr_fn *cb, void *cb_arg);

/* nimble/ble.h */
typedef struct
{
    uint8_t type;
    uint8_t val[6];
} ble_addr_t;
enum ble_error_codes
{
    BLE_ERR_REM_USER_CONN_TERM = 0x13,
    /* other codes omitted */
};

/* host/ble_gap.h */
#define BLE_GAP_EVENT_CONNECT 0
#define BLE_GAP_EVENT_DISCONNECT 1
#define BLE_GAP_EVENT_ENC_CHANGE 10
#define BLE_GAP_EVENT_PASSKEY_ACTION 11
#define BLE_GAP_EVENT_NOTIFY_RX 12
#define BLE_GAP_ROLE_MASTER 0
#define BLE_GAP_ROLE_SLAVE 1
#define BLE_GAP_EVENT_SUBSCRIBE 14
#define BLE_GAP_EVENT_MTU 15
struct ble_gap_sec_state
{
    unsigned encrypted : 1;
    unsigned authenticated : 1;
    unsigned bonded : 1;
    unsigned key_size : 5;
};
struct ble_gap_conn_desc
{
    struct ble_gap_sec_state sec_state;
    ble_addr_t peer_id_addr;
    uint16_t conn_handle;
    uint8_t role;
    /* our addresses, over-the-air addresses, connection parameters and clock accuracy omitted */
};
struct ble_gap_conn_params;
struct ble_gap_passkey_params
{
    uint8_t action;
    uint32_t numcmp;
};
struct ble_gap_event
{
    uint8_t type;
    union
    {
        struct
        {
            int status;
            uint16_t conn_handle;
        } connect;
        struct
        {
            int reason;
            struct ble_gap_conn_desc conn;
        } disconnect;
        struct
        {
            uint16_t conn_handle;
            uint16_t attr_handle;
            uint8_t reason;
            uint8_t prev_notify : 1;
            uint8_t cur_notify : 1;
            uint8_t prev_indicate : 1;
            uint8_t cur_indicate : 1;
        } subscribe;
        struct
        {
            struct os_mbuf *om;
            uint16_t conn_handle;
            uint16_t attr_handle;
            uint8_t indication : 1;
        } notify_rx;
        struct
        {
            uint16_t conn_handle;
            uint16_t channel_id;
            uint16_t value;
        } mtu;
        struct
        {
            int status;
            uint16_t conn_handle;
        } enc_change;
        struct
        {
            struct ble_gap_passkey_params params;
            uint16_t conn_handle;
        } passkey;
        /* other events omitted */
    };
};
typedef int ble_gap_event_fn(struct ble_gap_event *event, void *arg);
struct ble_gap_event_listener
{
    ble_gap_event_fn *fn;
    void *arg;
    struct ble_gap_event_listener *next; /* SLIST_ENTRY(ble_gap_event_listener) link */
};
int ble_gap_event_listener_register(struct ble_gap_event_listener *listener, ble_gap_event_fn *fn, void *arg);
int ble_gap_conn_find(uint16_t handle, struct ble_gap_conn_desc *out_desc);
int ble_gap_terminate(uint16_t conn_handle, uint8_t hci_reason);
int ble_gap_connect(uint8_t own_addr_type, const ble_addr_t *peer_addr, int32_t duration_ms, const struct ble_gap_conn_params *params,
                    ble_gap_event_fn *cb, void *cb_arg);
int ble_gap_conn_cancel(void);

/* host/ble_sm.h */
#define BLE_SM_IOACT_DISP 3
#define BLE_SM_PAIR_KEY_DIST_ENC 0x01
#define BLE_SM_PAIR_KEY_DIST_ID 0x02
struct ble_sm_io
{
    uint8_t action;
    union
    {
        uint32_t passkey;
        uint8_t oob[16];
        uint8_t numcmp_accept;
        /* oob_sc_data omitted */
    };
};
int ble_sm_inject_io(uint16_t conn_handle, struct ble_sm_io *pkey);

/* host/ble_store.h */
int ble_store_util_bonded_peers(ble_addr_t *out_peer_id_addrs, int *out_num_peers, int max_peers);
int ble_store_util_delete_peer(const ble_addr_t *peer_id_addr);
int ble_store_clear(void);

/* host/ble_hs_adv.h */
#define BLE_HS_ADV_TYPE_FLAGS 0x01
#define BLE_HS_ADV_TYPE_COMP_UUIDS16 0x03
#define BLE_HS_ADV_TYPE_COMP_NAME 0x09
#define BLE_HS_ADV_F_DISC_GEN 0x02
#define BLE_HS_ADV_F_BREDR_UNSUP 0x04

/* nimble/ble.h (continued) */
#define BLE_ADDR_PUBLIC (0x00)
#define BLE_OWN_ADDR_PUBLIC (0x00)

/* host/ble_hs_id.h */
int ble_hs_id_copy_addr(uint8_t id_addr_type, uint8_t *out_id_addr, int *out_is_nrpa);

/* host/ble_hs.h */
#define BLE_HS_IO_DISPLAY_ONLY 0x00
#define BLE_HS_IO_NO_INPUT_OUTPUT 0x03
typedef void ble_hs_reset_fn(int reason);
typedef void ble_hs_sync_fn(void);
struct ble_hs_cfg
{
    /* GATT registration and store members omitted */
    ble_hs_reset_fn *reset_cb;
    ble_hs_sync_fn *sync_cb;
    uint8_t sm_io_cap;
    unsigned sm_bonding : 1;
    unsigned sm_mitm : 1;
    unsigned sm_sc : 1;
    uint8_t sm_our_key_dist;
    uint8_t sm_their_key_dist;
};
extern struct ble_hs_cfg ble_hs_cfg;
int ble_hs_synced(void);
#ifdef __cplusplus
}
#endif
