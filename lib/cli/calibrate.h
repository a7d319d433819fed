/*
 * `cryptbench calibrate [FILTER...]`: how trustworthy a wall-clock gate is on
 * the machine it runs on, for the benchmarks it will gate. Each selected
 * benchmark is measured in two fresh processes per round (A and A', identical
 * code), round after round; slowdowns of 1%, 2%, 5% and 10% are A' scaled by
 * that much, so that they carry exactly A''s process-to-process noise. From
 * those it counts how often the single-run gate and the paired A/B gate (for
 * several numbers of rounds and noise thresholds) raise a false alarm on
 * identical code, which slowdowns they catch, and prints the settings to use
 * on this runner with the figures behind them.
 */
#ifndef CB_CALIBRATE_H
#define CB_CALIBRATE_H

#include "cli/config.h"
#include "core/error.h"

/* The command; returns the exit status. With --replay, the replay of a
 * gate's stored rounds (calibrate_replay.c) instead of measuring. */
int cb_command_calibrate(const cb_config *cfg, cb_error *err);

/* `calibrate --replay FILE`: gate runs replayed over a gate's stored rounds;
 * returns the exit status. */
int cb_calibrate_replay(const cb_config *cfg, cb_error *err);

#endif
