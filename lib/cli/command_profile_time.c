#include <stdio.h>

#include "cli/command.h"
#include "measure/profile_time.h"
#include "report/format.h"

int cb_command_profile_time(const cb_config *cfg, const cb_instance_list *list,
                            const unsigned char *selected, cb_error *err)
{
    cb_clock clock;
    char     per[32];
    double   ns = 0.0;
    size_t   i;
    int      status = CB_EXIT_OK;

    if (cb_clock_open(&clock, CB_MEASURE_WALL, err) != 0) {
        return CB_EXIT_USAGE;
    }
    for (i = 0; i < list->n; i++) {
        const cb_instance *inst = &list->items[i];
        cb_error           why;

        if (!selected[i]) {
            continue;
        }
        printf("Profiling %s for %.4g s ... ", inst->name, cfg->profile_time_s);
        fflush(stdout);
        if (cb_profile_time_run(inst, &clock, cfg->profile_time_s, &ns, &why) != 0) {
            printf("FAILED: %s\n", why.msg);
            status = CB_EXIT_FAILED;
            continue;
        }
        cb_format_time(per, sizeof per, ns);
        printf("done, %s per iteration (nothing analysed, nothing saved)\n", per);
    }
    cb_clock_close(&clock);
    return status;
}
