#!/usr/bin/env bash
# Issue #16's measurements of the gate learners: seeds 1-10 per configuration, one sweep CSV each in
# docs/evaluations/gate-learners/. Release build, one run at a time (--jobs 1) so wall_s is a single-core figure.
# Usage: docs/evaluations/run-gate-learners.sh [NAME ...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Cli -c Release -v quiet -nologo >/dev/null
out=docs/evaluations/gate-learners
logicnets() { dotnet src/Cli/bin/Release/net10.0/logicnets.dll "$@"; }
# Seeds 1-10 unless the configuration names its own count.
sweep() {
  local name=$1; shift
  local seeds=(--seeds 10); [[ " $* " == *" --seeds "* ]] && seeds=()
  mkdir -p "$(dirname "$out/$name.csv")"
  logicnets sweep "${seeds[@]}" --jobs 1 --force --out "$out/$name.csv" "$@" >/dev/null
  echo "$name done"
}

declare -A runs=(
  [noisy-xor-default]="--task noisy-xor --models gates-wired --sizes 16 --depth 2"
  [noisy-xor-no-stop]="--task noisy-xor --models gates-wired --sizes 16 --depth 2 --patience 0"
  [noisy-xor-size64]="--task noisy-xor --models gates-wired --sizes 64"
  [parity16-default]="--task parity:16:3 --train-fraction 0.1 --models gates-wired --sizes 16 --depth 2"
  [parity16-restarts]="--task parity:16:3 --train-fraction 0.1 --models gates-wired --sizes 16 --depth 2 --restarts auto --time-budget 55"
  [parity24-restarts]="--task parity:24:3 --train-fraction 0.1 --models gates-wired --sizes 16 --depth 2 --restarts auto --time-budget 55"
  [add8-serial]="--task add:8 --train-fraction 0.5 --models gates-serial --sizes 16"
  [mul4-logic-tree]="--task mul:4 --train-fraction 1 --models logic-tree --sizes 8"
  [mul4-gates-wired]="--task mul:4 --train-fraction 1 --models gates-wired --sizes 64 --restarts 3"
)
# The gate forms side by side (--set gate-form=softmax16|input-wise); add:6 and the deep net on 5 seeds.
for form in softmax16 input-wise; do
  runs[gate-form/nx-$form]="--task noisy-xor --models gates-wired --sizes 16 --depth 2 --set gate-form=$form"
  runs[gate-form/par-$form]="--task parity:16:3 --train-fraction 0.1 --models gates-wired --sizes 16 --depth 2 --set gate-form=$form"
  runs[gate-form/add6-$form]="--task add:6 --train-fraction 0.5 --models gates-wired --sizes 64 --set gate-form=$form --seeds 5"
  runs[gate-form/deep-$form]="--task parity:8:4 --train-fraction 0.5 --models gates --sizes 32 --depth 6 --set gate-form=$form --seeds 5"
done
# Sparse top-k wiring against the dense softmax (--set wire-top-k=0|4; 4 is gates-wired's default).
for k in 0 4; do
  runs[wiring/p16-k$k]="--task parity:16:3 --train-fraction 0.1 --models gates-wired --sizes 16 --depth 2 --set wire-top-k=$k"
  runs[wiring/p24-k$k]="--task parity:24:3 --train-fraction 0.1 --models gates-wired --sizes 16 --depth 2 --set wire-top-k=$k"
  runs[wiring/nx-k$k]="--task noisy-xor --models gates-wired --sizes 16 --depth 2 --set wire-top-k=$k"
  runs[wiring/add6-k$k]="--task add:6 --train-fraction 0.5 --models gates-wired --sizes 64 --set wire-top-k=$k --seeds 5"
  runs[wiring/mix-k$k]="--task mix:xor3,and2,maj3,add2:d4 --train-fraction 0.01 --models gates-wired --sizes 32 --depth 2 --set wire-top-k=$k"
done
# Skip wiring (--set skip-wiring=true: each layer reads the inputs and every earlier layer) on deeper nets, add:6 and add:8.
for skip in false true; do
  runs[skip-wiring/add6-32x4-$skip]="--task add:6 --train-fraction 0.5 --models gates-wired --sizes 32 --depth 4 --set skip-wiring=$skip --seeds 5"
  runs[skip-wiring/add6-64x6-$skip]="--task add:6 --train-fraction 0.5 --models gates-wired --sizes 64 --depth 6 --set skip-wiring=$skip --seeds 5"
done
runs[skip-wiring/add8-64x6-true]="--task add:8 --train-fraction 0.5 --models gates-wired --sizes 64 --depth 6 --set skip-wiring=true --seeds 3"
# The layered net convolved along the bits (gates-conv, defaults: depth 18 for add:8, input-wise gates, restarts).
runs[conv/add8]="--task add:8 --train-fraction 0.5 --models gates-conv --sizes 8 --seeds 5"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${!runs[@]}")
for name in "${names[@]}"; do
  # shellcheck disable=SC2086
  sweep "$name" ${runs[$name]}
done

# One line per configuration: runs with test exact-match 1 (≥ 99.9 % bit accuracy for noisy-xor), wall time, gates.
python3 - "$out" <<'PY'
import csv, glob, os, statistics, sys
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.csv"), recursive=True)):
    rows = list(csv.DictReader(open(path)))
    if not rows: continue
    exact = sum(float(r["test_bit_acc"] or 0) >= 0.999 for r in rows)
    wall = [float(r["wall_s"]) for r in rows]
    gates = [r["gates"] for r in rows]
    starts = [r.get("starts") or "1" for r in rows]
    print(f"{os.path.relpath(path, sys.argv[1]):28} exact {exact}/{len(rows)}  wall mean {statistics.mean(wall):.2f} s max {max(wall):.1f} s  "
          f"epochs {','.join(r['epochs'] for r in rows)}  gates {','.join(gates)}  starts {','.join(starts)}")
PY
