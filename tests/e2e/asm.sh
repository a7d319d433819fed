# What CB_LOOP, CB_BATCH_LOOP and cb_black_box compile to (tests/asm/loop.c),
# read from the assembly of each compiler here, as Google Benchmark's assembly
# tests do: the innermost loop keeps its work and adds nothing per iteration
# but its counter, compare and branch. x86-64 only: the counts are its.
. tests/e2e/common.bash

if [ "$(uname -m)" != x86_64 ]; then
    echo "ok 1 # SKIP the instruction counts below are x86-64's"
    echo "1..1"
    exit 0
fi

# loop_of FILE FUNCTION: the instructions of FUNCTION's innermost loop, the
# lines from a label to the nearest later jump back to it, one per line
loop_of() {
    sed -n "/^$2:/,/\.cfi_endproc/p" "$1" | awk '
        /^[.A-Za-z0-9_$]+:/ { sub(/:.*/, ""); label[$0] = n; next }
        /^[ \t]+[a-z]/ {
            insn[n] = $1; text[n] = $0
            if ($1 ~ /^j/ && ($2 in label) && (best == "" || n - label[$2] < best)) {
                best = n - label[$2]; from = label[$2]; to = n
            }
            n++
        }
        END { for (i = from; i <= to && best != ""; i++) print text[i] }'
}

compilers="cc"
command -v clang >/dev/null 2>&1 && compilers="cc clang"
for c in $compilers; do
    asm="$TMP/loop-$c.s"
    if ! $c -O2 -std=c11 -Iinclude -S -o "$asm" tests/asm/loop.c 2>"$TMP/err"; then
        not_ok "$c compiles tests/asm/loop.c" "$(cat "$TMP/err")"
        continue
    fi

    loop_of "$asm" asm_loop_black_box >"$TMP/out"
    k=$(grep -c . "$TMP/out")
    if grep -Eq 'imul' "$TMP/out" && grep -Eq 'mov[a-z]*[[:space:]]+%[a-z0-9]+, *[0-9]*\(%rsp\)' "$TMP/out" &&
        ! grep -q call "$TMP/out" && [ "$k" -le 6 ]; then
        ok "$c: cb_black_box keeps unused work in the loop, which adds only its counter ($k instructions)"
    else
        not_ok "$c: cb_black_box keeps unused work in the loop, which adds only its counter" "$(cat "$TMP/out")"
    fi

    loop_of "$asm" asm_loop_call >"$TMP/out"
    k=$(grep -c . "$TMP/out")
    calls=$(grep -c call "$TMP/out")
    if [ "$calls" -eq 1 ] && grep -q 'call.*asm_opaque' "$TMP/out" && [ "$k" -le 6 ]; then
        ok "$c: CB_LOOP around a call: the call and the loop, no harness call ($k instructions)"
    else
        not_ok "$c: CB_LOOP around a call: the call and the loop, no harness call" "$(cat "$TMP/out")"
    fi

    loop_of "$asm" asm_loop_batched >"$TMP/out"
    k=$(grep -c . "$TMP/out")
    if grep -Eq 'imul' "$TMP/out" && ! grep -q call "$TMP/out" && [ "$k" -le 6 ]; then
        ok "$c: CB_BATCH_LOOP's loop is CB_LOOP's ($k instructions)"
    else
        not_ok "$c: CB_BATCH_LOOP's loop is CB_LOOP's" "$(cat "$TMP/out")"
    fi
done

echo "1..$n"
