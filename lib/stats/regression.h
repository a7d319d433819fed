/*
 * Bivariate fits. Through the origin for the linear sampling mode (time on
 * iterations: the slope is the time per iteration, any fixed cost per sample is
 * what the origin constraint rejects), and with an intercept for parameter
 * sweeps (time = fixed + per-unit cost x parameter).
 */
#ifndef CB_REGRESSION_H
#define CB_REGRESSION_H

#include <stddef.h>

typedef struct cb_fit {
    double slope;
    double intercept; /* 0 for a fit through the origin */
    double r_squared; /* 1 - SS_res / SS_tot, SS_tot about the mean of y */
} cb_fit;

/* Least squares of y on x through the origin. n >= 1, some x nonzero. */
cb_fit cb_regression_origin(const double *x, const double *y, size_t n);

/* Ordinary least squares with an intercept. n >= 2, x not all equal. */
cb_fit cb_regression_ols(const double *x, const double *y, size_t n);

/* Least squares with an intercept minimising relative residuals (weights
 * 1 / y^2), for sweeps whose parameter spans decades: unweighted, the largest
 * point alone decides the intercept. R^2 is the weighted one. y > 0. */
cb_fit cb_regression_relative(const double *x, const double *y, size_t n);

#endif
