/* Fake sdkconfig.h: the Kconfig values the declarations below depend on (ESP-IDF v5.5.4 defaults, plus
 * native/firmware/sdkconfig.dcmonitor.esp32c6). */
#pragma once
#define CONFIG_BLE_MESH 1
#define CONFIG_BLE_MESH_NODE 1
#define CONFIG_BLE_MESH_PROVISIONER 1
#define CONFIG_BLE_MESH_PB_ADV 1
#define CONFIG_BLE_MESH_PB_GATT 1
#define CONFIG_BLE_MESH_MAX_PROV_NODES 250
#define CONFIG_BLE_MESH_MODEL_KEY_COUNT 3
#define CONFIG_BLE_MESH_MODEL_GROUP_COUNT 3
#define CONFIG_BLE_MESH_DEINIT 1
#define CONFIG_BLE_MESH_SUPPORT_BLE_ADV 1
#define CONFIG_BLE_MESH_CFG_CLI 1
#define CONFIG_BLE_MESH_GENERIC_ONOFF_CLI 1
#define CONFIG_BLE_MESH_GENERIC_SERVER 1
#define CONFIG_BT_NIMBLE_MAX_BONDS 8
