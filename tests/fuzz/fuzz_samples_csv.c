/*
 * libFuzzer target for the CSV reader, the other parser of files a user may
 * hand us from anywhere: whatever the bytes, it reads them or refuses them
 * with a message naming the file; what it accepts is within the bounds the
 * analysis relies on, and the analysis of it succeeds, every statistic finite.
 *
 *     make fuzz FUZZ_SECONDS=60
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "stats/analysis.h"
#include "store/samples_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cb_bootstrap_config boot = { 20, 0.95, 1 }; /* a few resamples: the path, not the numbers */
    cb_samples          s;
    cb_analysis         a;
    cb_error            err;
    size_t              i;

    if (cb_samples_csv_parse("fuzz.csv", (const char *) data, size, 1.0, &s, &err) != 0) {
        if (strncmp(err.msg, "fuzz.csv", 8) != 0) {
            __builtin_trap(); /* every refusal names the file */
        }
        return 0;
    }
    if (s.n < 2 || s.n > CB_MAX_SAMPLES) {
        __builtin_trap();
    }
    for (i = 0; i < s.n; i++) {
        if (!(s.iters[i] >= 1.0 && s.iters[i] <= CB_SAMPLE_ITERATIONS_MAX &&
              s.iters[i] == floor(s.iters[i]) && s.values[i] >= CB_SAMPLE_VALUE_MIN &&
              s.values[i] <= CB_SAMPLE_VALUE_MAX)) {
            __builtin_trap();
        }
    }
    /* within those bounds no statistic overflows, so the analysis never refuses */
    if (cb_analysis_run(&s, cb_samples_mode(&s), &boot, &a, &err) != 0) {
        __builtin_trap();
    }
    cb_samples_free(&s);
    return 0;
}
