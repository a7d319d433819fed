/*
 * A gate's verdict on one benchmark in words, the same in the terminal,
 * gate.md and the HTML page: the verdict, and over two measures which one
 * decided it and what the other saw, e.g. "regressed: +4.97% instructions
 * (exact); wall time unresolved ±8.1%" or "no change in work (instructions
 * +0.00%); wall time unresolved ±8.1%", with a row's warnings after it.
 */
#ifndef CB_VERDICT_TEXT_H
#define CB_VERDICT_TEXT_H

#include <stddef.h>
#include "core/result.h"

/* "wall time", "instructions", "cycles": what a comparison's unit measures. */
const char *cb_verdict_text_measure(const cb_change *c, const char *run_unit);

/* A verdict's word: "regressed", "improved", "within noise", "no change",
 * "unresolved". */
const char *cb_verdict_text_word(cb_verdict v);

/* One comparison in brief: "+4.97% instructions (exact)", "wall time
 * unresolved ±8.1%", "wall time +1.20% [+0.40%, +2.00%]". */
void cb_verdict_text_brief(char *buf, size_t size, const cb_change *c, const char *run_unit);

/* r's verdict (r->has_change) as a phrase: its word, and where r was
 * compared on more than one measure, the deciding comparison and the others
 * ("regressed: +4.97% instructions (exact); wall time unresolved ±8.1%");
 * then its flags ("; the measures disagree: ..."). */
void cb_verdict_text(char *buf, size_t size, const cb_result *r, const char *run_unit);

#endif
