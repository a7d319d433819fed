/*
 * The paired gate's page (DIR/html/gate.html), linked from gate.md: the
 * verdicts first, the rule once, the forest plot of its comparisons (one per
 * measure where it compared two), and per benchmark the strip of its rounds'
 * ratios new/old with the change (the rounds' trimmed mean) and its
 * interval. Self-contained, as every page of the report.
 */
#ifndef CB_HTML_GATE_PAGE_H
#define CB_HTML_GATE_PAGE_H

#include "core/error.h"
#include "core/run.h"
#include "html/chart.h"
#include "store/rounds.h"

/* What the page shows: the gate's view (the results reporters are handed,
 * r->change deciding, r->also the other measures), the rule, and the rounds
 * of each measure (rounds[0..nrounds), measure order: the run's first). */
typedef struct cb_html_gate {
    const cb_run    *view;
    cb_html_rule     rule;
    const char      *base, *head; /* what the two sides are called */
    const cb_rounds *rounds;
    size_t           nrounds;
} cb_html_gate;

/* Writes dir/gate.html atomically (dir created if need be); -1 and err when
 * it cannot. */
int cb_html_gate_page(const char *dir, const cb_html_gate *g, cb_error *err);

#endif
