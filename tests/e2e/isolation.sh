# A benchmark that fails, crashes or hangs is reported FAILED; the rest run.
. tests/e2e/common.bash

run "$FAULTY" $SHORT --timeout 2
expect_status "a run with failures exits 1" 1
expect_in "the benchmark before them ran" out '^ok/before +time: '
expect_in "an error return is FAILED with its reason" out '^bad/error +FAILED: crypto_primitive returned -1$'
expect_in "a failed known-answer check is FAILED" out '^bad/kat +FAILED: known-answer mismatch'
expect_in "a crash is FAILED with its signal" out '^bad/crash +FAILED: crashed: signal 11 \(Segmentation fault\)$'
expect_in "a hang is FAILED after the timeout" out '^bad/hang +FAILED: timed out after 2 s'
expect_in "parameterised benchmarks are named group/function/param/impl" out '^ok/sized/256/impl +time: '
expect_in "the benchmark after them ran" out '^ok/after +time: '
expect_in "the summary lists the failures" out '^4 of 8 benchmarks FAILED:$'

run "$FAULTY" $SHORT --timeout 0.4 --exact bad/hang
expect_in "a timeout under a second is said as it was given" out '^bad/hang +FAILED: timed out after 0\.4 s \(--timeout\)$'

run "$FAULTY" --list
expect_lines "--list shows every instance" out 8

run "$FAULTY" $SHORT --format json bad/kat
expect_in "a failure in JSON has status and reason" out '"status": ?"failed"'
expect_in "and the reason" out '"failure": ?"known-answer mismatch: got 00, want ff"'

run "$FAULTY" --test --timeout 2
expect_status "--test exits 1 when a check fails" 1
expect_in "--test reports each failure" out '^Testing bad/kat \.\.\. FAILED: known-answer mismatch'
expect_in "and each success" out '^Testing ok/after \.\.\. Success$'

run "$MISUSE" $SHORT --timeout 2
expect_in "a timer started twice is FAILED" out '^misuse/double-start +FAILED: cb_state_start called twice without cb_state_stop$'
expect_in "a timer stopped unstarted is FAILED" out '^misuse/stop-only +FAILED: cb_state_stop called without cb_state_start$'
expect_in "a benchmark's own output goes to stderr" err '^printed by the benchmark$'
expect_not_in "and not into the report on stdout" out 'printed by the benchmark'
expect_in "a helper process holding the pipe does not make a finished benchmark time out" out '^ok/spawns-helper +time: '
run "$MISUSE" $SHORT --timeout 2 --format json ok/prints
expect_lines "so --format json stays one object per line" out 1

expect_child_dies "a killed runner takes its benchmark's process with it" "bad/hang" \
    "$FAULTY" --exact bad/hang --timeout 60
[ "$child_seen" = 1 ] || not_ok "a killed runner takes its benchmark's process with it" \
    "no child process of the runner appeared"

run "$CB" compare tests/data/change_aa_same_old.csv tests/data/change_aa_same_new.csv --gate --reports-dir /proc/no/such/dir
expect_status "a gate table that cannot be written exits 2" 2
expect_in "saying why" err 'a report could not be written'

echo "1..$n"
