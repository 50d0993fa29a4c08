/*
 * Results of the native component, numbered as the managed DcMonitor.MeshInterop.MeshResult enum (a host test,
 * FirmwareIntegrationTests, holds every value to the managed one).
 */
#ifndef DCM_RESULT_H
#define DCM_RESULT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    DCM_RESULT_OK = 0,
    DCM_RESULT_INVALID_ARGUMENT = 1,
    DCM_RESULT_INVALID_STATE = 2,
    DCM_RESULT_BUSY = 3,
    DCM_RESULT_NO_MEMORY = 4,
    DCM_RESULT_NOT_CONNECTED = 5,
    DCM_RESULT_FAILED = 6,
    DCM_RESULT_HOST_NOT_SYNCED = 7 /* start only: the BLE host did not sync with the controller in time; start may be retried */
} dcm_result_t;

#ifdef __cplusplus
}
#endif

#endif /* DCM_RESULT_H */
