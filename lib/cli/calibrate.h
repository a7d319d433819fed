/*
 * `cryptbench calibrate`: how trustworthy a wall-clock gate is on the machine
 * it runs on. A built-in workload (SHA-256 of 1 KiB, with a known share of
 * the digests done twice) is measured in fresh processes, round after round:
 * twice as it is (identical code, A and A') and with 1%, 2%, 5% and 10% more
 * work. From those it counts how often the single-run gate and the
 * paired A/B gate (for several numbers of rounds and noise thresholds) raise a
 * false alarm on identical code, which slowdowns they catch, and prints the
 * settings to use on this runner with the figures behind them.
 */
#ifndef CB_CALIBRATE_H
#define CB_CALIBRATE_H

#include "core/config.h"
#include "core/error.h"

#define CB_CALIBRATE_PREFIX "calibrate/"

/* Registers the calibration workloads (done only by calibrate and by the
 * processes it executes, so they never appear in a user's --list). */
void cb_calibrate_register(void);

/* The command; returns the exit status. */
int cb_command_calibrate(const cb_config *cfg, cb_error *err);

#endif
