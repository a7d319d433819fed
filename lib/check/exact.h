/*
 * The exact check (--check constant-time), BoringSSL's CONSTTIME_SECRET in a
 * harness: a benchmark that declares secrets runs once under valgrind's
 * memcheck, its secrets marked undefined, and every conditional jump, memory
 * address or system call argument that memcheck finds computed from them is
 * a finding. Deterministic: the same code gives the same findings.
 */
#ifndef CB_CHECK_EXACT_H
#define CB_CHECK_EXACT_H

#include "check/check.h"

/* Tells a program executed afresh which benchmark to check, whether to mark
 * its secrets undefined, how many inputs of each class to run and where to
 * report: "FD MARK INPUTS NAME". */
#define CB_CHECK_ENV "CRYPTBENCH_CHECK"

/* The exact check of inst into out: skipped when inst declares no secret
 * (found by running it once natively, which costs far less than valgrind),
 * else run under memcheck with its secrets marked, and, when memcheck blamed
 * an error on anything but them, once more without, to tell which errors the
 * secrets caused (memcheck_log.h). -1 only when the harness could not work
 * (err). */
int cb_check_exact_run(const cb_check_config *cfg, const cb_instance *inst, cb_check_exact *out,
                       cb_error *err);

/*
 * Runs inst as the check does, in this process: setup; inputs inputs of class
 * 0, then as many of class 1 (prepare_input), each run with one iteration, or
 * one call of run for a benchmark without input classes; teardown; not the
 * known-answer check, whose vectors are public and which the measurement ran.
 * Each part is announced to valgrind's log (CB_MEMCHECK_MARK), so that a
 * finding says when it was first seen. With mark, cb_secret() marks the
 * secrets undefined (under memcheck). The bytes declared secret by setup and
 * the first call go to *secret_bytes. 0, or -1 with why the benchmark failed.
 * Backtraces are cut at this function: it is named in them.
 */
int cb_check_exact_once(const cb_instance *inst, int mark, size_t inputs, uint64_t *secret_bytes,
                        char *why, size_t size);

#endif
