#!/usr/bin/env bash
# Side by side in one run, on one core (BENCHMARKS.md, issue #16):
#   1. one relaxed training step: difflogic's CPU implementation (Debian's python3-torch) against ours — libtorch
#      operations and the fused kernel (GateTrainingBenchmark, the same step as ../shared/peers/difflogic_step.py);
#   2. hard-circuit evaluation: ../shared/peers/gatebench.c (gcc -O3 -march=native) against EvaluatorBenchmark.
# Each pair runs twice, alternating, so a drift of the machine shows as disagreement between rounds.
# Usage: bench/side-by-side.sh [log file]   (default BenchmarkDotNet.Artifacts/side-by-side.log, also printed)
set -euo pipefail
cd "$(dirname "$0")/.."
peers=${LOGICNETS_PEERS:-../shared/peers}
log=${1:-BenchmarkDotNet.Artifacts/side-by-side.log}
mkdir -p "$(dirname "$log")"
[ -f "$peers/difflogic_step.py" ] || { echo "side-by-side: $peers/difflogic_step.py not found (set LOGICNETS_PEERS)" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "side-by-side: needs Debian's python3-torch: apt-get install -y python3-torch" >&2; exit 2; }
command -v gcc >/dev/null || { echo "side-by-side: needs gcc: apt-get install -y gcc" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O3 -march=native -o "$work/gatebench" "$peers/gatebench.c"
dotnet build -c Release bench -v quiet -nologo >/dev/null
bdn() { dotnet run --no-build -c Release --project bench -- --filter "$@" --iterationCount 10 --warmupCount 2 --launchCount 1 \
    --artifacts "$work/bdn" 2>&1 | grep -E '^\| ' | grep -v -- '---' ; }
{
  echo "# side by side, $(date -u +%FT%TZ), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  for round in 1 2; do
    echo "## round $round: training step (64 → 6 × 8000 gates, batch 256, one thread)"
    /usr/bin/python3 "$peers/difflogic_step.py" 1 2>/dev/null | grep '^difflogic'
    LOGICNETS_BENCH_THREADS=1 bdn '*GateTrainingBenchmark.Coefficient*' 
    LOGICNETS_BENCH_THREADS=1 bdn '*GateTrainingBenchmark.Fused*'
    echo "## round $round: evaluation (6 × 8000 gates, 4096 samples, one core)"
    for _ in 1 2 3; do "$work/gatebench" 6 8000 4096 100; done
    bdn '*EvaluatorBenchmark.SimdOneCore' '*EvaluatorBenchmark.SimdOneCoreTwoInputGates'
  done
} 2>&1 | tee "$log"
