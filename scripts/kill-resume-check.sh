#!/bin/bash
# Kills a sweep's parent process with SIGKILL at random moments, resumes it each time, and checks that the
# finished CSV has every run exactly once with the rows of an uninterrupted sweep (timing columns aside), and that
# no orphaned worker process outlives its parent.
#   scripts/kill-resume-check.sh [KILLS] [WORK_DIR]      (default 20 kills; output in docs/results/kill-resume.md)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kills=${1:-20}
work=${2:-/tmp/logicnets-kill-resume}
rm -rf "$work" && mkdir -p "$work"
dotnet build "$repo/src/Cli/LogicNets.Cli.csproj" -c Release -v quiet -nologo | tail -1
cli=(dotnet "$repo/src/Cli/bin/Release/net10.0/logicnets.dll")
sweep=(sweep --task add:3 --models mlp,gates,spl --sizes 4,8,16,32,64 --seeds 4 --epochs 200 --train-fraction 0.5)

echo "== uninterrupted reference"
SECONDS=0
"${cli[@]}" "${sweep[@]}" --out "$work/reference.csv" > "$work/reference.log"
reference_s=$SECONDS
echo "reference: $(($(wc -l < "$work/reference.csv") - 1)) runs in ${reference_s} s"

echo "== $kills kills of the parent at random moments, each followed by --resume"
python3 -c "import random; random.seed(14); print(' '.join(f'{random.uniform(0.3, 3.0):.2f}' for _ in range($kills)))" > "$work/delays"
i=0
for delay in $(cat "$work/delays"); do
  i=$((i + 1))
  mode=(--resume); [ -f "$work/killed.csv" ] || mode=()
  "${cli[@]}" "${sweep[@]}" --out "$work/killed.csv" "${mode[@]}" > "$work/kill-$i.log" 2>&1 &
  parent=$!
  sleep "$delay"
  if kill -9 "$parent" 2>/dev/null; then state="killed"; else state="had finished"; fi
  wait "$parent" 2>/dev/null || true
  sleep 1.5 # a worker notices its parent is gone within a second
  orphans=$(pgrep -f "logicnets.dll worker --parent $parent" | wc -l || true)
  rows=$( [ -f "$work/killed.csv" ] && python3 -c "import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))" "$work/killed.csv" || echo 0)
  echo "kill $i after ${delay} s: $state; $rows rows in the file; orphaned workers: $orphans"
  [ "$orphans" -eq 0 ] || { echo "orphaned worker left behind" >&2; exit 1; }
done
echo "== final --resume"
"${cli[@]}" "${sweep[@]}" --out "$work/killed.csv" --resume | grep "runs written"

python3 - "$work/reference.csv" "$work/killed.csv" <<'PY'
import csv, sys
timing = {"wall_s", "samples_per_s"}
def load(path):
    with open(path, newline="") as f:
        return [{k: v for k, v in row.items() if k not in timing} for row in csv.DictReader(f)]
ref, got = load(sys.argv[1]), load(sys.argv[2])
key = lambda r: (r["task"], r["model"], r["size"], r["seed"], r["config"])
keys = [key(r) for r in got]
print(f"reference rows: {len(ref)}; after kills and resumes: {len(got)}; distinct runs: {len(set(keys))}")
print(f"rows identical to the reference (all columns but wall_s, samples_per_s), in the same order: {ref == got}")
if ref != got:
    for a, b in zip(ref, got):
        if a != b: print("  differs:", {c: (a[c], b.get(c)) for c in a if a[c] != b.get(c)})
    sys.exit(1)
PY
