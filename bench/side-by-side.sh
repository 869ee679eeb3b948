#!/usr/bin/env bash
# Side by side in one run, on one core (BENCHMARKS.md, issue #16):
#   1. one relaxed training step: difflogic's CPU implementation (Debian's python3-torch) against ours — libtorch
#      operations and the fused kernel (GateTrainingBenchmark, the same step as ../shared/peers/difflogic_step.py);
#   2. hard-circuit evaluation: ../shared/peers/gatebench.c (gcc -O3 -march=native) against EvaluatorBenchmark, and the
#      two-input circuit's rate per gate the evaluator runs (and per nominal gate) over the mean of the C runs.
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
bdn_all() { dotnet run --no-build -c Release --project bench -- --filter "$@" --iterationCount 10 --warmupCount 2 --launchCount 1 \
    --artifacts "$work/bdn" 2>&1 ; }
bdn() { bdn_all "$@" | grep -E '^\| ' | grep -v -- '---' ; }
# bdn, keeping the evaluator benchmark's "// gates run" line.
bdn_gates() { bdn_all "$@" | grep -E '^\| |^// gates run' | grep -v -- '---' | awk '!seen[$0]++' ; }
# The two-input circuit's rate per gate the evaluator runs and per nominal gate, against the mean of the C runs.
rate() {
  printf '%s\n%s\n' "$1" "$2" | awk -F'|' '
    /gate-evals\/s/ { for (i = 1; i <= NF; i++) if (match($i, /: [0-9.e+]+ gate-evals/)) { split(substr($i, RSTART + 2), v, " "); c += v[1]; n++ } }
    /^\/\/ gates run/ { split($0, w, " "); run = w[7] + 0; nominal = w[9] + 0 }
    /two-input gates only/ { t = $4; gsub(/[ ,]/, "", t); unit = t; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", t)
      s = (unit == "ms") ? t / 1000 : (unit == "s") ? t : t / 1e6
      per[$3] = s }
    END { if (n == 0 || run == 0) exit
      for (b in per) printf "rate, two-input circuit, block %s: per gate run %.3g /s = %.2f× C (mean %.3g), nominal %.2f×\n", b + 0, run * 4096 / per[b], run * 4096 / per[b] / (c / n), c / n, nominal * 4096 / per[b] / (c / n) }' | sort -V
}
{
  echo "# side by side, $(date -u +%FT%TZ), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  for round in 1 2; do
    echo "## round $round: training step (64 → 6 × 8000 gates, batch 256, one thread)"
    /usr/bin/python3 "$peers/difflogic_step.py" 1 2>/dev/null | grep '^difflogic'
    LOGICNETS_BENCH_THREADS=1 bdn '*GateTrainingBenchmark.Coefficient*' 
    LOGICNETS_BENCH_THREADS=1 bdn '*GateTrainingBenchmark.Fused*'
    echo "## round $round: evaluation (6 × 8000 gates, 4096 samples, one core)"
    c=$(for _ in 1 2 3; do "$work/gatebench" 6 8000 4096 100; done)
    echo "$c"
    e=$(bdn_gates '*EvaluatorBenchmark.SimdOneCore' '*EvaluatorBenchmark.SimdOneCoreTwoInputGates')
    echo "$e" | grep -v '^// gates run'
    rate "$c" "$e"
  done
} 2>&1 | tee "$log"
