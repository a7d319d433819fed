/*
 * Student's t distribution, for the paired comparison of A/B rounds where a
 * handful of rounds is all there is and the normal approximation would be
 * overconfident. Through the regularized incomplete beta function (continued
 * fraction, Numerical Recipes' betacf with Lentz's method).
 */
#ifndef CB_STUDENT_T_H
#define CB_STUDENT_T_H

/* P(T <= t) for T with df > 0 degrees of freedom. */
double cb_student_t_cdf(double t, double df);

/* The p-quantile, 0 < p < 1: t such that P(T <= t) = p (to 1e-12). */
double cb_student_t_quantile(double p, double df);

#endif
