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

run "$FAULTY" --list
expect_lines "--list shows every instance" out 8

run "$FAULTY" $SHORT --format json bad/kat
expect_in "a failure in JSON has status and reason" out '"status": ?"failed"'
expect_in "and the reason" out '"failure": ?"known-answer mismatch: got 00, want ff"'

run "$FAULTY" --test --timeout 2
expect_status "--test exits 1 when a check fails" 1
expect_in "--test reports each failure" out '^Testing bad/kat \.\.\. FAILED: known-answer mismatch'
expect_in "and each success" out '^Testing ok/after \.\.\. Success$'

echo "1..$n"
