#!/bin/bash
# Submits a suite as an N-task Slurm job array plus a merge job that starts only when every task succeeded.
#   deploy/slurm/submit.sh SUITE SHARDS OUT        e.g. deploy/slurm/submit.sh quick 4 /shared/bench-quick
# LOGICNETS (default: logicnets on PATH) is the command that runs the CLI on the nodes, e.g.
#   LOGICNETS="dotnet /opt/logicnets/logicnets.dll" deploy/slurm/submit.sh quick 4 /shared/bench-quick
set -euo pipefail
suite=${1:?suite name, e.g. quick}; shards=${2:?number of array tasks}; out=${3:?output folder on shared storage}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
export SUITE="$suite" OUT="$out" LOGICNETS="${LOGICNETS:-logicnets}"
array=$(sbatch --parsable --array="1-$shards" --output="$out/slurm-%A_%a.out" --export=ALL "$here/bench-array.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$array" --output="$out/slurm-merge-%j.out" --export=ALL "$here/merge.sbatch")
echo "array job $array ($shards tasks), merge job $merge → $out/merged/summary.md"
