/*
 * A run interrupted (SIGINT, SIGTERM, SIGHUP) while a benchmark's process
 * runs cleans up before it dies: the process and everything it started
 * killed, the files it was writing in TMPDIR (valgrind's) removed. Outside
 * that the signals act as they always do. The code that owns a child or a
 * scratch directory arms the handling for as long as it does; a wait on a
 * child ends early once a signal came (cb_interrupt_fd); the last disarm
 * then dies of the signal, as the program would have without any of this.
 * A second signal does not wait for the clean-up.
 */
#ifndef CB_MEASURE_INTERRUPT_H
#define CB_MEASURE_INTERRUPT_H

/* Arms the clean-up (nested: each arm has its disarm). 0, or -1 when the
 * handlers or their pipe could not be set up (the signals then act as
 * before). */
int cb_interrupt_arm(void);

/* Ends an arm; the last one, when a signal came, dies of it. */
void cb_interrupt_disarm(void);

/* The signal that came while armed, or 0. */
int cb_interrupted(void);

/* A file descriptor that polls readable once a signal came while armed,
 * for a wait to end on; -1 before the first arm. */
int cb_interrupt_fd(void);

/* In a forked child: the signals' actions as they were before any arm, and
 * none of the parent's pipe. */
void cb_interrupt_forget(void);

#endif
