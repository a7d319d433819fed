# The example workflow, ci/github-actions.yml: YAML of the shape GitHub reads
# (triggers, jobs, steps that each run or use one thing, the outputs and files
# the steps hand each other), every `run` script valid bash, and the record
# job's shell run here twice against a local origin: the history kept on its
# branch between runs, so that trend sees both, github-action-benchmark's JSON
# written, and no comment when no gate wrote a table.
. tests/e2e/common.bash

WF=ci/github-actions.yml
py=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
    not_ok "a python3 with yaml to read the workflow (Debian: python3-yaml, ci/install-deps --test)"
    echo "1..$n"
    exit 0
fi

# The shape check; each step's run script lands in $TMP/steps/<job>-<n>.sh.
mkdir -p "$TMP/steps"
run "$py" - "$WF" "$TMP/steps" <<'PY'
import re, sys, yaml

wf = yaml.safe_load(open(sys.argv[1]))
out = sys.argv[2]
problems = []
def need(cond, what):
    if not cond:
        problems.append(what)

# YAML 1.1 reads a bare `on` as true
on = wf.get("on", wf.get(True))
need(isinstance(wf.get("name"), str), "a name")
need(isinstance(on, dict) and "pull_request" in on, "on: pull_request")
need(isinstance(on, dict) and "main" in (on.get("push") or {}).get("branches", []),
     "on: push to main")
jobs = wf.get("jobs") or {}
need(set(jobs) == {"gate", "record"}, "the jobs gate and record, got %s" % sorted(jobs))
for name, job in jobs.items():
    need(isinstance(job.get("runs-on"), str), f"{name}: runs-on")
    need(isinstance(job.get("timeout-minutes"), int), f"{name}: timeout-minutes")
    steps = job.get("steps") or []
    need(len(steps) > 2, f"{name}: steps")
    ids = set()
    for i, step in enumerate(steps):
        label = f"{name}, step {i + 1} ({step.get('name', step.get('uses'))})"
        need(("run" in step) != ("uses" in step), f"{label}: exactly one of run and uses")
        unknown = set(step) - {"name", "id", "if", "run", "uses", "with", "env", "shell"}
        need(not unknown, f"{label}: unknown keys {sorted(unknown)}")
        if "id" in step:
            ids.add(step["id"])
        if "run" in step:
            open(f"{out}/{name}-{i + 1}.sh", "w").write(step["run"])
            open(f"{out}/{name}-{i + 1}.name", "w").write(step.get("name", ""))
    text = yaml.safe_dump(job)
    for ref in re.findall(r"steps\.([A-Za-z_][\w-]*)\.outputs", text):
        need(ref in ids, f"{name}: steps.{ref} names no step")
    need(text.count("${{") == text.count("}}"), f"{name}: unbalanced ${{{{ }}}}")

gate = jobs.get("gate", {}).get("steps", [])
record = jobs.get("record", {}).get("steps", [])
runs = lambda steps: "\n".join(s.get("run", "") for s in steps)
need("cryptbench-ab" in runs(gate), "gate: runs cryptbench-ab")
need("--measure wall,instructions" in runs(gate), "gate: wall time and instruction counts")
comment = [s for s in gate if "sticky-pull-request-comment" in s.get("uses", "")]
need(comment and "steps.comment.outputs.ready == 'true'" in comment[0].get("if", ""),
     "gate: the comment only when a table was written")
bench = [s for s in record if s.get("uses", "").startswith("benchmark-action/github-action-benchmark@")]
need(len(bench) == 1, "record: a github-action-benchmark step")
if bench:
    w = bench[0].get("with", {})
    need(w.get("tool") == "customSmallerIsBetter", "record: tool customSmallerIsBetter")
    path = w.get("output-file-path", "")
    need(re.search(r"--format github > " + re.escape(path), runs(record)),
         f"record: {path} written by --format github")
need("cryptbench trend" in runs(record), "record: the trend")
need(jobs.get("record", {}).get("permissions", {}).get("contents") == "write",
     "record: contents: write, to keep the history")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
expect_status "the workflow has the shape GitHub and its steps need" 0
[ "$status" -eq 0 ] || cat "$TMP/out" | sed 's/^/# /'

bad=()
for f in "$TMP"/steps/*.sh; do
    bash -n "$f" 2>"$TMP/syntax" || bad+=("$(basename "$f"): $(cat "$TMP/syntax")")
done
if [ ${#bad[@]} -eq 0 ]; then ok "every run script is valid bash ($(ls "$TMP"/steps/*.sh | wc -l))"; else
    not_ok "every run script is valid bash" "${bad[@]}"; fi

# step FILE: the run script of the step named NAME in job JOB, as GitHub runs it
step() {
    local f
    for f in "$TMP"/steps/"$1"-*.name; do
        if [ "$(cat "$f")" = "$2" ]; then echo "${f%.name}.sh"; return; fi
    done
    echo "/nonexistent"
}

# The comment step with no table, then with one.
mkdir -p "$TMP/ws/reports"
: >"$TMP/github_output"
run env -C "$TMP/ws" GITHUB_OUTPUT="$TMP/github_output" bash -e "$(step gate 'One comment with the table')"
expect_status "with no gate's table the comment step passes" 0
if [ ! -s "$TMP/github_output" ]; then ok "and posts no comment"; else not_ok "and posts no comment" "$(cat "$TMP/github_output")"; fi
echo '| table |' >"$TMP/ws/reports/gate.md"
run env -C "$TMP/ws" GITHUB_OUTPUT="$TMP/github_output" bash -e "$(step gate 'One comment with the table')"
if grep -qx 'ready=true' "$TMP/github_output"; then ok "with one, it comments"; else not_ok "with one, it comments"; fi

# The record job's history, twice, against a local origin: a fresh clone each
# time, as a runner's checkout is.
git init -q --bare "$TMP/origin.git"
git -C "$TMP/origin.git" symbolic-ref HEAD refs/heads/main
(
    git init -q "$TMP/seed" && cd "$TMP/seed" && git config user.email t@example.com &&
        git config user.name t && echo seed >README && git add README && git commit -qm seed &&
        git push -q "$TMP/origin.git" HEAD:main
) >/dev/null 2>&1
cat >"$TMP/program" <<EOF
#!/bin/sh
exec "$PWD/$CB" --warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 1000 \\
    --no-html --exact did/sha256/64/openssl "\$@"
EOF
chmod +x "$TMP/program"
mkdir -p "$TMP/bin"
ln -s "$PWD/$BUILD/runner/cryptbench" "$TMP/bin/cryptbench"
for i in 1 2; do
    ws="$TMP/run$i"
    git clone -q "$TMP/origin.git" "$ws" 2>/dev/null
    mkdir -p "$TMP/runner-temp$i"
    : >"$TMP/summary$i"
    for s in 'Restore the history' 'Run the benchmarks' 'Trend and change points' 'Keep the history'; do
        run env -C "$ws" PATH="$TMP/bin:$PATH" RUNNER_TEMP="$TMP/runner-temp$i" GITHUB_WORKSPACE="$ws" \
            GITHUB_SHA="run$i" GITHUB_STEP_SUMMARY="$TMP/summary$i" AB_BUILD=true \
            AB_PROGRAM="$TMP/program" bash -e "$(step record "$s")"
        expect_status "run $i, '$s'" 0
    done
done
git -C "$TMP/origin.git" ls-tree --name-only cryptbench-history >"$TMP/kept" 2>/dev/null
if [ "$(grep -c 'main\.json$' "$TMP/kept")" -eq 2 ]; then ok "the history branch keeps both runs"; else
    not_ok "the history branch keeps both runs" "$(cat "$TMP/kept")"; fi
cp "$TMP/summary2" "$TMP/out"
expect_in "the second run's trend sees both" out "History of 'main' in reports/history: 2 runs"
run "$py" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d, list) and d, "an array"
for e in d:
    assert isinstance(e["name"], str) and isinstance(e["unit"], str)
    assert isinstance(e["value"], (int, float)) and e["value"] > 0
    assert isinstance(e.get("range", ""), str) and isinstance(e.get("extra", ""), str)
' "$TMP/run2/reports/github.json"
expect_status "github-action-benchmark's file: an array of {name, unit, value, range, extra}" 0

echo "1..$n"
