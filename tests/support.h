/*
 * What the cmocka tests share: loading tests/data/ (numpy's and scipy's answers),
 * comparing doubles with a relative tolerance, naming what differed, and a
 * fake clock for the harness.
 */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>

#include "measure/clock.h"

/* tests/data/<name>, parsed; fails the test when it cannot be read. */
json_t *support_load(const char *name);

/* The number at a dotted path ("expected.kde.bandwidth"); fails if absent. */
double support_number(json_t *root, const char *path);

/* The array of numbers at a dotted path, as a new array; *n its length. */
double *support_numbers(json_t *root, const char *path, size_t *n);

/* Fails unless |got - want| <= rel * |want| (or both are 0). */
void support_close_rel(double got, double want, double rel, const char *what);

/* Fails unless |got - want| <= tol. */
void support_close_abs(double got, double want, double tol, const char *what);

/* The wall clock of a harness test: it moves only when the test moves
 * support_now, so no real time is read and nothing can flake. What it
 * measures is support_now too. */
extern uint64_t support_now;
cb_clock support_fake_clock(void);

/* Writes text to a new temporary file and returns its path (static buffer). */
const char *support_temp_file(const char *text);

#endif
