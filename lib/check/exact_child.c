#include <stdio.h>

#include "check/exact.h"
#include "check/memcheck_log.h"
#include "measure/child.h"
#include "measure/input.h"
#include "measure/state.h"
#include "measure/valgrind.h"

/* Tells memcheck's log which part of the check begins. */
static void announce(cb_check_phase phase, size_t input)
{
    char text[64];

    snprintf(text, sizeof text, CB_MEMCHECK_MARK "%s %zu", cb_check_phase_name(phase), input);
    cb_valgrind_print(text);
}

/* One call of run with one iteration on an input of input_class (or none:
 * -1), announced as phase and input. */
static int call(cb_state *s, int input_class, cb_check_phase phase, size_t input)
{
    announce(phase, input);
    if (input_class >= 0 && cb_input_fill(s, input_class) != 0) {
        return -1;
    }
    return cb_state_call(s, s->inst->def->run, 1, 1);
}

/* The calls of the check: inputs of each class in turn, or one without. */
static int calls(cb_state *s, size_t inputs, uint64_t *secret_bytes)
{
    static const cb_check_phase phases[2] = { CB_PHASE_CLASS0, CB_PHASE_CLASS1 };
    size_t                      i;
    int                         c;

    if (s->inst->def->prepare_input == NULL) {
        if (call(s, -1, CB_PHASE_RUN, 0) != 0) {
            return -1;
        }
        *secret_bytes = s->secret_bytes;
        return 0;
    }
    for (c = 0; c < 2; c++) {
        for (i = 0; i < inputs; i++) {
            if (call(s, c, phases[c], i) != 0) {
                return -1;
            }
            if (c == 0 && i == 0) {
                *secret_bytes = s->secret_bytes;
            }
        }
    }
    return 0;
}

int cb_check_exact_once(const cb_instance *inst, int mark, size_t inputs, uint64_t *secret_bytes,
                        char *why, size_t size)
{
    cb_clock clock;
    cb_state s;
    cb_error err;
    int      rc = 0;

    if (cb_clock_open(&clock, CB_MEASURE_WALL, &err) != 0) {
        snprintf(why, size, "%s", err.msg);
        return -1;
    }
    cb_state_init(&s, inst, &clock);
    s.mark_secrets = mark;
    *secret_bytes = 0;
    announce(CB_PHASE_SETUP, 0);
    if (inst->def->setup != NULL && cb_state_call(&s, inst->def->setup, 0, 0) != 0) {
        rc = -1;
    } else {
        rc = calls(&s, inputs > 0 ? inputs : 1, secret_bytes);
        announce(CB_PHASE_TEARDOWN, 0);
        if (inst->def->teardown != NULL) {
            inst->def->teardown(&s);
        }
        cb_input_release(&s);
    }
    if (rc != 0) {
        snprintf(why, size, "%s", s.failure);
        *secret_bytes = s.secret_bytes;
    }
    cb_clock_close(&clock);
    return rc;
}

/* The executable mappings of this process, for the runner to know the
 * object of each frame in memcheck's log: "map START END OFFSET PATH". Under
 * valgrind /proc/self/maps is valgrind's account of the program's memory. */
static void report_mappings(FILE *f)
{
    FILE              *maps = fopen("/proc/self/maps", "r");
    char               line[4096], perms[8], path[4096];
    unsigned long long start, end, offset;

    while (maps != NULL && fgets(line, sizeof line, maps) != NULL) {
        if (sscanf(line, "%llx-%llx %7s %llx %*s %*s %4095[^\n]", &start, &end, perms, &offset,
                   path) == 5 &&
            perms[2] == 'x' && path[0] == '/') {
            fprintf(f, "map %llx %llx %llx %s\n", start, end, offset, path);
        }
    }
    if (maps != NULL) {
        fclose(maps);
    }
}

/* The check's work in the program executed afresh (under valgrind): the
 * secrets marked as asked, the inputs of each class as many as asked. */
static int check_and_report(const cb_instance *inst, const cb_child_request *req, char *why,
                            size_t size)
{
    uint64_t secrets = 0;

    if (cb_check_exact_once(inst, req->number, req->count, &secrets, why, size) != 0) {
        return -1;
    }
    report_mappings(req->report);
    fprintf(req->report, "secrets %llu\n", (unsigned long long) secrets);
    return 0;
}

int cb_check_child_main(void)
{
    cb_child_request req;
    int              status = cb_child_request_read(CB_CHECK_ENV, &req);

    return status != 0 ? status : cb_child_serve(&req, check_and_report);
}
