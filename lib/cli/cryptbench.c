/*
 * The installed cryptbench: the runner with no benchmark of its own, for
 * what needs none (analyze, compare, report and trend on stored files, gate
 * between two benchmark programs) and its manual. Not part of the library:
 * the Makefile links it apart.
 */
#include <cryptbench.h>

int main(int argc, char **argv)
{
    return cb_main(argc, argv);
}
