/*
 * The divisions a benchmark's checked calls execute (--ct-divisions): the
 * instructions whose time on x86 depends on their operands' values without
 * a branch or an address depending on them, which memcheck carries a secret
 * through without a word. They are found in what callgrind writes when it
 * runs the check's calls with --dump-instr=yes (every instruction executed,
 * by address in its object, with its function, source line and count),
 * each instruction's bytes read from its object file and decoded just far
 * enough to tell a division: DIV, IDIV (F6/F7 /6, /7), and the SSE and AVX
 * divisions and square roots (0F 5E, 0F 51, and their VEX forms). Valgrind
 * cannot tell whether a secret was the operand: the list says where to look.
 */
#ifndef CB_DIVISIONS_H
#define CB_DIVISIONS_H

#include <stddef.h>
#include <stdint.h>
#include "core/check_result.h"
#include "core/error.h"

/* The instruction at bytes[0..n) (its start), or NULL when it is no
 * division: "div", "idiv", "divss", "divsd", "divps", "divpd", "sqrtss",
 * "sqrtsd", "sqrtps", "sqrtpd" (a VEX form named without its 'v'). */
const char *cb_division_decode(const unsigned char *bytes, size_t n);

/* Reads up to n bytes of object at its virtual address into buf: how many,
 * or -1. cb_divisions_find's way to an instruction's bytes. */
typedef long (*cb_object_reader)(const char *object, uint64_t address, unsigned char *buf,
                                 size_t n, void *arg);

/* The reader of object files on disk: the ELF file at path, its address
 * mapped to a file offset by its loadable segments. */
long cb_object_read_elf(const char *path, uint64_t address, unsigned char *buf, size_t n,
                        void *arg);

/*
 * Adds to out the divisions of the callgrind dump text (positions "instr
 * line", named `file` in messages): each instruction with a cost whose
 * bytes read decodes as one, with its function, source file and line,
 * object (file name) and address in it, and the times it ran. A source path
 * under root/ is made relative to it. -1 with err when the dump is not one
 * of instructions, or out of memory.
 */
int cb_divisions_find(const char *file, const char *text, const char *root, cb_object_reader read,
                      void *arg, cb_check_exact *out, cb_error *err);

#endif
