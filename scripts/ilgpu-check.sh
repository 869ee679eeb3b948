#!/bin/bash
# Issue #16: the ILGPU evaluator on a CUDA GPU — agreement with the SIMD evaluator on random circuits, bit for bit, and
# its speed on the benchmark's 6 × 8000-gate circuit. The GPU machine needs no .NET: this publishes a self-contained
# runner (one 41 MB file, libtorch left out) that is copied there and run.
#   scripts/ilgpu-check.sh [OUT_DIR]       publish into OUT_DIR (default .devrun, ignored by git)
#   OUT_DIR/IlgpuCheck [SAMPLES] [cuda|cpu] on the GPU machine (default 1 048 576 samples; cpu: ILGPU's CPU accelerator)
#   OUT_DIR/IlgpuCheck onecore              the SIMD evaluator on one thread, to set beside gatebench.c there, e.g.
#     gcc -O3 -march=x86-64-v4 -static -o OUT_DIR/gatebench ../shared/peers/gatebench.c   (built here: no compiler there)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/.devrun}
dotnet publish "$repo/scripts/ilgpu-check/IlgpuCheck.csproj" -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -o "$out" -v quiet -nologo
echo "published: $out/IlgpuCheck"
