#!/usr/bin/env bash
# The digital-stack evaluations of issue #3, as committed under docs/evaluations/digital/. Release build, CPU.
# Default training (about 4 000 optimizer steps at batch 256), not the suites' 250-step cap.
# Accuracy figures are deterministic per seed; wall times depend on the machine (two cores here).
set -euo pipefail
cd "$(dirname "$0")/../.."
logicnets() { dotnet src/Cli/bin/Release/net10.0/logicnets.dll "$@"; }
out=docs/evaluations/digital
mkdir -p "$out"
dotnet build src/Cli -c Release -v quiet -nologo

# 1. gates and gates-wired on the three rules issue #3 asks about, at 16 and 64 gates per layer (depth 3).
for task in add:8 mul:4 parity:16:3; do
  logicnets sweep --task "$task" --models gates,gates-wired --sizes 16,64 --seeds 2 --time-budget 300 \
    --out "$out/${task//:/_}-gates.csv" --force
done

# 2. noisy-xor (40% of training labels flipped, clean test): the hard circuit's test accuracy.
logicnets sweep --task noisy-xor --models gates,gates-wired --sizes 16 --seeds 3 --out "$out/noisy-xor-gates.csv" --force

# 3. gates-serial on add:8 (half the table held out), then the same cell unrolled on sampled add:32 and add:64.
for seed in 1 2 3; do
  logicnets train --task add:8 --model gates-serial --size 16 --seed "$seed" --transfer add:32 add:64 \
    --out "$out/serial-add8-s$seed" > "$out/serial-add8-s$seed.txt"
done

# 4. Can more capacity or search rescue gates/gates-wired on add:8 and mul:4? Wider and deeper nets, a group-sum
#    head (5 output gates vote per bit), and iterated local search on mul:4's 128 training rows.
logicnets sweep --task add:8 --models gates,gates-wired --sizes 256 --depth 4 --seeds 1 --time-budget 300 \
  --out "$out/add_8-gates-wide.csv" --force
logicnets sweep --task add:8 --models gates,gates-wired --sizes 64 --group-sum 5 --seeds 2 --time-budget 300 \
  --out "$out/add_8-gates-groupsum5.csv" --force
logicnets sweep --task mul:4 --models gates,gates-wired --sizes 64 --repair-kicks 500 --seeds 2 --time-budget 300 \
  --out "$out/mul_4-gates-kicks500.csv" --force

# 5. The group-sum head helped on add:8 (section 4); a wider vote, at twice the width.
logicnets sweep --task add:8 --models gates,gates-wired --sizes 128 --group-sum 9 --seeds 2 --time-budget 300 \
  --out "$out/add_8-gates-groupsum9.csv" --force
