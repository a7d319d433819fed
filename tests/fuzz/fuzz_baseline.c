/*
 * libFuzzer target for the baseline loader, the one parser of files a user
 * may hand us from anywhere: whatever the bytes, it loads them or refuses them
 * with a message; it never crashes, leaks or reads out of bounds.
 *
 *     make fuzz FUZZ_SECONDS=60
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "store/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cb_run   run;
    cb_error err;

    if (cb_baseline_parse("fuzz.json", (const char *) data, size, &run, &err) == 0) {
        cb_run_free(&run);
    } else if (strncmp(err.msg, "fuzz.json", 9) != 0) {
        __builtin_trap(); /* every refusal names the file */
    }
    return 0;
}
