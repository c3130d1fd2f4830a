#!/usr/bin/env bash
# The tuning-jobs benchmark (issue 8), Statewise only (no peers): successive halving over 27 linear-learner
# configurations (learning_rate and wd drawn log-uniformly; eta 3, rungs of 27 x 1, 9 x 3 and 3 x 9 epochs, promoted
# children continued from their stored states) against the same 27 configurations each trained for 9 epochs (a random
# search of the same seed), on 200,000 x 20 regression rows (LinearRows, score s.d. 3 plus unit noise) with 50,000
# validation rows for three seeds, then on 1,000,000 rows for one; both as tuning jobs on one node, 2 children at
# once, one worker slot each. Figures: the relative gap of the best validation MSE, and the cost ratio (records
# trained by all children; wall time too).
#
# Usage: bench/run-tuning-bench.sh [--data-dir DIR] [--skip-build]
# Environment: MVN_FLAGS (e.g. -o), the idle checks of bench-lib.sh (IDLE_LOAD, IDLE_START_TIMEOUT, IDLE_CPU,
#              IDLE_TIMEOUT).
# Writes bench/target/tuning-bench.md; raw JSON and logs of every run under bench/target/tuning-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT="$BENCH/target/tuning-bench"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_setup_statewise_only "$@"

# Three draws of the 27 configurations (seeds 42, 1, 2): the figure must not rest on one lucky draw.
for seed in 42 1 2; do
  run "halving-seed$seed" java -Xmx4g -cp "$CP" io.statewise.bench.StatewiseTuningBench --rows 200000 \
    --validation-rows 50000 --dim 20 --configurations 27 --max-epochs 9 --parallel 2 --seed "$seed" --work-dir "$WORK"
done
# The same at 1,000,000 rows (100,000 validation rows): fixed costs per child (start, scaler sample, finalize, polling)
# weigh less, so wall time follows the records trained more closely.
run halving-1m-seed42 java -Xmx4g -cp "$CP" io.statewise.bench.StatewiseTuningBench --rows 1000000 \
  --validation-rows 100000 --dim 20 --configurations 27 --max-epochs 9 --parallel 2 --seed 42 --work-dir "$WORK"

PYTHONPATH="$BENCH" "$PYTHON" "$BENCH/tuning_bench_report.py" "$OUT" "$BENCH/target/tuning-bench.md"
