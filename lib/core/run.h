/*
 * A run: its settings, the machine it ran on, and one result per benchmark.
 * What a baseline file stores and what every reporter is handed.
 */
#ifndef CB_RUN_H
#define CB_RUN_H

#include "measure/clock.h"
#include "core/result.h"
#include "measure/sysinfo.h"

typedef struct cb_run {
    cb_measure measure;
    const char *unit;      /* "ns", "cycles" or "instructions": of every sample value */
    double      tsc_ghz;   /* cycles: the measured counter rate; else 0 */
    double      warm_up_s;
    double      measurement_s;
    size_t      sample_size;
    size_t      nresamples;
    double      confidence;
    uint64_t    seed;
    int         quick;
    cb_sysinfo  machine;
    char        timestamp[32]; /* UTC, ISO 8601 */
    cb_result  *results;
    size_t      n, cap;
} cb_run;

/* Appends a zeroed result and returns it (NULL when out of memory). The
 * pointer is valid until the next cb_run_add(). */
cb_result *cb_run_add(cb_run *run);

/* The result named `name`, or NULL. */
const cb_result *cb_run_find(const cb_run *run, const char *name);

/* Sets run->timestamp to the current UTC time. */
void cb_run_stamp(cb_run *run);

void cb_run_free(cb_run *run);

#endif
