/*
 * NimBLE host bring-up for the mesh (what ESP-IDF's ble_mesh_example_init.c bluetooth_init does for the examples,
 * written for nanoCLR): controller and host initialised (nimble_port_init), the host task started
 * (nimble_port_freertos_init running nimble_port_run), then wait until the host has synced with the controller
 * (ble_hs_synced) before anything registers services or starts the mesh. ESP-BLE-MESH never starts the host itself
 * (esp_ble_mesh_init only initialises its BTC layer: api/core/esp_ble_mesh_common_api.c).
 *
 * nanoCLR's own Bluetooth library (nanoFramework.Device.Bluetooth, nf-interpreter esp32_nimble.cpp) would start the
 * same host on first use and set the same single-owner ble_hs_cfg callbacks, so a C# image on this firmware must not
 * use it (native-mesh-interop/README.md).
 *
 * Thread-safety: called once, from dcm_mesh_start on the CLR thread; the sync callback runs in the host task and only
 * sets a flag.
 */
#include <stdbool.h>

#include "host/ble_hs.h"
#include "nimble/nimble_port.h"
#include "nimble/nimble_port_freertos.h"

#include "dcm_glue.h"
#include "dcm_platform.h"

/* Longest wait for the host to sync with the controller, in 10 ms steps (2 s). */
#define SYNC_WAIT_STEPS 200

static volatile bool host_synced;

static void on_sync(void)
{
    host_synced = true;
}

static void on_reset(int reason)
{
    (void)reason;
    host_synced = false; /* the host resyncs by itself; the mesh keeps its state */
}

static void host_task(void *parameter)
{
    (void)parameter;
    nimble_port_run(); /* returns only when the host is stopped */
}

int dcm_nimble_host_start(void)
{
    if (ble_hs_synced())
    {
        return 0;
    }

    if (nimble_port_init() != ESP_OK)
    {
        return -1;
    }

    host_synced = false;
    ble_hs_cfg.sync_cb = on_sync;
    ble_hs_cfg.reset_cb = on_reset;
    nimble_port_freertos_init(host_task);
    for (int step = 0; step < SYNC_WAIT_STEPS && !host_synced; step++)
    {
        dcm_platform_sleep_ms(10);
    }
    return host_synced ? 0 : -1;
}
