/*
 * Reads the machine and build a run happens on (core/run.h's cb_machine):
 * /proc/cpuinfo, uname, cpufreq, the compiler that built the library, and the
 * git commit of the benchmark program's own repository.
 */
#ifndef CB_SYSINFO_H
#define CB_SYSINFO_H

#include "core/run.h"

/* Fills m: what can be read here; "unknown" where nothing can. */
void cb_sysinfo_read(cb_machine *m);

/* The machine's load when a benchmark begins (/proc/loadavg, /proc/stat):
 * ok 0 when it cannot be read. */
typedef struct cb_load_probe {
    int                ok;
    double             loadavg;
    unsigned long long steal, total; /* jiffies of all CPUs since boot */
} cb_load_probe;

void cb_sysinfo_load_begin(cb_load_probe *p);

/* The load from p to now into *out (known 0 when either end is unknown). */
void cb_sysinfo_load_end(const cb_load_probe *p, cb_load *out);

#endif
