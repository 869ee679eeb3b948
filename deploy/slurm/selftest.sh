#!/bin/bash
# Proves the Slurm path on one machine: a one-node Slurm cluster on localhost (Debian's slurm-wlm and munge), the
# quick suite as a 4-task job array plus the merge job chained with --dependency=afterok, and a comparison of the
# merged runs with a local `logicnets bench --suite quick` run. Needs root (it installs and starts the daemons).
#   deploy/slurm/selftest.sh [WORK_DIR]        (default /tmp/logicnets-slurm-selftest)
# LOCAL_DIR=folder reuses a local `bench --suite quick` output of the same commit instead of running it again.
# Output of a real run: docs/results/slurm-selftest.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/logicnets-slurm-selftest}
suite=${SUITE:-quick}
mkdir -p "$work"

need=()
command -v slurmctld >/dev/null || need+=(slurm-wlm)
command -v munged >/dev/null || need+=(munge)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# munge: the key and the daemon Slurm authenticates with.
if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge && dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
fi
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
mkdir -p /run/munge && chown munge:munge /run/munge
pgrep -x munged >/dev/null || runuser -u munge -- munged

# A one-node cluster: this host, its cores, no cgroups (containers rarely allow them).
host=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
conf="$work/slurm.conf"
mkdir -p "$work/state" "$work/spool" "$work/log"
cat > "$conf" <<CONF
ClusterName=selftest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"
pkill -x slurmctld 2>/dev/null || true; pkill -x slurmd 2>/dev/null || true; sleep 1
slurmctld -i
slurmd
for _ in $(seq 30); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mix' && break; sleep 1; done
echo "== cluster"; sinfo

echo "== build"
dotnet build "$repo/src/Cli/LogicNets.Cli.csproj" -c Release -v quiet -nologo | tail -1
cli="dotnet $repo/src/Cli/bin/Release/net10.0/logicnets.dll"

out="$work/array"
rm -rf "$out"
echo "== submit: $suite as a 4-task array + merge"
start=$(date +%s)
LOGICNETS="$cli" "$repo/deploy/slurm/submit.sh" "$suite" 4 "$out"
while [ -n "$(squeue -h -o %i)" ]; do sleep 5; done
echo "array + merge finished in $(( $(date +%s) - start )) s"
sacct >/dev/null 2>&1 || true
for f in "$out"/slurm-*.out; do echo "-- $(basename "$f")"; tail -4 "$f"; done
test -s "$out/merged/summary.md" || { echo "merge produced no summary" >&2; exit 1; }

echo "== local run of the same suite"
if [ -n "${LOCAL_DIR:-}" ] && [ -s "$LOCAL_DIR/runs.csv" ]; then
  local_dir=$LOCAL_DIR # a local run of the same suite made before (same commit), e.g. for BENCHMARKS.md
  echo "reusing $local_dir"
else
  local_dir="$work/local"
  rm -rf "$local_dir"
  $cli bench --suite "$suite" --out "$local_dir" | tail -3
fi

echo "== compare (every column but wall time and throughput)"
python3 - "$out/merged/runs.csv" "$local_dir/runs.csv" <<'PY'
import csv, sys
skip = {"wall_s", "samples_per_s"}
def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {(r["task"], r["model"], r["size"], r["seed"], r["config"]): {k: v for k, v in r.items() if k not in skip} for r in rows}
a, b = load(sys.argv[1]), load(sys.argv[2])
print(f"slurm: {len(a)} runs, local: {len(b)} runs, same keys: {a.keys() == b.keys()}")
differ = [k for k in a.keys() & b.keys() if a[k] != b[k]]
print(f"rows identical apart from timing: {len(a.keys() & b.keys()) - len(differ)} of {len(a.keys() & b.keys())}")
for k in sorted(differ):
    cols = [c for c in a[k] if a[k][c] != b[k].get(c)]
    print("  differs:", " ".join(k[:4]), {c: (a[k][c], b[k][c]) for c in cols})
PY
diff <(grep -v -e "training wall time" -e "^# " "$out/merged/summary.md") <(grep -v -e "training wall time" -e "^# " "$local_dir/summary.md") \
  && echo "summaries identical (apart from the title and wall-time lines)" || echo "summaries differ (above)"
