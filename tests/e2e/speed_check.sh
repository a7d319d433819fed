# ci/speed-check end to end: its settings checked before anything runs, pairs
# measured against a stand-in openssl (a throughput it is told, its lines in
# openssl speed -mr's format) and once against the real one. The plumbing is
# under test; docs/crypto-suite.md has the figures.
. tests/e2e/common.bash

if ! command -v openssl >/dev/null 2>&1; then
    echo "ok 1 # SKIP no openssl program"
    echo "1..1"
    exit 0
fi
export SPEED_PROGRAM=$CB
lib=$(openssl version | sed -n 's/.*(Library: \(.*\))$/\1/p')

# a stand-in: `version` as openssl prints it, and `speed` as speed -mr does,
# STUB_BPS bytes per second in STUB_SECONDS of CPU time
stub=$TMP/openssl
cat >"$stub" <<EOF
#!/bin/sh
case \$1 in
version) echo "OpenSSL x (Library: \${STUB_LIB:-$lib})" ;;
speed)
    if [ -n "\${STUB_FAIL:-}" ]; then echo "speed: Unknown algorithm" >&2; exit 1; fi
    echo "+R:1000:sha256:\${STUB_SECONDS:-1.000000}" >&2
    echo "+H:64"
    echo "+F:25:sha256:\${STUB_BPS:-1e15}" ;;
esac
EOF
chmod +x "$stub"

run env SPEED_ROUNDS=two ci/speed-check
expect_status "SPEED_ROUNDS that is not a number exits 2" 2
expect_in "naming it" err "SPEED_ROUNDS must be a whole number above 0, not 'two'"
run env SPEED_SECONDS=0.5 ci/speed-check
expect_status "a fraction of a second exits 2 (openssl speed takes none)" 2
run env SPEED_TOLERANCE=3 ci/speed-check
expect_status "a tolerance of 300% exits 2" 2
run ci/speed-check 'no-such-pair'
expect_status "a filter that matches no pair exits 2" 2
expect_in "listing the pairs" err "no pair matches no-such-pair \(pairs: sha256 , sha512 , aes-256-gcm"
run env SPEED_PROGRAM="$TMP/none" ci/speed-check
expect_status "a missing suite exits 2" 2
expect_in "saying to build it" err "no suite at $TMP/none: run make first"
run env SPEED_OPENSSL="$TMP/none" ci/speed-check
expect_status "a missing openssl exits 2" 2
run env SPEED_OPENSSL="$stub" STUB_FAIL=1 ci/speed-check 'sha256/64'
expect_status "an openssl speed that fails exits 2" 2
expect_in "with what it said" err "openssl speed -evp sha256 -bytes 64 failed .*Unknown algorithm"

# 10^15 bytes a second is beyond any suite: the ratio is about 0, outside 3%
run env SPEED_OPENSSL="$stub" SPEED_ROUNDS=2 SPEED_SECONDS=1 SPEED_CSV="$TMP/rounds.csv" \
    ci/speed-check 'sha256/64'
expect_status "a same-work pair outside the tolerance exits 1" 1
expect_in "says how long it will take" err '^ci/speed-check: 2 rounds of 1 pairs, 1s a side, about 1 min'
expect_in "prints each round's ratio" err '^round 2/2: sha256/64 0\.000$'
expect_in "and the pair's ratio with the lowest and highest round's, and the best rounds'" out \
    '^did/sha256-fresh-ctx/64/openssl +-evp sha256 -bytes 64 +0\.000 +\[0\.000 0\.000\] +0\.000 .* 1000000\.000 GB/s +same; OUTSIDE 3%$'
expect_not_in "no warning when both use the same OpenSSL, on a whole CPU" err 'warning'
expect_lines "SPEED_CSV has a header and a line a round" rounds.csv 3
expect_in "which side went first alternates" rounds.csv '^sha256,64,2,suite-first,[0-9.e+]+,1000000000000000,0\.000000$'

run env SPEED_OPENSSL="$stub" SPEED_ROUNDS=1 SPEED_SECONDS=1 STUB_SECONDS=0.5 \
    STUB_LIB="OpenSSL 3.2.0 23 Nov 2023" ci/speed-check 'sha256/64'
expect_in "a busy machine is named, with speed's share of a CPU" err \
    'warning: the machine is busy: openssl speed had a CPU for only 50% of a run'
expect_in "another OpenSSL than the suite's is named" err \
    "warning: the suite's OpenSSL is not openssl speed's \(OpenSSL 3.2.0 23 Nov 2023\)"
expect_in "and one whose speed loops may differ" err \
    "warning: the pairs' work was established with OpenSSL 3.0.19's speed"

# the real openssl speed: its -mr lines are still read (the ratio depends on the machine)
run env SPEED_ROUNDS=1 SPEED_SECONDS=1 ci/speed-check 'sha512/64'
if [ "$status" -le 1 ]; then ok "a real round exits 0 or 1"; else
    not_ok "a real round exits 0 or 1" "status $status" "$(head -c 600 "$TMP/err")"; fi
expect_in "with a ratio read from openssl speed" out \
    '^did/sha512-fresh-ctx/64/openssl +-evp sha512 -bytes 64 +[0-9]+\.[0-9]{3} '

echo "1..$n"
