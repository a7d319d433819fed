/*
 * A result's memory counts (--memory) in words, as the terminal and the
 * --test output print them under the benchmark's time:
 *
 *     memory: 3 allocations (300 B) and 2 frees per iteration, leaks 100 B per iteration;
 *             peak 300 B, resident 4 KiB
 *     memory change: +1 allocation (+64 B) per iteration: more memory (exact counts)
 *
 * and the run's summary at the end, which says when no benchmark leaks.
 */
#ifndef CB_MEMORY_TEXT_H
#define CB_MEMORY_TEXT_H

#include <stdio.h>
#include "core/run.h"

/* A figure as every report prints it: bytes with their unit ("19.04 MiB"),
 * counts whole however large ("2400011"; an average over threads may be
 * "0.5"): a count is exact, and "2.4e+06" would hide its last digits. */
void cb_memory_text_figure(char *buf, size_t size, cb_memory_figure f, double x);

/* What m counted, in one line, into buf: "3 allocations (300 B) and 2 frees
 * per iteration, leaks 100 B per iteration; peak 300 B, resident 4 KiB";
 * "not counted: WHY" when counting failed. threads > 0: the figures are of
 * each of that many threads, and the line says so. */
void cb_memory_text_counts(char *buf, size_t size, const cb_memory *m, size_t threads);

/* What changed against the baseline, into buf: "+1 allocation (+64 B) per
 * iteration, +64 B peak: more memory"; "no change". */
void cb_memory_text_change(char *buf, size_t size, const cb_memory_change *c);

/* The lines of r's memory, indented by indent columns; nothing when it was
 * not counted. color: ANSI colours for a leak and a change. */
void cb_memory_lines(FILE *out, const cb_result *r, int indent, int color);

/* The run's summary, when anything was counted: how many benchmarks were
 * counted and how many leak (naming them), "no leak" when none does, and
 * against a baseline how many use more memory and less. */
void cb_memory_lines_summary(FILE *out, const cb_run *run, int color);

#endif
