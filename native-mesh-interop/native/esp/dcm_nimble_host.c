/*
 * NimBLE host bring-up for the mesh (what ESP-IDF's ble_mesh_example_init.c bluetooth_init does for the examples,
 * written for nanoCLR): controller and host initialised (nimble_port_init), the host task started
 * (nimble_port_freertos_init running nimble_port_run), then wait until the host has synced with the controller
 * (ble_hs_synced) before anything registers services or starts the mesh. ESP-BLE-MESH never starts the host itself
 * (esp_ble_mesh_init only initialises its BTC layer: api/core/esp_ble_mesh_common_api.c).
 *
 * A slow sync is waited out rather than given up on: the wait runs in rounds of DCM_HOST_SYNC_ROUND_MS, each round that
 * ends without a sync writes a warning to the console log, and only after DCM_HOST_SYNC_ROUNDS rounds does the start
 * fail (an error line, DCM_HOST_NOT_SYNCED). The host task keeps running after such a failure, so a later start
 * (dcm_mesh_start allows one after DCM_RESULT_HOST_NOT_SYNCED) picks the sync up without initialising the port twice.
 *
 * nanoCLR's own Bluetooth library (nanoFramework.Device.Bluetooth, nf-interpreter esp32_nimble.cpp) would start the
 * same host on first use and set the same single-owner ble_hs_cfg callbacks, so a C# image on this firmware must not
 * use it (native-mesh-interop/README.md).
 *
 * Thread-safety: dcm_nimble_host_start runs on the CLR thread only (dcm_mesh_start); the sync and reset callbacks run
 * in the host task and only write the flag; host_task is the host task itself.
 */
#include <stdbool.h>

#include "host/ble_hs.h"
#include "nimble/nimble_port.h"
#include "nimble/nimble_port_freertos.h"

#include "dcm_glue.h"
#include "dcm_platform.h"

/* The log lines below name the bound in seconds. */
_Static_assert(DCM_HOST_SYNC_ROUND_MS == 2000u && DCM_HOST_SYNC_ROUNDS == 5u, "update the log texts: 2 s rounds, 10 s overall");

/* NimBLE's key store set-up, defined in nimble/host/store/config/src/ble_store_config.c. No NimBLE header declares it
 * (store/config/ble_store_config.h declares only the read/write/delete callbacks), so the caller declares it, as
 * ESP-IDF's NimBLE examples do (examples/bluetooth/nimble/bleprph/main/main.c). */
void ble_store_config_init(void);

/* Polling step of the wait for the sync, ms. */
#define SYNC_POLL_MS 10u

static volatile bool host_synced;
static bool port_started;

static void on_sync(void)
{
    host_synced = true;
}

static void on_reset(int reason)
{
    (void)reason;
    host_synced = false; /* the host resyncs by itself; the mesh keeps its state */
}

/*
 * The host task (given to nimble_port_freertos_init). nimble_port_run returns only when the host is stopped
 * (nimble_port_stop); a FreeRTOS task function must never return (ESP-IDF's port aborts when one does: FreeRTOS
 * port.c vPortTaskWrapper), so the task then ends itself with nimble_port_freertos_deinit, which deletes the host
 * task (NimBLE porting/npl/freertos/src/nimble_port_freertos.c), as ESP-IDF's NimBLE examples do.
 */
static void host_task(void *parameter)
{
    (void)parameter;
    nimble_port_run();
    nimble_port_freertos_deinit();
}

/* Waits one round (DCM_HOST_SYNC_ROUND_MS) for the sync callback; true once the host is synced. */
static bool wait_one_round(void)
{
    for (uint32_t waited = 0; waited < DCM_HOST_SYNC_ROUND_MS && !host_synced; waited += SYNC_POLL_MS)
    {
        dcm_platform_sleep_ms(SYNC_POLL_MS);
    }
    return host_synced;
}

dcm_host_start_t dcm_nimble_host_start(void)
{
    if (ble_hs_synced())
    {
        return DCM_HOST_SYNCED;
    }

    if (!port_started)
    {
        if (nimble_port_init() != ESP_OK)
        {
            dcm_platform_log(DCM_LOG_ERROR, "mesh start: nimble_port_init failed (BLE controller or host not initialised)");
            return DCM_HOST_INIT_FAILED;
        }

        /* NimBLE's key store (bonds of the GATT access control, docs/security.md): kept in NVS with
         * CONFIG_BT_NIMBLE_NVS_PERSIST, as ESP-IDF's NimBLE examples set it up after nimble_port_init. */
        ble_store_config_init();
        host_synced = false;
        ble_hs_cfg.sync_cb = on_sync;
        ble_hs_cfg.reset_cb = on_reset;
        nimble_port_freertos_init(host_task);
        port_started = true;
    }

    for (uint32_t round = 0; round < DCM_HOST_SYNC_ROUNDS; round++)
    {
        if (wait_one_round())
        {
            return DCM_HOST_SYNCED;
        }
        dcm_platform_log(DCM_LOG_WARNING, "mesh start: the BLE host has not synced with the controller yet (one more 2 s wait)");
    }

    dcm_platform_log(DCM_LOG_ERROR, "mesh start: the BLE host did not sync with the controller within 10 s; mesh not started");
    return DCM_HOST_NOT_SYNCED;
}

#ifdef DCM_HOST_TESTS
/* Host tests only: a fresh boot (the port not started, no sync seen). */
void dcm_nimble_host_forget_for_tests(void)
{
    host_synced = false;
    port_started = false;
}

/* Host tests only: the host task's function, so a test can run what the task does. */
void (*dcm_nimble_host_task_for_tests(void))(void *)
{
    return host_task;
}
#endif
