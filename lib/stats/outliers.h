/*
 * Tukey's fences on the per-iteration values: beyond 1.5 IQR from the quartiles
 * a value is a mild outlier, beyond 3 IQR a severe one. Outliers are counted and
 * reported, never removed: a noisy neighbour is part of what was measured.
 */
#ifndef CB_OUTLIERS_H
#define CB_OUTLIERS_H

#include <stddef.h>
#include "core/result.h"

typedef enum cb_outlier_class {
    CB_OUTLIER_LOW_SEVERE,
    CB_OUTLIER_LOW_MILD,
    CB_OUTLIER_NONE,
    CB_OUTLIER_HIGH_MILD,
    CB_OUTLIER_HIGH_SEVERE
} cb_outlier_class;

/* Computes the fences from a sorted array and counts each class. */
void cb_outliers_classify(const double *sorted, size_t n, cb_outliers *out);

/* The class of one value against fences already computed. */
cb_outlier_class cb_outliers_class_of(const cb_outliers *o, double x);


#endif
