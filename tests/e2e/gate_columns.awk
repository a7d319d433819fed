# Reads a gate.md and checks every row of its table: New / Old - 1 must be the
# Change, to the digits printed (each of Old and New is cut to five
# significant digits, the change to hundredths of a percent). Prints one
# line per bad row, then "rows N bad M".
function value(cell,    n, unit, f) {
    n = cell + 0
    unit = cell
    sub(/^ *[-+0-9.]+ */, "", unit)
    sub(/ .*/, "", unit)
    f = 1
    if (unit ~ /^ps/) f = 1e-3
    else if (unit ~ /^us/) f = 1e3
    else if (unit ~ /^ms/) f = 1e6
    else if (unit ~ /^s$/) f = 1e9
    else if (unit ~ /^K/) f = 1e3
    else if (unit ~ /^M/) f = 1e6
    else if (unit ~ /^G/) f = 1e9
    return n * f
}
# half a unit of the last digit printed, relative to the value
function slack(cell,    num, dec) {
    num = cell
    sub(/^ */, "", num)
    sub(/ .*/, "", num)
    dec = index(num, ".") > 0 ? length(num) - index(num, ".") : 0
    return 0.5 * 10 ^ -dec / (num + 0)
}
BEGIN { FS = "|"; rows = 0; bad = 0 }
/^\| / && $3 ~ /[0-9]/ && $5 ~ /%/ {
    old = value($3); new = value($4)
    change = $5; sub(/^ */, "", change); sub(/%.*/, "", change); change += 0
    got = 100 * (new / old - 1)
    allow = 0.005 + 100 * (new / old) * (slack($3) + slack($4)) + 1e-9
    rows++
    if (got - change > allow || change - got > allow) {
        bad++
        print "bad row: " $0 " (New/Old - 1 = " got "%)"
    }
}
END { print "rows " rows " bad " bad }
