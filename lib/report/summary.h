/*
 * The sentences that state a group's summaries, shared by the terminal and
 * markdown reporters: "did/sha256/64: openssl 3.41x faster than libsodium
 * [3.38x 3.44x]", "kdf/pbkdf2-sha256/x/openssl: 220.10 ns per iteration +
 * 1.2345 us fixed, R² 0.99998", "...: key set-up costs 180.52 ns [...]".
 * Never more than the intervals support: a ratio whose interval holds 1, and
 * a cost whose interval holds 0, are "no measurable difference".
 */
#ifndef CB_SUMMARY_H
#define CB_SUMMARY_H

#include <stddef.h>
#include "stats/group.h"

/* Below this R^2 a sweep's fit is labelled poor: time does not grow linearly
 * with the parameter (a memory-hard KDF against passes at small memory, say). */
#define CB_SUMMARY_POOR_FIT 0.9

void cb_summary_ratio(char *buf, size_t size, const cb_impl_ratio *r, const char *unit);

/* A sweep's fit, or "...: 2 points, too few for a fit" (a chart's key says so
 * of each series it draws). */
void cb_summary_sweep(char *buf, size_t size, const cb_sweep *s, const char *unit);

/* The same in a list of the group's summaries, where the sweeps too short to
 * fit along one axis of one function are said once, by the first: 0 (nothing
 * written) for the others. */
int cb_summary_sweep_once(char *buf, size_t size, const cb_sweep *s, const char *unit);

void cb_summary_cost(char *buf, size_t size, const cb_variant_cost *c, const char *unit);

/* The same in memory, where it was counted (s->has_memory, c->has_memory):
 * "SERIES: peak 1.002 KiB per KiB + 56 B fixed" (Argon2id along mem_kib),
 * "did/sha256-fetch-per-call/64/openssl: per-call fetch adds 1 allocation
 * (7 B) per iteration to did/sha256/64/openssl". */
void cb_summary_sweep_memory(char *buf, size_t size, const cb_sweep *s);

void cb_summary_cost_memory(char *buf, size_t size, const cb_variant_cost *c);

#endif
