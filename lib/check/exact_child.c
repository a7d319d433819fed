#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/exact.h"
#include "measure/input.h"
#include "measure/protocol.h"
#include "measure/state.h"

int cb_check_exact_once(const cb_instance *inst, int mark, uint64_t *secret_bytes, char *why,
                        size_t size)
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
    if (inst->def->setup != NULL && cb_state_call(&s, inst->def->setup, 0, 0) != 0) {
        rc = -1;
    } else {
        if (cb_input_fixed(&s) != 0 || cb_state_call(&s, inst->def->run, 1, 1) != 0) {
            rc = -1;
        }
        if (inst->def->teardown != NULL) {
            inst->def->teardown(&s);
        }
        cb_input_release(&s);
    }
    if (rc != 0) {
        snprintf(why, size, "%s", s.failure);
    }
    *secret_bytes = s.secret_bytes;
    cb_clock_close(&clock);
    return rc;
}

int cb_check_child_main(void)
{
    const char        *spec = getenv(CB_CHECK_ENV);
    const cb_instance *inst;
    cb_instance_list   list;
    cb_error           err;
    char               name[512], why[CB_ERROR_MAX];
    uint64_t           secrets = 0;
    int                fd, mark, n = -1;
    FILE              *f;

    if (spec == NULL) {
        return -1;
    }
    if (sscanf(spec, "%d %d %511s%n", &fd, &mark, name, &n) != 3 || n < 0 ||
        (f = fdopen(fd, "w")) == NULL) {
        return 3;
    }
    unsetenv(CB_CHECK_ENV); /* a benchmark that runs programs must not pass it on */
    if (cb_registry_expand(&list, &err) != 0) {
        cb_protocol_write_failure(f, err.msg);
        return fclose(f) == 0 ? 0 : 3;
    }
    inst = cb_instance_find(&list, name);
    if (inst == NULL) {
        cb_protocol_write_failure(f, "no benchmark of that name in the re-executed program");
    } else if (cb_check_exact_once(inst, mark, &secrets, why, sizeof why) != 0) {
        cb_protocol_write_failure(f, why);
    } else {
        fprintf(f, "secrets %llu\nend\n", (unsigned long long) secrets);
    }
    cb_instance_list_free(&list);
    return fclose(f) == 0 ? 0 : 3;
}
