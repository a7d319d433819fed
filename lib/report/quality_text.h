/*
 * A result's quality flags (stats/quality.h) in words, the same in the
 * terminal, the JSON and the HTML report: each names the flag and says what
 * it means for the number beside it.
 */
#ifndef CB_QUALITY_TEXT_H
#define CB_QUALITY_TEXT_H

#include <stddef.h>
#include "stats/quality.h"

/* The flags, in the order they are shown. */
#define CB_QUALITY_NFLAGS 4
extern const unsigned cb_quality_order[CB_QUALITY_NFLAGS];

/* A flag's name, for JSON and a table cell: "poor-fit", "estimators-disagree",
 * "calls-apart", "busy-machine". */
const char *cb_quality_name(unsigned flag);

/* Its sentence, with q's figures in `unit`: "poor fit: R² 0.33, the samples'
 * totals do not grow in step with their iterations; the slope is a weak
 * estimate, read it beside the mean and the median". */
void cb_quality_text(char *buf, size_t size, const cb_quality *q, unsigned flag,
                     const char *unit);

#endif
