# The documentation's links: every relative link in README.md, docs/*.md and
# reports/README.md names a file that exists, and every #anchor a heading of
# that page (GitHub's anchors: lower case, punctuation dropped, spaces as
# hyphens, a repeated heading numbered -1, -2, ...). Every page of docs/ is
# reachable from the README. Links inside code (fenced, indented or `quoted`)
# are not links and are left alone.
. tests/e2e/common.bash

# check_links DIR PAGE...: from DIR, writes $TMP/links (one line per heading,
# "ANCHOR page slug", and per link, "LINK page line target"), sets $count to the
# number of relative links and prints one line per broken one.
check_links() {
    local dir=$1 page line target file anchor resolved _
    shift
    (cd "$dir" && awk '
    FNR == 1 { fence = 0; delete seen }
    /^```/ { fence = !fence; next }
    fence || /^    / { next }
    /^#+ / {
        h = $0
        sub(/^#+ +/, "", h)
        h = tolower(h)
        gsub(/[^a-z0-9 _-]/, "", h)
        gsub(/ /, "-", h)
        slug = h
        if (h in seen) { slug = h "-" seen[h] }
        seen[h]++
        print "ANCHOR", FILENAME, slug
    }
    {
        line = $0
        gsub(/`[^`]*`/, "", line)
        while (match(line, /\]\([^)]*\)/)) {
            print "LINK", FILENAME, FNR, substr(line, RSTART + 2, RLENGTH - 3)
            line = substr(line, RSTART + RLENGTH)
        }
    }' "$@") >"$TMP/links"
    grep '^ANCHOR ' "$TMP/links" | cut -d' ' -f2- >"$TMP/anchors"
    count=0
    while read -r _ page line target; do
        case "$target" in http://* | https://* | mailto:*) continue ;; esac
        count=$((count + 1))
        file=${target%%#*}
        anchor=
        case "$target" in *"#"*) anchor=${target#*#} ;; esac
        if [ -z "$file" ]; then
            resolved=$page
        else
            resolved=$(realpath -m --relative-to=. "$(dirname "$page")/$file")
        fi
        if [ ! -e "$dir/$resolved" ]; then
            echo "$page:$line: $target: no file $resolved"
        elif [ -n "$anchor" ] && ! grep -qxF "$resolved $anchor" "$TMP/anchors"; then
            echo "$page:$line: $target: no heading #$anchor in $resolved"
        fi
    done < <(grep '^LINK ' "$TMP/links") >"$TMP/broken"
}

check_links . README.md reports/README.md docs/*.md
mapfile -t bad <"$TMP/broken"
if [ "$count" -gt 20 ]; then ok "the pages have links to check ($count)"; else
    not_ok "the pages have links to check" "only $count relative links found"; fi
if [ ${#bad[@]} -eq 0 ]; then ok "every relative link names a file and a heading that exist"; else
    not_ok "every relative link names a file and a heading that exist" "${bad[@]}"; fi

unlinked=()
for p in docs/*.md; do
    grep -q "^LINK README.md [0-9]* $p\(#.*\)\?$" "$TMP/links" || unlinked+=("$p")
done
if [ ${#unlinked[@]} -eq 0 ]; then ok "the README links every page of docs/"; else
    not_ok "the README links every page of docs/" "not linked: ${unlinked[*]}"; fi

# the format page documents the schema version baselines are written with
written=$(sed -n 's/^#define CB_BASELINE_SCHEMA_VERSION \([0-9]*\).*/\1/p' lib/store/baseline.h)
if grep -q "^## The baseline format (\`schema_version\` $written)\$" reports/README.md; then
    ok "reports/README.md documents schema $written, the one written"
else
    not_ok "reports/README.md documents schema $written, the one written" \
        "$(grep '^## The baseline format' reports/README.md)"
fi

# the checker itself: a broken file and a broken anchor are caught, a good
# anchor to a heading with code and punctuation is not
mkdir -p "$TMP/self"
printf '# A page\n\n## Its `--first` part: here\n\n[ok](#its---first-part-here) [bad](#nowhere)\n[gone](docs/none.md) `[code](none.md)`\n' \
    >"$TMP/self/README.md"
check_links "$TMP/self" README.md
if [ "$(cut -d' ' -f2 "$TMP/broken" | tr '\n' ' ')" = "#nowhere: docs/none.md: " ]; then
    ok "the check catches a missing heading and a missing file, and only those"
else
    not_ok "the check catches a missing heading and a missing file, and only those" "$(cat "$TMP/broken")"
fi

echo "1..$n"
