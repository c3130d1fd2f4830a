#!/usr/bin/env bash
# One DeepAR data set, several seeds, one job at a time: the accuracy of a configuration as a mean over seeds (one
# seed's M3 figure is not a measure of the algorithm: seeds 1-3 of one configuration gave MASE ratios 0.95 to 1.33).
#
# Usage: bench/run-deepar-seeds.sh --data DIR --horizon H [--dev] [--seeds "1 2 3"] [--name NAME] [--skip-build]
#                                  [--hp name=value ...]
#   DIR holds deepar_data.py's train.csv and test.csv (run-deepar-bench.sh writes them to bench/target/data/m3-monthly
#   and .../tourism-monthly; the test horizon is then the official test period).
#   --dev: tune here, not on the official test period: deepar_data.py splits DIR/train.csv (each series without its
#   official test period) once more into DIR-dev, whose test horizon is the last H values before the official one.
#   --hp: hyperparameters added to (or replacing) the benchmark's, e.g. --hp num_eval_samples=200.
# Each job is the benchmark's (run-deepar-bench.sh: context H, early stopping after 10 epochs, mini-batches of 32,
# learning rate 0.001, EPOCHS (100) epochs, one worker) with --seed, its forecasts (--forecasts-out) and its model
# (--model-out). Writes bench/target/deepar-seeds/NAME-s<seed>.{json,log,forecasts.csv,model} and prints one line per
# seed and the mean of the test MASE ratio, sMAPE, mean weighted quantile loss and 10%-90% coverage.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT="$BENCH/target/deepar-seeds"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"  # PYTHON, MVN, snapshot_classpath
DATA="" HORIZON="" DEV=0 SEEDS="1 2 3" NAME="" SKIP_BUILD=0 HP=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --horizon) HORIZON="$2"; shift 2 ;;
    --dev) DEV=1; shift ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --hp) HP+=(--hp "$2"); shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -s "$DATA/train.csv" && -n "$HORIZON" ]] || { echo "give --data DIR (with train.csv, test.csv) and --horizon" >&2; exit 2; }
DATA=$(cd "$DATA" && pwd)
if [[ $DEV -eq 1 ]]; then
  "$PYTHON" "$BENCH/deepar_data.py" "$DATA/train.csv" "$HORIZON" "$DATA-dev" >&2
  DATA="$DATA-dev"
fi
NAME=${NAME:-$(basename "$DATA")}
mkdir -p "$OUT" "$WORK"
cd "$ROOT"
if [[ $SKIP_BUILD -eq 0 ]]; then
  $MVN -B -q ${MVN_FLAGS:-} -Pbench -pl bench -am -Dmaven.test.skip=true package >&2
fi
# the project's jars copied first, so that a rebuild while the jobs run changes nothing
snapshot_classpath "$OUT/lib-$NAME"

for seed in $SEEDS; do
  run="$OUT/$NAME-s$seed"
  java -Xmx8g -cp "$CP" io.statewise.bench.StatewiseDeepArBench job --train "$DATA/train.csv" \
    --validation "$DATA/train.csv" --test "$DATA/test.csv" --hp time_freq=M --hp "prediction_length=$HORIZON" \
    --hp "context_length=$HORIZON" --hp "epochs=${EPOCHS:-100}" --hp early_stopping_patience=10 \
    --hp mini_batch_size=32 --hp learning_rate=0.001 --hp "seed=$seed" "${HP[@]+"${HP[@]}"}" --split-size 200000 \
    --work-dir "$WORK" --parallelism 1 --forecasts-out "$run.forecasts.csv" --model-out "$run.model" \
    > "$run.json" 2> "$run.log"
done

"$PYTHON" - "$OUT" "$NAME" $SEEDS <<'EOF'
import json, sys
out, name, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
keys = ["test_mase_ratio", "test_smape", "test_mean_wql", "test_coverage"]
rows = []
for seed in seeds:
    with open(f"{out}/{name}-s{seed}.json") as f:
        d = json.loads(f.read().strip().splitlines()[-1])
    rows.append([d[k] for k in keys])
    print(f"{name} seed {seed}: epochs {d['epochs_run']}, " + ", ".join(f"{k[5:]} {v:.4f}" for k, v in zip(keys, rows[-1]))
          + f", {d['job_s']:.0f} s")
means = [sum(r[i] for r in rows) / len(rows) for i in range(len(keys))]
print(f"{name} mean of {len(rows)} seeds: " + ", ".join(f"{k[5:]} {v:.4f}" for k, v in zip(keys, means)))
EOF
