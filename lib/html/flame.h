/*
 * Profiles in the HTML report (profile/profile.h): icicles drawn with the SVG
 * writer, the run function across the top and each callee under its caller,
 * as wide as its share of the measured loop's instructions; against the
 * baseline, the differential icicle (this run's widths, coloured by how much
 * each call path's instructions grew or shrank); for a sweep, one icicle per
 * parameter side by side. Every name is escaped; nothing is fetched.
 */
#ifndef CB_HTML_FLAME_H
#define CB_HTML_FLAME_H

#include "core/result.h"
#include "html/html.h"
#include "profile/diff.h"
#include "profile/profile.h"
#include "stats/group.h"

/* The classes the icicles are drawn in, for the page's stylesheet. */
extern const char cb_html_flame_css[];

/* The icicle of p in a <figure>, drawn wide and narrow (the page shows one
 * by the window's width), with caption `caption` (escaped). With d, the
 * differential one: node i coloured by its inclusive count against
 * d->old_node_total[i]. */
void cb_html_flame(cb_buf *h, const cb_profile *p, const cb_profile_diff *d,
                   const char *caption);

/* The profile section of r's page, when r has a profile: its icicle and its
 * top functions; with r->grew, the differential icicle and the functions
 * whose instructions changed most. */
void cb_html_flame_section(cb_buf *h, const cb_result *r);

/* One row of icicles per sweep of g whose points have profiles, a point
 * each, side by side: how the shares move with the parameter. */
void cb_html_flame_sweeps(cb_buf *h, const cb_groups *g);

#endif
