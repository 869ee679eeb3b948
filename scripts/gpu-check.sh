#!/bin/bash
# Issue #17: the checks a machine with an NVIDIA GPU can run in a few minutes — a CUDA build, `doctor`, one `spl`
# and one `moie` run on cuda and on cpu with the same settings, wall times and scores into one file.
#   scripts/gpu-check.sh [OUT_FILE]      (default gpu-check.txt; needs the .NET 10 SDK, a CUDA driver and NuGet
#                                          access to libtorch-cuda-12.8-linux-x64 2.10.0)
# DEVICE=cpu runs the same script without a GPU (CPU build, cpu runs only): how it was checked on a machine without one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-gpu-check.txt}
device=${DEVICE:-cuda}
build=("$repo/src/Cli/LogicNets.Cli.csproj" -c Release -v quiet -nologo)
[ "$device" = cpu ] || build+=(-p:LibTorchPackage=libtorch-cuda-12.8-linux-x64 -p:LibTorchVersion=2.10.0)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  echo "# gpu-check $(date -u +%FT%TZ), commit $(git -C "$repo" rev-parse --short HEAD), device $device"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo "nvidia-smi: not found"
  echo "## build"
  SECONDS=0
  dotnet build "${build[@]}" | tail -2
  echo "build: ${SECONDS} s"
  cli=(dotnet "$repo/src/Cli/bin/Release/net10.0/logicnets.dll")
  echo "## doctor"
  "${cli[@]}" doctor
  echo "## runs (wall_s from each run's own row; the same seed and settings on each device)"
  echo "model,device,task,size,epochs,wall_s,test_bit_acc,status"
  devices=(cpu)
  [ "$device" = cpu ] || devices=("$device" cpu)
  for model in spl moie; do
    for d in "${devices[@]}"; do
      "${cli[@]}" train --task parity:16:3 --train-fraction 0.1 --model "$model" --size 32 --seed 1 --epochs 20 \
        --device "$d" --out "$work/$model-$d" --force --json 2>"$work/$model-$d.log" > "$work/$model-$d.json" \
        || { echo "$model,$d,failed: $(tail -1 "$work/$model-$d.log")"; continue; }
      python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(",".join(str(r[k]) for k in ["model","device","task","size","epochs","wall_s","test_bit_acc","status"]))' "$work/$model-$d.json"
    done
  done
} 2>&1 | tee "$out"
echo "written: $out"
