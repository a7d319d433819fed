/*
 * libFuzzer target for the budgets file (--budgets FILE): whatever the bytes,
 * it is read or refused with a message naming the file; every pattern it
 * accepts matches in bounded time (the names below), and every statistic it
 * accepts is written as a name that reads back as the same statistic (a
 * value a run stores is one the loader takes).
 *
 *     make fuzz FUZZ_SECONDS=60
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/budgets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const cb_budget_target targets[] = {
    { "did/sha256/64/openssl", CB_THROUGHPUT_BYTES, 64 },
    { "kdf/pbkdf2-sha256/600000/openssl", CB_THROUGHPUT_NONE, 0 },
    { "group/x25519/threads:2", CB_THROUGHPUT_ELEMENTS, 1 },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cb_budget_set set;
    cb_error      err;
    size_t        i, j;

    if (cb_budgets_parse("fuzz.json", (const char *) data, size, &set, &err) != 0) {
        if (strncmp(err.msg, "fuzz.json", 9) != 0) {
            __builtin_trap(); /* every refusal names the file */
        }
        return 0;
    }
    for (i = 0; i < set.n; i++) {
        cb_budget_statistic back;
        char                name[64];

        cb_budget_statistic_name(name, sizeof name, set.items[i].statistic);
        if (cb_budget_statistic_parse(name, &back) != 0 ||
            back.kind != set.items[i].statistic.kind ||
            back.level != set.items[i].statistic.level) {
            __builtin_trap(); /* a statistic stored as it reads back */
        }
        for (j = 0; j < sizeof targets / sizeof targets[0]; j++) {
            (void) cb_budget_matches(&set.items[i], targets[j].name);
        }
    }
    if (cb_budgets_check_targets(&set, targets, sizeof targets / sizeof targets[0], &err) != 0 &&
        strncmp(err.msg, "fuzz.json", 9) != 0) {
        __builtin_trap();
    }
    cb_budget_set_free(&set);
    return 0;
}
