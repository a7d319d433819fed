/*
 * The machine and build a run happened on, recorded in every baseline so that
 * a comparison across machines, compilers or library versions can say so.
 * Fields that cannot be read here are "unknown", never empty.
 */
#ifndef CB_SYSINFO_H
#define CB_SYSINFO_H

typedef struct cb_sysinfo {
    char cpu[128];      /* /proc/cpuinfo model name */
    long cores;         /* online */
    char kernel[128];   /* uname: sysname release machine */
    char governor[64];  /* cpufreq scaling governor of cpu0 */
    char compiler[128]; /* what built the library */
    char cflags[256];   /* and with which flags */
    char libsodium[32];
    char openssl[128];
    char git_commit[64]; /* of the working directory, else of the library's build */
} cb_sysinfo;

void cb_sysinfo_read(cb_sysinfo *si);

#endif
