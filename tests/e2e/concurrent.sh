# Two runs that save the same baseline at once: each keeps its benchmarks,
# whichever saves first; neither update is lost.
. tests/e2e/common.bash
R="$TMP/reports"
# long enough for both to be measuring at once: each read the baseline (none
# yet) before the other saved, which is when an update used to be lost
BOTH="--warm-up-time 0.2 --measurement-time 0.5 --sample-size 10 --nresamples 1000 --no-html"

for round in 1 2; do
    "$CB" $BOTH --reports-dir "$R" --exact did/sha256/64/openssl >"$TMP/a.out" 2>&1 &
    a=$!
    "$CB" $BOTH --reports-dir "$R" --exact did/sha256/64/libsodium >"$TMP/b.out" 2>&1 &
    b=$!
    wait $a; sa=$?
    wait $b; sb=$?
    if [ $sa -eq 0 ] && [ $sb -eq 0 ]; then ok "round $round: both runs exit 0"; else
        not_ok "round $round: both runs exit 0" "$sa $sb" "$(cat "$TMP/a.out" "$TMP/b.out")"; fi
    run "$CB" --reports-dir "$R" --load-baseline base --no-html
    expect_in "round $round: the baseline holds the first run's benchmark" out '^did/sha256/64/openssl +time:'
    expect_in "round $round: and the second's" out '^did/sha256/64/libsodium +time:'
done
if [ -f "$R/.base.json.lock" ]; then ok "the lock file sits beside the baseline"; else
    not_ok "the lock file sits beside the baseline" "$(ls -a "$R")"; fi

echo "1..$n"
