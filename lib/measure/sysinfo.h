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

#endif
