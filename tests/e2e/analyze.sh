# `cryptbench analyze` on samples measured elsewhere.
. tests/e2e/common.bash

run "$CB" analyze tests/data/samples_linear_clean.csv
expect_status "analyze a CSV exits 0" 0
expect_in "prints the slope interval (linear samples)" out '^tests/data/samples_linear_clean.csv$'
expect_in "in Criterion's shape" out '^ {24}time: +\[112\.[0-9]+ ns 113\.01 ns 113\.[0-9]+ ns\]$'
expect_in "and its outliers" out '^Found 2 outliers among 100 measurements \(2\.00%\)$'
expect_in "classified" out '^  1 \(1\.00%\) low mild$'

run "$CB" analyze tests/data/samples_flat_kdf.csv --unit ns
expect_in "flat samples report the mean" out '^ {24}time: +\[[0-9.]+ ms 48\.763 ms [0-9.]+ ms\]$'
expect_in "a KDF's severe outlier" out '^  1 \(5\.00%\) high severe$'

run "$CB" analyze tests/data/samples_linear_outliers.csv --format json
expect_status "analyze --format json exits 0" 0
expect_lines "one object" out 1
expect_in "with a baseline's field names" out '"sampling": ?\{"mode": ?"linear"'
expect_in "estimates with intervals" out '"slope": ?\{"point_estimate": ?889\.000175476'
expect_in "outlier counts" out '"counts": ?\{"low_severe": ?1, ?"low_mild": ?0, ?"high_mild": ?0, ?"high_severe": ?3\}'

printf 'iterations,total\n1,100\n2,-4\n' >"$TMP/neg.csv"
run "$CB" analyze "$TMP/neg.csv"
expect_status "a negative total exits 2" 2
expect_in "naming file, line and column" err "neg.csv:3:3: total: expected a positive finite number, got '-4'"
expect_lines "in one line" err 1

printf '1,100\n' >"$TMP/one.csv"
run "$CB" analyze "$TMP/one.csv"
expect_status "one sample exits 2" 2
expect_in "saying two are needed" err 'one.csv: 1 sample: at least 2 are needed'

run "$CB" analyze "$TMP/missing.csv"
expect_status "a missing file exits 2" 2
expect_in "naming it" err 'missing.csv: No such file or directory'

printf '1,1.5\n2,3.1\n3,4.4\n' >"$TMP/us.csv"
run "$CB" analyze "$TMP/us.csv" --unit us
expect_in "--unit us scales totals" out 'time: +\[[0-9.]+ us'

echo "1..$n"
