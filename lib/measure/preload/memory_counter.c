/*
 * The allocation counter, a shared object of its own (heaptrack's and
 * DHAT's idea, without their tools): preloaded into a benchmark's counting
 * process, it stands between the program and its allocator. Every malloc,
 * calloc, realloc, reallocarray, free, aligned_alloc, posix_memalign,
 * memalign, valloc and pvalloc, and every anonymous mmap, mremap and munmap
 * (libsodium's guarded allocations and its Argon2 and scrypt buffers are
 * mappings), is passed on to the next definition (the C library's, or an
 * allocator preloaded after this one) and recorded in a table of live blocks
 * with its requested size. A thread counts into a tally only between begin()
 * and end() (measure/memory_counter.h): the process's set-up costs nothing
 * but the table.
 *
 * The C library's own mappings (malloc's large blocks, thread stacks) are its
 * internal calls, not these symbols: a large malloc counts once, as a malloc.
 *
 * It is never linked into the library: defining malloc there would replace
 * every user's allocator, in timed runs too. The Makefile builds it alone
 * and embeds it in the library (measure/memory_count.c writes it out to run).
 */
#define _GNU_SOURCE /* RTLD_NEXT, MAP_ANONYMOUS, mremap */
#include <dlfcn.h>
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sched.h>
#include <unistd.h>

#include "measure/memory_counter.h"

#define EXPORT __attribute__((visibility("default")))

/* A mapping's entry has this bit set in its size. */
#define MAPPING ((uint64_t) 1 << 63)

/* The definitions this counter passes each call on to. */
static struct {
    void *(*malloc)(size_t);
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
    int (*posix_memalign)(void **, size_t, size_t);
    void *(*aligned_alloc)(size_t, size_t);
    void *(*memalign)(size_t, size_t);
    void *(*mmap)(void *, size_t, int, int, int, off_t);
    int (*munmap)(void *, size_t);
    void *(*mremap)(void *, size_t, size_t, int, ...);
} next;

/* 0 not looked up, 1 being looked up (dlsym allocates: from the arena
 * below), 2 ready */
static atomic_int state;

/* Allocations made while dlsym runs, before malloc is known: never freed. */
static _Alignas(max_align_t) unsigned char arena[16384];
static size_t                               arena_used;

/* The live blocks: open addressing, linear probing, deletion by backward
 * shift; kept in anonymous memory of its own, outside the allocator. */
typedef struct block {
    uintptr_t at; /* 0: an empty slot */
    uint64_t  size;
} block;

static block      *table;
static size_t      capacity, used;
static atomic_flag table_lock = ATOMIC_FLAG_INIT;

static _Thread_local cb_memory_tally *tally __attribute__((tls_model("initial-exec")));

/* Blocks that could not be recorded (no memory for a bigger table), counted
 * into whichever tally was open, so that the harness knows its figures are
 * short. */
static void lost(void)
{
    if (tally != NULL) {
        tally->unrecorded++;
    }
}

static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&table_lock, memory_order_acquire)) {
        sched_yield();
    }
}

static void unlock(void)
{
    atomic_flag_clear_explicit(&table_lock, memory_order_release);
}

static size_t slot_of(uintptr_t at, size_t cap)
{
    /* Fibonacci hashing; blocks are at least 16-byte aligned */
    return (size_t) (((uint64_t) (at >> 4) * 0x9e3779b97f4a7c15u) >> 20) & (cap - 1);
}

static void put_slot(block *t, size_t cap, uintptr_t at, uint64_t size)
{
    size_t i = slot_of(at, cap);

    while (t[i].at != 0 && t[i].at != at) {
        i = (i + 1) & (cap - 1);
    }
    t[i].at = at;
    t[i].size = size;
}

/* Doubles the table (lock held); -1 when there is no memory for it. */
static int grow(void)
{
    size_t cap = capacity > 0 ? 2 * capacity : 4096, i;
    block *t = next.mmap(NULL, cap * sizeof *t, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (t == MAP_FAILED) {
        return -1;
    }
    for (i = 0; i < capacity; i++) {
        if (table[i].at != 0) {
            put_slot(t, cap, table[i].at, table[i].size);
        }
    }
    if (table != NULL) {
        next.munmap(table, capacity * sizeof *table);
    }
    table = t;
    capacity = cap;
    return 0;
}

/* Records a block (lock held); 0 when it was new, 1 when it replaced one
 * at the same address (a mapping over a mapping), whose size goes to *old. */
static int record(uintptr_t at, uint64_t size, uint64_t *old)
{
    size_t i;

    if (2 * (used + 1) > capacity && grow() != 0) {
        lost();
        return 0;
    }
    for (i = slot_of(at, capacity); table[i].at != 0; i = (i + 1) & (capacity - 1)) {
        if (table[i].at == at) {
            *old = table[i].size;
            table[i].size = size;
            return 1;
        }
    }
    table[i].at = at;
    table[i].size = size;
    used++;
    return 0;
}

/* The slot of a recorded block, or capacity (lock held). */
static size_t find(uintptr_t at)
{
    size_t i;

    if (capacity == 0) {
        return 0;
    }
    for (i = slot_of(at, capacity); table[i].at != 0; i = (i + 1) & (capacity - 1)) {
        if (table[i].at == at) {
            return i;
        }
    }
    return capacity;
}

/* Empties slot i, shifting back the entries its probe sequence holds up. */
static void erase(size_t i)
{
    size_t j = i, home;

    for (;;) {
        table[i].at = 0;
        for (;;) {
            j = (j + 1) & (capacity - 1);
            if (table[j].at == 0) {
                used--;
                return;
            }
            home = slot_of(table[j].at, capacity);
            /* can entry j move to i: is i on its way from home to j? */
            if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
                break;
            }
        }
        table[i] = table[j];
        i = j;
    }
}

static void count_allocation(uint64_t size)
{
    cb_memory_tally *t = tally;

    if (t != NULL) {
        t->allocations++;
        t->bytes += size;
        t->live += (int64_t) size;
        t->peak = t->live > t->peak ? t->live : t->peak;
    }
}

static void count_free(uint64_t size)
{
    cb_memory_tally *t = tally;

    if (t != NULL) {
        t->frees++;
        t->freed_bytes += size;
        t->live -= (int64_t) size;
    }
}

/* A block came from the allocator (flags: MAPPING or 0). */
static void allocated(void *p, uint64_t size, uint64_t flags)
{
    uint64_t old = 0;
    int      replaced;

    lock();
    replaced = record((uintptr_t) p, size | flags, &old);
    unlock();
    if (replaced) {
        count_free(old & ~MAPPING);
    }
    count_allocation(size);
}

/* Takes the record of block p, if it has one of the kind mapping (MAPPING or
 * 0): 1 and its size in *size, or 0. */
static int forget(const void *p, uint64_t mapping, uint64_t *size)
{
    size_t i;
    int    found = 0;

    lock();
    i = find((uintptr_t) p);
    if (i < capacity && (table[i].size & MAPPING) == mapping) {
        *size = table[i].size & ~MAPPING;
        erase(i);
        found = 1;
    }
    unlock();
    return found;
}

/* Records p again, uncounted, after the call that was to release it failed. */
static void restore(void *p, uint64_t size_and_kind)
{
    uint64_t unused;

    lock();
    record((uintptr_t) p, size_and_kind, &unused);
    unlock();
}

static int from_arena(const void *p)
{
    return (const unsigned char *) p >= arena && (const unsigned char *) p < arena + sizeof arena;
}

static void *arena_alloc(size_t size)
{
    size_t start = (arena_used + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);

    if (size > sizeof arena - start) {
        errno = ENOMEM;
        return NULL;
    }
    arena_used = start + size;
    return arena + start;
}

static void *look_up(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

/* 1 once the next definitions are known; 0 while they are being looked up,
 * when allocations come from the arena. */
static int ready(void)
{
    int expected = 0;

    if (atomic_load_explicit(&state, memory_order_acquire) == 2) {
        return 1;
    }
    if (!atomic_compare_exchange_strong(&state, &expected, 1)) {
        /* dlsym is allocating on this thread, or another thread looks up:
         * the process has one thread while its libraries load */
        return atomic_load(&state) == 2;
    }
    *(void **) &next.malloc = look_up("malloc");
    *(void **) &next.calloc = look_up("calloc");
    *(void **) &next.realloc = look_up("realloc");
    *(void **) &next.free = look_up("free");
    *(void **) &next.posix_memalign = look_up("posix_memalign");
    *(void **) &next.aligned_alloc = look_up("aligned_alloc");
    *(void **) &next.memalign = look_up("memalign");
    *(void **) &next.mmap = look_up("mmap");
    *(void **) &next.munmap = look_up("munmap");
    *(void **) &next.mremap = look_up("mremap");
    atomic_store_explicit(&state, 2, memory_order_release);
    return 1;
}

EXPORT void *malloc(size_t size)
{
    void *p;

    if (!ready()) {
        return arena_alloc(size);
    }
    p = next.malloc(size);
    if (p != NULL) {
        allocated(p, size, 0);
    }
    return p;
}

EXPORT void *calloc(size_t n, size_t size)
{
    void *p;

    if (size != 0 && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    if (!ready()) {
        return arena_alloc(n * size); /* static: zeroed, and never handed out twice */
    }
    p = next.calloc(n, size);
    if (p != NULL) {
        allocated(p, (uint64_t) n * size, 0);
    }
    return p;
}

EXPORT void free(void *p)
{
    uint64_t size;

    if (p == NULL || from_arena(p)) {
        return;
    }
    if (forget(p, 0, &size)) {
        count_free(size);
    }
    next.free(p);
}

EXPORT void *realloc(void *p, size_t size)
{
    uint64_t old = 0;
    int      known;
    void    *q;

    if (p == NULL) {
        return malloc(size);
    }
    if (from_arena(p)) {
        /* its size is not known: what is left of the arena after it bounds it */
        q = malloc(size);
        if (q != NULL) {
            size_t room = (size_t) (arena + sizeof arena - (unsigned char *) p);

            memcpy(q, p, size < room ? size : room);
        }
        return q;
    }
    /* forgotten before the allocator may hand p to another thread */
    known = forget(p, 0, &old);
    q = next.realloc(p, size);
    if (q == NULL && size != 0) {
        if (known) {
            restore(p, old); /* it failed: p is still the caller's */
        }
        return NULL;
    }
    if (known) {
        count_free(old);
    }
    if (q != NULL) {
        allocated(q, size, 0);
    }
    return q;
}

EXPORT void *reallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, n * size);
}

EXPORT int posix_memalign(void **out, size_t alignment, size_t size)
{
    int rc;

    if (!ready()) {
        return ENOMEM;
    }
    rc = next.posix_memalign(out, alignment, size);
    if (rc == 0) {
        allocated(*out, size, 0);
    }
    return rc;
}

EXPORT void *aligned_alloc(size_t alignment, size_t size)
{
    void *p;

    if (!ready()) {
        return NULL;
    }
    p = next.aligned_alloc(alignment, size);
    if (p != NULL) {
        allocated(p, size, 0);
    }
    return p;
}

EXPORT void *memalign(size_t alignment, size_t size)
{
    void *p;

    if (!ready()) {
        return NULL;
    }
    p = next.memalign(alignment, size);
    if (p != NULL) {
        allocated(p, size, 0);
    }
    return p;
}

EXPORT void *valloc(size_t size)
{
    return memalign((size_t) sysconf(_SC_PAGESIZE), size);
}

EXPORT void *pvalloc(size_t size)
{
    size_t page = (size_t) sysconf(_SC_PAGESIZE);

    if (size > SIZE_MAX - page) {
        errno = ENOMEM;
        return NULL;
    }
    return memalign(page, (size + page - 1) / page * page);
}

EXPORT void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    void *p;

    if (!ready()) {
        errno = ENOMEM;
        return MAP_FAILED;
    }
    p = next.mmap(addr, length, prot, flags, fd, offset);
    if (p != MAP_FAILED && (flags & MAP_ANONYMOUS)) {
        allocated(p, length, MAPPING);
    }
    return p;
}

EXPORT void *mmap64(void *addr, size_t length, int prot, int flags, int fd, off64_t offset)
{
    return mmap(addr, length, prot, flags, fd, (off_t) offset);
}

/* An unmapping from a counted mapping's start releases that much of it; the
 * rest stays counted. Other unmappings (files, a range inside a mapping) are
 * not allocations' and are not counted. */
EXPORT int munmap(void *addr, size_t length)
{
    uint64_t size;
    int      known, rc;

    if (!ready()) {
        errno = EINVAL;
        return -1;
    }
    known = forget(addr, MAPPING, &size);
    rc = next.munmap(addr, length);
    if (known && rc != 0) {
        restore(addr, size | MAPPING);
    } else if (known) {
        if (length < size) {
            restore((unsigned char *) addr + length, (size - length) | MAPPING);
        }
        count_free(length < size ? length : size);
    }
    return rc;
}

/* A counted mapping moved or resized counts as a realloc: a free of the old
 * size and an allocation of the new one. */
EXPORT void *mremap(void *old, size_t old_size, size_t new_size, int flags, ...)
{
    void    *to = NULL, *p;
    uint64_t size;
    int      known;
    va_list  ap;

    if (!ready()) {
        errno = ENOMEM;
        return MAP_FAILED;
    }
    if (flags & MREMAP_FIXED) {
        va_start(ap, flags);
        to = va_arg(ap, void *);
        va_end(ap);
    }
    known = forget(old, MAPPING, &size);
    p = next.mremap(old, old_size, new_size, flags, to);
    if (known && p == MAP_FAILED) {
        restore(old, size | MAPPING);
    } else if (known) {
        count_free(size);
        allocated(p, new_size, MAPPING);
    }
    return p;
}

static void begin(cb_memory_tally *t)
{
    ready();
    tally = t;
}

static void end(void)
{
    tally = NULL;
}

EXPORT const cb_memory_counter_api cb_memory_counter = { CB_MEMORY_COUNTER_VERSION, begin, end };
