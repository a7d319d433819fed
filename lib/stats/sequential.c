#include <math.h>
#include <string.h>

#include "stats/sequential.h"
#include "stats/student_t.h"

/* the share of the rounds the paired test keeps (paired.c trims 20% each end) */
#define KEPT 0.6

/* A projection from a few rounds is rough: a benchmark is given up only when
 * it would need more than twice the rounds (or time) there is. */
#define FUTILE_MARGIN 2.0

/* nor before twice min_rounds: six rounds with a wild one project anything */
#define FUTILE_AFTER 2

static int settled(cb_verdict v)
{
    return v == CB_VERDICT_WITHIN_NOISE || v == CB_VERDICT_NO_CHANGE;
}

/* Whether c would be settled after n rounds in all, its spread shrinking as
 * rounds are added and its change either staying (a real one) or shrinking
 * as the spread does (noise, as identical code's is): the more hopeful of the
 * two, so that a benchmark is given up only when neither would settle. */
static int settles_at_with(const cb_sequential *seq, const cb_change *c, size_t rounds, size_t n,
                           double m);

static int settles_at(const cb_sequential *seq, const cb_change *c, size_t rounds, size_t n)
{
    double m = log1p(c->estimate.point);

    return settles_at_with(seq, c, rounds, n, m) ||
           settles_at_with(seq, c, rounds, n, m * sqrt((double) rounds / (double) n));
}

static int settles_at_with(const cb_sequential *seq, const cb_change *c, size_t rounds, size_t n,
                           double m)
{
    double      h = floor(KEPT * (double) n + 0.5);
    double      s = c->estimate.std_err * sqrt((double) rounds / (double) n);
    double      q = cb_student_t_quantile((1.0 + seq->compare.boot.confidence) / 2.0, h - 1.0);
    double      p = 2.0 * (1.0 - cb_student_t_cdf(fabs(m) / s, h - 1.0));
    cb_estimate e = { exp(m) - 1.0, exp(m - q * s) - 1.0, exp(m + q * s) - 1.0, s };

    return cb_compare_verdict(&e, p, &seq->compare) != CB_VERDICT_UNRESOLVED;
}

size_t cb_sequential_rounds_needed(const cb_sequential *seq, const cb_change *c, size_t rounds)
{
    size_t lo = rounds, hi = CB_PAIRED_MAX_ROUNDS;

    if (c->p_value < 0.0 || c->estimate.std_err <= 0.0 || c->verdict != CB_VERDICT_UNRESOLVED) {
        return rounds;
    }
    /* Yuen's standard error shrinks as one over the square root of the rounds
     * it keeps; the change stays where it is. More rounds only narrow the
     * interval, so the first n that settles it is found by halving. */
    if (!settles_at(seq, c, rounds, hi)) {
        return 0;
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;

        if (settles_at(seq, c, rounds, mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return hi;
}

double cb_sequential_level(const cb_sequential *seq, size_t rounds, int last)
{
    double alpha = seq->compare.significance, spend = 0.0;
    size_t look = seq->min_rounds * 2, k = 3;

    for (; look <= rounds && look <= CB_PAIRED_MAX_ROUNDS; look *= 2, k++) {
        if (look == rounds) {
            spend = alpha / (double) (1u << k);
        }
    }
    return last ? fmax(spend, CB_SEQUENTIAL_FINAL * alpha) : spend;
}

cb_look cb_sequential_room(const cb_sequential *seq, const cb_change *c, size_t rounds,
                           double next_s, double left_s, size_t *need)
{
    *need = 0;
    if (next_s > left_s) {
        return CB_LOOK_BUDGET;
    }
    if (rounds >= FUTILE_AFTER * seq->min_rounds && c->p_value >= 0.0 &&
        c->estimate.std_err > 0.0 && c->verdict == CB_VERDICT_UNRESOLVED) {
        /* the rounds the time left affords, with the margin */
        double afford = (double) rounds + floor(FUTILE_MARGIN * left_s / fmax(next_s, 1e-9));
        size_t n = afford < CB_PAIRED_MAX_ROUNDS ? (size_t) afford : CB_PAIRED_MAX_ROUNDS;

        if (!settles_at(seq, c, rounds, n)) {
            *need = cb_sequential_rounds_needed(seq, c, rounds);
            return CB_LOOK_FUTILE;
        }
    }
    return CB_LOOK_MORE;
}

cb_look cb_sequential_look(const cb_sequential *seq, const double *a, const double *b,
                           size_t rounds, cb_change *out)
{
    cb_sequential final = *seq;
    size_t        far;
    double        interim;

    if (rounds < 2) {
        /* one round is no comparison yet */
        memset(out, 0, sizeof *out);
        out->verdict = CB_VERDICT_UNRESOLVED;
        return CB_LOOK_MORE;
    }
    /* shown as if this round were the last: the final test's level */
    final.compare.significance = cb_sequential_level(seq, rounds, 1);
    cb_paired_compare(a, b, rounds, &final.compare, out);
    if (out->p_value < 0.0) {
        /* an exact measure's rounds agree: certain, whatever the verdict */
        return rounds >= seq->exact_rounds ? CB_LOOK_SETTLED : CB_LOOK_MORE;
    }
    if (rounds < seq->min_rounds) {
        return CB_LOOK_MORE;
    }
    if (rounds >= seq->max_rounds) {
        return CB_LOOK_SETTLED;
    }
    /* settled without a rejection: no later round can make it a false alarm */
    if (settled(out->verdict)) {
        return CB_LOOK_SETTLED;
    }
    /* an interim look rejects at its own share of the level */
    interim = cb_sequential_level(seq, rounds, 0);
    if (interim > 0.0) {
        cb_compare_config at = seq->compare;
        cb_verdict        v;

        at.significance = interim;
        v = cb_compare_verdict(&out->estimate, out->p_value, &at);
        if (v == CB_VERDICT_REGRESSED || v == CB_VERDICT_IMPROVED) {
            out->verdict = v;
            out->significance = cb_compare_level(&at);
            return CB_LOOK_SETTLED;
        }
    }
    /* unresolved: futile when not even twice max_rounds would settle it */
    far = (size_t) (FUTILE_MARGIN * (double) seq->max_rounds);
    if (rounds >= FUTILE_AFTER * seq->min_rounds && out->verdict == CB_VERDICT_UNRESOLVED &&
        out->estimate.std_err > 0.0 &&
        !settles_at(&final, out, rounds, far < CB_PAIRED_MAX_ROUNDS ? far : CB_PAIRED_MAX_ROUNDS)) {
        return CB_LOOK_FUTILE;
    }
    return CB_LOOK_MORE;
}
