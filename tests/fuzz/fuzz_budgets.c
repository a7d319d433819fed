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
    { "did/sha256/64/openssl", CB_THROUGHPUT_BYTES, 64, 1 },
    { "kdf/pbkdf2-sha256/600000/openssl", CB_THROUGHPUT_NONE, 0, 0 },
    { "group/x25519/threads:2", CB_THROUGHPUT_ELEMENTS, 1, 1 },
};
static const char *const names[] = { "did/sha256/64/openssl", "kdf/pbkdf2-sha256/600000/openssl",
                                     "group/x25519/threads:2" };

/* Traps unless the budgets applying to each name are budgets of set, in the
 * file's order. */
static void expect_index(const cb_budget_set *set)
{
    const size_t *applying;
    size_t        j, k, n;

    for (j = 0; j < sizeof names / sizeof names[0]; j++) {
        n = cb_budget_applying(set, names[j], &applying);
        for (k = 0; k < n; k++) {
            if (applying[k] >= set->n || (k > 0 && applying[k] <= applying[k - 1])) {
                __builtin_trap();
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cb_budget_set set;
    cb_error      err;
    size_t        i;

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
    }
    if (cb_budget_set_match(&set, names, sizeof names / sizeof names[0], &err) != 0) {
        __builtin_trap(); /* every pattern read compiles again */
    }
    expect_index(&set);
    if (cb_budgets_check_targets(&set, targets, sizeof targets / sizeof targets[0], &err) != 0) {
        if (strncmp(err.msg, "fuzz.json", 9) != 0) {
            __builtin_trap();
        }
    } else {
        expect_index(&set);
    }
    cb_budget_set_free(&set);
    return 0;
}
