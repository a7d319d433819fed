#include <string.h>

#include "check/check.h"
#include "cli/run_findings.h"
#include "store/atomic_file.h"

int cb_run_findings_open(const cb_config *cfg, cb_allow_list *list, cb_error *err)
{
    memset(list, 0, sizeof *list);
    if (cfg->allow_findings == NULL) {
        return 0;
    }
    if (cb_allow_list_load(cfg->allow_findings, list, err) != 0) {
        cb_error_prefix(err, "--allow-findings");
        return -1;
    }
    return 0;
}

int cb_run_findings_accept(const cb_config *cfg, const cb_run *baseline,
                           const cb_allow_list *list, cb_run *run, cb_error *err)
{
    size_t i;

    for (i = 0; i < run->n; i++) {
        if (run->results[i].checks.exact.status == CB_CHECK_LEAKS &&
            cb_check_accept(baseline, cfg->baseline != NULL, list, &run->results[i]) != 0) {
            return cb_error_set(err, "%s: out of memory", run->results[i].name);
        }
    }
    return 0;
}

int cb_run_findings_template(const cb_config *cfg, const cb_run *run, cb_error *err)
{
    cb_buf text = { NULL, 0, 0, 0 };
    size_t i, j;
    int    rc;

    if (cfg->allow_template == NULL) {
        return 0;
    }
    cb_buf_puts(&text, "# Findings of the constant-time check that the gate did not accept.\n"
                       "# Review each: fix the code, or keep its entry in the allow-list\n"
                       "# (--allow-findings) with a line 'reason: ...' that says why it is\n"
                       "# acceptable; an entry without one is refused.\n");
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        for (j = 0; j < r->checks.exact.nfindings; j++) {
            const cb_finding *f = &r->checks.exact.findings[j];

            if (!f->accepted) {
                cb_allow_list_suggest(&text, r->name, f);
            }
        }
    }
    if (text.data == NULL) {
        return cb_error_set(err, "%s: out of memory", cfg->allow_template);
    }
    rc = cb_atomic_write(cfg->allow_template, text.data, text.len, err);
    cb_buf_free(&text);
    if (rc != 0) {
        cb_error_prefix(err, "--allow-template");
    }
    return rc;
}
