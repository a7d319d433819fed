# `cryptbench calibrate`: the runner's false-alarm rate and detection limit.
. tests/e2e/common.bash

run "$CB" calibrate --rounds 4 --warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 500 --exact did/sha256/64/openssl
expect_status "calibrate exits 0" 0
expect_in "says what it measured" out "^Calibrating the wall-clock gate: 4 rounds of 2 fresh processes .* for 1 benchmark, "
expect_in "the spread of identical code between processes" out "^Identical code in two processes \(A'/A - 1\): median [0-9.]+%, worst [0-9.]+% over 4 rounds\.$"
expect_in "the single-run gate's rates" out "^  2% +4 +[0-9]+% +[0-9]+% +[0-9]+% +[0-9]+% +[0-9]+%$"
expect_in "the paired gate's rates per number of rounds" out "^  4 +1 +[0-9]+% +[0-9]+% +[0-9]+% +[0-9]+% +[0-9]+%$"
expect_in "and the settings to use, or that none caught anything" out "^(  ci/bench-ab with AB_NOISE_THRESHOLD=0\.[0-9]+ AB_MIN_ROUNDS=[0-9]+, each round with --warm-up-time 0\.01 --measurement-time 0\.02 --sample-size 10|No setting caught even \+10% in every window of up to 4 rounds on this runner: .*)$"
expect_not_in "never a setting that caught nothing" out "smallest slowdown caught in every window.*none"
run "$CB" calibrate --rounds 4 --warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 500 'did/sha256/64/'
expect_status "calibrates several benchmarks at once" 0
expect_in "one spread line each" out "^  did/sha256/64/libsodium: median [0-9.]+%, worst [0-9.]+%$"
expect_in "and trials counted over both" out "^  2% +8 +[0-9]+% "
run "$CB" calibrate --rounds 2
expect_status "fewer than 3 rounds is refused" 2
expect_in "naming the option" err "--rounds: expected a whole number from 3 to 1000, got '2'"
run "$CB" calibrate --rounds 3 no-such-benchmark
expect_status "a filter matching nothing is refused" 2
expect_in "saying so" err "calibrate: no benchmark matches no-such-benchmark"

# replaying a gate's stored rounds: whole runs counted, not comparisons
run "$CB" calibrate --replay tests/data/gate_rounds_aa.json --runs 200
expect_status "calibrate --replay exits 0" 0
expect_in "counting whole gate runs of identical code" out '^  per run: +identical code failed [0-9]+ of 200 runs '
expect_in "rounds counted per benchmark" out '^  per benchmark: [0-9.]+ rounds on average$'
expect_in "and what they catch" out '^  per run: +one benchmark \+5% slower: caught in [0-9]+ of 200 runs; '
run "$CB" calibrate --replay tests/data/ref_flat_kdf.json
expect_status "a file that is not a gate's rounds is refused" 2
expect_in "with where and why" err 'ref_flat_kdf\.json:[0-9]+:[0-9]+: .*cryptbench_rounds'

echo "1..$n"
