/* Fake of mbedTLS 3.6 (ESP-IDF v5.5.4 components/mbedtls/mbedtls/include/mbedtls/aes.h; the parts the glue uses). On the
 * device CONFIG_MBEDTLS_HARDWARE_AES maps these to ESP-IDF's AES peripheral driver (aes_alt.h). The host tests implement
 * them with the system's OpenSSL AES (fake_idf.cpp), so the glue's AES is checked against the FIPS-197 vector. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
#define MBEDTLS_AES_ENCRYPT 1
#define MBEDTLS_AES_DECRYPT 0
typedef struct mbedtls_aes_context
{
    /* placeholder for the round keys (private members: nr, rk_offset, buf) */
    unsigned char key[32];
    unsigned int bits;
    int decrypt;
} mbedtls_aes_context;
void mbedtls_aes_init(mbedtls_aes_context *ctx);
void mbedtls_aes_free(mbedtls_aes_context *ctx);
int mbedtls_aes_setkey_enc(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits);
int mbedtls_aes_setkey_dec(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits);
int mbedtls_aes_crypt_ecb(mbedtls_aes_context *ctx, int mode, const unsigned char input[16], unsigned char output[16]);
#ifdef __cplusplus
}
#endif
