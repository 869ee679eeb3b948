#!/usr/bin/env bash
# The continuous-stack evaluations of issue #5, as committed under docs/evaluations/. Release build, CPU.
# Accuracy figures are deterministic (seed 1); wall times depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
logicnets() { dotnet src/Cli/bin/Release/net10.0/logicnets.dll "$@"; }
out=docs/evaluations
dotnet build src/Cli -c Release -v quiet -nologo
# moie's defaults before section 9: libtorch's operations and no gradient clip. Sections 3–8 pin them for moie, so
# that they repeat their committed rows.
moie_before_clip=(--set kernel=libtorch --set gradient-clip=0)

# 1. Depth sweep, width 64: plain MLP vs gradient-length protection, on a bit task and a regression task.
for depth in 5 10 20 30; do
  logicnets sweep --task add:6 --models mlp,mlp-parammo --sizes 64 --depth "$depth" --seeds 1 --out "$out/depth/add6-depth$depth.csv" --force
  logicnets sweep --task product:1,2:1,2 --models mlp,mlp-parammo --sizes 64 --depth "$depth" --seeds 1 --out "$out/depth/product-depth$depth.csv" --force
done

# 2. SPL and MoIE beside the MLP at matched parameter counts (about 5 000 on add:8), default training. The committed
#    rows were taken with the defaults of issue #5, before issue #17 changed spl's and moie's; re-running gives today's.
for task in add:8 parity:16:3 noisy-xor; do
  name=${task//:/_}
  logicnets sweep --task "$task" --models mlp --sizes 58 --seeds 1 --out "$out/sparse/$name-mlp.csv" --force
  logicnets sweep --task "$task" --models spl --sizes 33 --seeds 1 --out "$out/sparse/$name-spl.csv" --force
  logicnets sweep --task "$task" --models moie --sizes 8 --seeds 1 --out "$out/sparse/$name-moie.csv" --force
done

# 3. Issue #17: spl and moie at ≈ 4–5 k parameters beside mlp, seeds 1–5, default settings, on the four tasks of the
#    issue (about 35 minutes with --jobs 2). Then one moie run with the design's settings and one with the defaults,
#    whose collapse and activation pictures are committed.
for entry in "parity:16:3 0.1" "noisy-xor 0.5" "add:6 0.5" "mix:xor3,and2,maj3,add2:d4 0.1"; do
  set -- $entry
  name=${1//[:,]/_}
  for model in "mlp 58" "spl 33" "moie 8"; do
    set -- $entry $model
    # moie's rows were taken with M-SAPS on and learned routing from a random start, its defaults until 2026-12-04
    # (sections 4 and 5).
    # spl's with M-SAPS on and a meta learning rate of 0.001, its defaults until section 6.
    extra=()
    [ "$3" = moie ] && extra=(--set msaps=true --set meta-learning-rate=0.001 --set prototype-start=random "${moie_before_clip[@]}")
    [ "$3" = spl ] && extra=(--set msaps=true --set meta-learning-rate=0.001)
    logicnets sweep --task "$1" --train-fraction "$2" --models "$3" --sizes "$4" --seeds 5 --jobs 2 "${extra[@]}" --out "$out/sparse/issue17/$name-$3.csv" --force
  done
done
design="--set absolute-positions=false --set mask-gradient=firing --set balance=0 --set meta-learning-rate=0.01 --set anneal=false --set msaps=true --set prototype-start=random"
logicnets diagnose --task parity:16:3 --train-fraction 0.1 --model moie --size 8 --seed 1 $design "${moie_before_clip[@]}" --out "$out/sparse/issue17/moie-design" --force
# "moie-default": the defaults of the time, M-SAPS on.
logicnets diagnose --task parity:16:3 --train-fraction 0.1 --model moie --size 8 --seed 1 --set msaps=true \
  "${moie_before_clip[@]}" --set meta-learning-rate=0.001 --set prototype-start=random --out "$out/sparse/issue17/moie-default" --force

# Runs MODEL at SIZE on the four tasks of issue #17 (section 3), seeds 1–5, with the --set settings that follow, into
# sparse/issue17/NAME/.
issue17_sweep() {
  local model=$1 size=$2 name=$3 entry
  shift 3
  local settings=("$@")
  for entry in "parity:16:3 0.1" "noisy-xor 0.5" "add:6 0.5" "mix:xor3,and2,maj3,add2:d4 0.1"; do
    set -- $entry
    logicnets sweep --task "$1" --train-fraction "$2" --models "$model" --sizes "$size" --seeds 5 --jobs 2 "${settings[@]}" \
      --out "$out/sparse/issue17/$name/${1//[:,]/_}-$model.csv" --force
  done
}

# 4. Issue #17, moie's M-SAPS ablation and the revival of silent experts: M-SAPS off, off with revival, and off with
#    annealing (about 20 minutes each with --jobs 2; M-SAPS on is section 3's moie rows), with routing learned from a
#    random start, the defaults until section 5; then spl with M-SAPS off at the meta learning rate of the time.
learned=(--set meta-learning-rate=0.001 --set prototype-start=random "${moie_before_clip[@]}")
issue17_sweep moie 8 msaps-off --set msaps=false "${learned[@]}"
issue17_sweep moie 8 msaps-off-revive --set msaps=false --set revive=true "${learned[@]}"
issue17_sweep moie 8 msaps-off-anneal --set msaps=false --set anneal=true "${learned[@]}"
issue17_sweep spl 33 spl-msaps-off --set msaps=false --set meta-learning-rate=0.001

# 5. Issue #17, moie's routing: experts silent on a first batch seeded on its inputs (random-or-inputs), then with
#    prototypes and gates frozen there (meta learning rate 0: moie's default since this section), and spl frozen the
#    same way (not its default); about 20 minutes per moie variant with --jobs 2, 3 for spl.
issue17_sweep moie 8 random-or-inputs --set prototype-start=random-or-inputs --set meta-learning-rate=0.001 "${moie_before_clip[@]}"
issue17_sweep moie 8 frozen-routing --set prototype-start=random-or-inputs --set meta-learning-rate=0 "${moie_before_clip[@]}"
issue17_sweep spl 33 spl-frozen-routing --set prototype-start=random-or-inputs --set meta-learning-rate=0
# "moie-frozen": the pictures of section 3's diagnose at these defaults.
logicnets diagnose --task parity:16:3 --train-fraction 0.1 --model moie --size 8 --seed 1 "${moie_before_clip[@]}" --out "$out/sparse/issue17/moie-frozen" --force

# 6. Issue #17, spl without M-SAPS: with a data-aware start at the old meta learning rate, then at a meta learning rate
#    of 0.0003 — spl's defaults since this section (about 3 minutes each with --jobs 2).
issue17_sweep spl 33 spl-msaps-off-random-or-inputs --set msaps=false --set meta-learning-rate=0.001 --set prototype-start=random-or-inputs
issue17_sweep spl 33 spl-msaps-off-meta-3e-4 --set msaps=false --set meta-learning-rate=0.0003

# 7. Issue #17, spl's prototypes started on centred rows of its inputs — its default since this section (about a
#    minute with --jobs 2); and the product task where random prototypes left a third to all of a layer silent.
issue17_sweep spl 33 spl-inputs-start --set prototype-start=inputs
logicnets sweep --task product --models spl --sizes 16 --seeds 3 --set prototype-start=random --out "$out/sparse/issue17/spl-product/random.csv" --force
logicnets sweep --task product --models spl --sizes 16 --seeds 3 --set prototype-start=random --set balance=1 --set mask-gradient=every --out "$out/sparse/issue17/spl-product/floor.csv" --force
logicnets sweep --task product --models spl --sizes 16 --seeds 3 --set prototype-start=inputs --out "$out/sparse/issue17/spl-product/inputs.csv" --force

# 8. Issue #17, moie computed another way (about 6 minutes with --jobs 2): the fused kernels (SPL layers, attention,
#    layer norms, Adam), an option then; the rows committed at 4a25b33 came from the SPL kernel alone, the code of the
#    time, and those in fused-kernel/ now from commit 2cdb545's kernels (section 9's changed their float sums: check
#    2cdb545 out, where this line read `--set kernel=fused`, to repeat them). The side-by-side Q, K, V rows
#    (sparse/issue17/side-by-side-qkv/) came from commit 016e200, whose code computed them so by default: check it
#    out and run `issue17_sweep moie 8 side-by-side-qkv` to repeat them.
issue17_sweep moie 8 fused-kernel --set kernel=fused --set gradient-clip=0

# 9. Issue #17, moie's gradient clipped to norm 1, its default since this section together with kernel=auto (the
#    fused kernels on CPU up to width 32): at the defaults (about 8 minutes with --jobs 2), and on libtorch's
#    operations (about 25 minutes; the rows committed were taken with `--set gradient-clip=1` before either was a
#    default: the same numbers).
issue17_sweep moie 8 clip-fused
issue17_sweep moie 8 clip-libtorch --set kernel=libtorch
