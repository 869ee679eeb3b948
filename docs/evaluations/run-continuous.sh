#!/usr/bin/env bash
# The continuous-stack evaluations of issue #5, as committed under docs/evaluations/. Release build, CPU.
# Accuracy figures are deterministic (seed 1); wall times depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
logicnets() { dotnet src/Cli/bin/Release/net10.0/logicnets.dll "$@"; }
out=docs/evaluations
dotnet build src/Cli -c Release -v quiet -nologo

# 1. Depth sweep, width 64: plain MLP vs gradient-length protection, on a bit task and a regression task.
for depth in 5 10 20 30; do
  logicnets sweep --task add:6 --models mlp,mlp-parammo --sizes 64 --depth "$depth" --seeds 1 --out "$out/depth/add6-depth$depth.csv" --force
  logicnets sweep --task product:1,2:1,2 --models mlp,mlp-parammo --sizes 64 --depth "$depth" --seeds 1 --out "$out/depth/product-depth$depth.csv" --force
done

# 2. SPL and MoIE beside the MLP at matched parameter counts (about 5 000 on add:8), default training.
for task in add:8 parity:16:3 noisy-xor; do
  name=${task//:/_}
  logicnets sweep --task "$task" --models mlp --sizes 58 --seeds 1 --out "$out/sparse/$name-mlp.csv" --force
  logicnets sweep --task "$task" --models spl --sizes 33 --seeds 1 --out "$out/sparse/$name-spl.csv" --force
  logicnets sweep --task "$task" --models moie --sizes 8 --seeds 1 --out "$out/sparse/$name-moie.csv" --force
done
