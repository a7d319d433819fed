/*
 * `cryptbench analyze FILE`: the statistics engine on samples measured
 * elsewhere, reported exactly as a run's results are.
 */
#ifndef CB_ANALYZE_H
#define CB_ANALYZE_H

#include "config.h"
#include "report.h"

/* Loads cfg->args[0], analyses it and reports it through rep. Returns the
 * exit status: 0, or 2 with err set when the file is refused. */
int cb_analyze_command(const cb_config *cfg, cb_reporter *rep, cb_error *err);

#endif
