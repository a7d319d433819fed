# lib/'s floors: its folders in the order LAYERS at the top of the Makefile
# gives, bottom first. A file may use its own folder and the folders of
# earlier layers, never a later layer nor a neighbour on its own: checked on
# every `#include "folder/..."` of lib/, and on every function or variable an
# object of $BUILD/lib takes from another (nm), which also catches a call
# through a header that declares another file's functions. And no circle,
# inside a folder too: no files that call each other round a loop of any
# length, no headers that include each other.
. tests/e2e/common.bash

layers=$(sed -n 's/^LAYERS *:= *//p' Makefile)
# "folder layer" lines, layers counted from 1 at the bottom
echo "$layers" | awk -F'|' '{ for (i = 1; i <= NF; i++) { n = split($i, f, " "); for (j = 1; j <= n; j++) print f[j], i } }' \
    >"$TMP/layer"
folders=$(cd lib && ls -d */ | tr -d /)
missing=
for f in $folders; do
    grep -q "^$f " "$TMP/layer" || missing="$missing $f"
done
if [ -n "$layers" ] && [ -z "$missing" ]; then
    ok "every folder of lib/ is in LAYERS ($layers)"
else
    not_ok "every folder of lib/ is in LAYERS" "LAYERS := $layers" "not in it:$missing"
fi

# includes: "FROM TO WHAT", FROM and TO nodes (lib/folder/name, no extension);
# header_includes the same for the headers' includes of headers, by file
grep -Ho '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]*/[^"]*"' lib/*/*.c lib/*/*.h lib/*/*.def |
    awk -v headers="$TMP/header_includes" '{
        src = $0; sub(/:.*/, "", src)
        inc = $0; sub(/^[^"]*"/, "", inc); sub(/"$/, "", inc)
        from = src; sub(/\.[a-z]+$/, "", from)
        to = "lib/" inc; sub(/\.[a-z]+$/, "", to)
        print from, to, "#include \"" inc "\""
        if (src ~ /\.h$/ && inc ~ /\.h$/) print src, "lib/" inc >headers
    }' >"$TMP/includes"
touch "$TMP/header_includes"

# the objects of today's sources: a build directory may keep a moved file's
objs=$(for c in lib/*/*.c; do o=$BUILD/${c%.c}.o; [ -f "$o" ] && echo "$o"; done)
if [ -n "$objs" ]; then
    # calls: "FROM TO SYMBOL" for each global an object takes from another
    nm -A $objs | awk -v build="$BUILD/" '{
        node = $1; sub(/:.*/, "", node); sub(/\.o$/, "", node); node = substr(node, length(build) + 1)
        if ($2 == "U") { use[node " " $3] = 1 }
        else if (NF == 3 && $2 ~ /^[BCDGRSTVW]$/) { def[$3] = node }
    }
    END { for (u in use) { split(u, x, " "); if ((x[2] in def) && def[x[2]] != x[1]) print x[1], def[x[2]], x[2] } }' |
        sort >"$TMP/calls"
    ok "nm read the $(echo "$objs" | wc -l) objects of $BUILD/lib"
else
    : >"$TMP/calls"
    not_ok "nm read the objects of $BUILD/lib" "none: build first (make)"
fi

# up FILE: the uses in FILE that run up the layers or across a layer
up() {
    awk 'FNR == NR { layer[$1] = $2; next }
         { split($1, a, "/"); split($2, b, "/")
           if (a[2] != b[2] && !(layer[b[2]] < layer[a[2]]))
               print $1 " (" a[2] ", layer " layer[a[2]] ") uses " $2 " (" b[2] ", layer " layer[b[2]] "): " substr($0, length($1) + length($2) + 3) }' \
        "$TMP/layer" "$1"
}
up "$TMP/includes" >"$TMP/up"
if [ ! -s "$TMP/up" ]; then ok "every #include in lib/ runs down the layers ($(wc -l <"$TMP/includes") of them)"; else
    not_ok "every #include in lib/ runs down the layers" "$(cat "$TMP/up")"; fi
up "$TMP/calls" | sort -u >"$TMP/up"
if [ ! -s "$TMP/up" ]; then ok "every name an object takes from another runs down the layers ($(wc -l <"$TMP/calls") of them)"; else
    not_ok "every name an object takes from another runs down the layers" "$(cat "$TMP/up")"; fi

# Circles: files that call each other, round a loop of any length, or headers
# that include each other. A header included for its types only is no tie
# back: a backend includes the interface it implements (measure/wall.c
# clock.h) while the interface's file opens the backend. tsort names the files
# of each loop it breaks.
cat "$TMP/calls" "$TMP/header_includes" | awk '$1 != $2 { print $1, $2 }' | sort -u >"$TMP/edges"
tsort "$TMP/edges" >/dev/null 2>"$TMP/loops"
if [ ! -s "$TMP/loops" ]; then ok "no circle between the files of lib/ ($(wc -l <"$TMP/edges") ties)"; else
    sed -n 's/^tsort: \(lib\/[^ ]*\)$/\1/p' "$TMP/loops" | sort -u >"$TMP/in_loops"
    not_ok "no circle between the files of lib/" "in loops: $(tr '\n' ' ' <"$TMP/in_loops")" \
        "the ties between them:" \
        "$(awk 'FNR == NR { in_loop[$1] = 1; next } ($1 in in_loop) && ($2 in in_loop)' \
               "$TMP/in_loops" "$TMP/calls" "$TMP/header_includes" | sort -u)"
fi

echo "1..$n"
