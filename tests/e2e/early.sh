# What a run cannot do is found out before it measures, and said plainly.
. tests/e2e/common.bash
ONE="--exact did/sha256/64/openssl"

run "$CB" $SHORT $ONE --reports-dir /proc/self
expect_status "a reports directory that cannot be written stops the run with exit 2" 2
expect_in "saying so" err '^cryptbench: reports directory: /proc/self: cannot create a file in this directory'
expect_not_in "before measuring anything" out 'time:'
: >"$TMP/file"
run "$CB" $SHORT $ONE --reports-dir "$TMP/file/reports"
expect_status "a reports directory under a file stops the run with exit 2" 2
expect_in "saying why" err "file/reports: cannot create directory: Not a directory"
expect_not_in "before measuring anything" out 'time:'

long=$(printf 'n%.0s' $(seq 300))
run "$CB" $SHORT $ONE --save-baseline "$long"
expect_status "a --save-baseline name too long for a file name exits 2" 2
expect_in "naming the bound" err '--save-baseline: expected a name of at most 200 bytes, got 300 bytes'
expect_not_in "before measuring anything" out 'time:'

dir=$(printf 'd%.0s' $(seq 5000))
run "$CB" $SHORT $ONE --reports-dir "$TMP/$dir"
expect_status "a 5000-byte --reports-dir exits 2" 2
expect_in "blaming the directory, not the baseline's name" err '--reports-dir: expected a path of at most 3072 bytes, got [0-9]+ bytes'
expect_not_in "not the baseline's name" err "baseline name"

run "$CB" $SHORT $ONE --no-html --baseline nosuch --reports-dir /proc/self
expect_status "a run that writes nothing needs no writable directory: it fails on the missing baseline" 2
expect_in "the baseline it was asked to compare with" err 'nosuch.json: No such file or directory'

echo "1..$n"
