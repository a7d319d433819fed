# The crypto suite behind `make bench`: every benchmark's known-answer check
# passes, every family is there, and the same primitive in both libraries
# carries the same name up to its implementation, so that reports pair them.
. tests/e2e/common.bash

run "$CB" --list
expect_status "--list exits 0" 0
cp "$TMP/out" "$TMP/list"
total=$(wc -l <"$TMP/list")
if [ "$total" -ge 70 ]; then ok "the suite has $total benchmarks (70 or more)"; else
    not_ok "the suite has 70 benchmarks or more" "only $total"; fi

for family in kdf master_key did sign; do
    expect_in "family $family is in --list" list "^$family/"
done

# group/function/param and both implementations, as the brief names them
for primitive in did/sha256/64 did/sha256/1024 did/sha256/16384 did/sha512/64 \
                 master_key/aes-256-gcm-encrypt/32 \
                 master_key/chacha20poly1305-encrypt/1024 \
                 master_key/chacha20poly1305-decrypt/1024 \
                 kdf/scrypt/n=131072/r=8/p=1 \
                 sign/ed25519-keygen sign/ed25519-sign/64 sign/ed25519-verify/64 sign/x25519; do
    for impl in libsodium openssl; do
        expect_in "$primitive/$impl is listed" list "^$primitive/$impl\$"
    done
done

# the variants the reports subtract from their base, and the sweeps they fit
for name in master_key/aes-256-gcm-encrypt-fresh-ctx/1024/openssl \
            master_key/aes-256-gcm-encrypt-fresh-ctx-fetch-per-call/32/openssl \
            did/sha256-fetch-per-call/64/openssl \
            kdf/pbkdf2-sha256/600000/openssl did/did-key-ed25519; do
    expect_in "$name is listed" list "^$name\$"
done
expect_not_in "names are lowercase group/function[/param][/impl]" list '[A-Z ]'

# the Argon2id sweep is a grid on named axes, memory against passes: OWASP's
# three equally strong points on its diagonal, and no dimension in a name
for mem in 12288 19456 47104; do
    for passes in 1 2 3; do
        expect_in "kdf/argon2id/mem_kib=$mem/passes=$passes/libsodium is listed" list \
            "^kdf/argon2id/mem_kib=$mem/passes=$passes/libsodium\$"
    done
done
expect_not_in "no dimension is baked into a name (argon2id-t2, scrypt-r8-p1)" list \
    'argon2id-t[0-9]|scrypt-r[0-9]'

# a digest counts its blocks: 64 bytes and SHA-256's padding are two
run "$CB" --exact did/sha256/64/openssl $SHORT --no-html
expect_status "a short run of did/sha256/64/openssl exits 0" 0
expect_in "did/sha256/64 reports 2 SHA-256 blocks per iteration" out 'blocks: +2 per iteration'

rm -rf "$TMP/reports"
run "$CB" --test --reports-dir "$TMP/reports"
expect_status "--test: every known-answer check passes (exit 0)" 0
expect_in "Criterion's --test lines" out '^Testing did/sha256/64/openssl \.\.\. Success$'
expect_not_in "and nothing FAILED" out 'FAILED'
if [ -e "$TMP/reports" ]; then not_ok "--test saves no baseline"; else ok "--test saves no baseline"; fi
tested=$(grep -c '^Testing .* \.\.\. Success$' "$TMP/out")
if [ "$tested" -eq "$total" ]; then ok "--test checked all $total benchmarks"; else
    not_ok "--test checked every benchmark" "$tested successes for $total benchmarks"; fi

echo "1..$n"
