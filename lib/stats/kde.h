/*
 * Gaussian kernel density estimate, for the density plots of the HTML report.
 * Bandwidth by Silverman's rule of thumb, 1.06 * sigma * n^(-1/5), which is what
 * Criterion.rs draws and what tests/data/ holds scipy's answers for.
 */
#ifndef CB_KDE_H
#define CB_KDE_H

#include <stddef.h>

/* The bandwidth for x[0..n); 0 when the values are all equal. */
double cb_kde_bandwidth(const double *x, size_t n);

/* The density at `at`, with bandwidth h > 0. */
double cb_kde_density(const double *x, size_t n, double h, double at);

#endif
