/*
 * AES-128 on one block for the battery monitor protocol (issue 18: the BM6 encrypts its 16-byte command and response
 * with one fixed key; ECB on one block equals the CBC with a zero IV that other readers use). ESP-IDF's mbedTLS does the
 * work (on the ESP32-C6 its AES peripheral, CONFIG_MBEDTLS_HARDWARE_AES): nanoFramework 1.x has no AES class, and this
 * project never carries a hand-written cipher. The context lives on the caller's stack (no allocation); the key is
 * set for every block (the reader does one block per minute).
 */
/* ESP-IDF's mbedTLS configuration (its component passes this definition to the code that links it; set here too for the
 * interop library, which nf-interpreter compiles with only the include directories its finder module lists): with
 * CONFIG_MBEDTLS_HARDWARE_AES it defines MBEDTLS_AES_ALT, so the calls below reach the AES peripheral's driver. */
#ifndef MBEDTLS_CONFIG_FILE
#define MBEDTLS_CONFIG_FILE "mbedtls/esp_config.h"
#endif
#include "mbedtls/aes.h"

#include "dcm_mesh.h"

#define AES_BLOCK_BYTES 16u
#define AES_KEY_BITS 128u

dcm_result_t dcm_mesh_aes_block(bool encrypt, const uint8_t *key, size_t key_length, const uint8_t *input, size_t input_length, uint8_t *output,
                                size_t output_length)
{
    if (key == NULL || input == NULL || output == NULL || key_length != AES_BLOCK_BYTES || input_length != AES_BLOCK_BYTES ||
        output_length != AES_BLOCK_BYTES)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    mbedtls_aes_context context;
    mbedtls_aes_init(&context);
    int result = encrypt ? mbedtls_aes_setkey_enc(&context, key, AES_KEY_BITS) : mbedtls_aes_setkey_dec(&context, key, AES_KEY_BITS);
    if (result == 0)
    {
        result = mbedtls_aes_crypt_ecb(&context, encrypt ? MBEDTLS_AES_ENCRYPT : MBEDTLS_AES_DECRYPT, input, output);
    }
    mbedtls_aes_free(&context);
    return result == 0 ? DCM_RESULT_OK : DCM_RESULT_FAILED;
}
