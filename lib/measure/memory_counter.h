/*
 * What the harness and the allocation counter share: the counter is a shared
 * object (preload/memory_counter.c) that the harness preloads into a
 * benchmark's counting process only (measure/memory.c), never into a timed
 * one. It finds its way in by LD_PRELOAD and out by one symbol,
 * CB_MEMORY_COUNTER_SYMBOL, which the counting process looks up with dlsym.
 *
 * A thread's allocations count into a tally between begin() and end(): the
 * harness calls them where the timer would start and stop, so that what is
 * counted is the measured loop and nothing around it. Every block, counted
 * or not, is known with its requested size from the moment the counter is
 * loaded, so that a free always knows what it releases.
 */
#ifndef CB_MEMORY_COUNTER_H
#define CB_MEMORY_COUNTER_H

#include <stdint.h>

/* Bumped when the structures below change: the embedded counter and the
 * harness are built together, but a program may carry a stale one. */
#define CB_MEMORY_COUNTER_VERSION 1

#define CB_MEMORY_COUNTER_SYMBOL "cb_memory_counter"

/* What one thread did between begin() and end(). Sizes are as requested (a
 * mapping's length), not as the allocator rounded them. */
typedef struct cb_memory_tally {
    uint64_t allocations; /* malloc, calloc, realloc, aligned allocations, anonymous mmap */
    uint64_t frees;       /* free, the old block of a realloc, munmap of a counted mapping */
    uint64_t bytes;       /* requested by those allocations */
    uint64_t freed_bytes; /* released by those frees */
    int64_t  live;        /* bytes - freed_bytes so far */
    int64_t  peak;        /* the most `live` reached */
    uint64_t unrecorded;  /* blocks the counter had no room to record: figures incomplete */
} cb_memory_tally;

typedef struct cb_memory_counter_api {
    int version; /* CB_MEMORY_COUNTER_VERSION */
    /* the calling thread's allocations and frees count into t (zeroed by the
     * caller) until end() */
    void (*begin)(cb_memory_tally *t);
    void (*end)(void);
} cb_memory_counter_api;

#endif
