/*
 * The constant-time gate's allow-list on a run: --allow-findings FILE read
 * before anything is measured (a bad file is exit status 2, as a bad
 * baseline is), a stored run's findings accepted anew (--load-baseline), and
 * --allow-template FILE written once the run is done.
 */
#ifndef CB_RUN_FINDINGS_H
#define CB_RUN_FINDINGS_H

#include "cli/config.h"
#include "core/run.h"
#include "store/allow_list.h"

/* Reads cfg->allow_findings into list (left empty when it is NULL). -1 with
 * err naming the file, line and column. */
int cb_run_findings_open(const cb_config *cfg, cb_allow_list *list, cb_error *err);

/* What the gate makes of every finding of a stored run (cb_check_accept),
 * against baseline (or NULL). -1 out of memory. */
int cb_run_findings_accept(const cb_config *cfg, const cb_run *baseline,
                           const cb_allow_list *list, cb_run *run, cb_error *err);

/* Writes cfg->allow_template (nothing when it is NULL): an entry for each
 * finding of run the gate did not accept, atomically. -1 with err. */
int cb_run_findings_template(const cb_config *cfg, const cb_run *run, cb_error *err);

#endif
