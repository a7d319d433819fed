/* The crypto suite behind `make bench`: every family, then the runner. */
#include <openssl/crypto.h>
#include <sodium.h>
#include <stdio.h>

#include "suite.h"

int main(int argc, char **argv)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "cryptbench: libsodium failed to initialise\n");
        return 2;
    }
    cb_context_add("libsodium", sodium_version_string());
    cb_context_add("openssl", OpenSSL_version(OPENSSL_VERSION));
    suite_kdf_register();
    suite_master_key_register();
    suite_did_register();
    suite_sign_register();
    suite_ct_register();
    return cb_main(argc, argv);
}
