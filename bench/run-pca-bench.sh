#!/usr/bin/env bash
# The PCA benchmark of Statewise against scikit-learn and Spark MLlib, in one go:
#   1. accuracy on Fashion-MNIST (60,000 x 784), 10 components, one job per mode: regular mode's explained variances
#      against an exact SVD of the centered data (numpy), and the variance the components of sketch mode
#      (extra_components 10, l = 2k) and randomized mode capture on the data, against the exact top-10 variance;
#   2. speed on 500,000 x 200 CSV (a rank-10 signal plus noise), regular mode, 10 components, 2 workers:
#      a. the data pass (parse + update + merge) against parsing alone, same JVM, 2 threads;
#      b. the whole job through the runtime (submit -> COMPLETED, load included) against scikit-learn PCA and
#         IncrementalPCA (pandas load + fit) and Spark MLlib PCA (local[2], CSV load + VectorAssembler + fit);
#   3. wide sparse data: sketch mode on 20,000 x 20,000 LibSVM (bag-of-words-like, ~100 Zipf-distributed non-zeros per
#      row), 10 components + 10 extra: the state's serialized size against regular mode's d x d matrix, and the job.
#
# Usage: bench/run-pca-bench.sh [--data-dir DIR] [--skip-build]
# Environment: PYTHON (a python3 with numpy, pandas, scikit-learn; default Debian's python3), MVN_FLAGS (e.g. -o),
#              FASHION_MNIST_DIR (see run-kmeans-bench.sh), the idle checks of bench-lib.sh (IDLE_LOAD,
#              IDLE_START_TIMEOUT, IDLE_CPU, IDLE_TIMEOUT).
# Writes bench/target/pca-bench.md; raw JSON and logs of every run under bench/target/pca-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"

OUT="$BENCH/target/pca-bench"
MODELS="$OUT/models"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_setup "$@"

mkdir -p "$DATA_DIR" "$MODELS" "$WORK"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT/cpu.txt" "$MODELS"/*.csv

# ------------------------------------------------------------------------------------------------ data
ensure_fashion_mnist "$DATA_DIR"
LOWRANK="$DATA_DIR/lowrank-500000x200-r10-seed42.csv"
if [[ ! -s "$LOWRANK" ]]; then
  log "generate $LOWRANK"
  java -cp "$CP" io.statewise.bench.LowRankCsv "$LOWRANK.part" 500000 200 10 0.1 42
  mv "$LOWRANK.part" "$LOWRANK"
fi
WIDE_D=20000
WIDE="$DATA_DIR/zipf-20000x${WIDE_D}-nnz100-s1-seed42.svm"
if [[ ! -s "$WIDE" ]]; then
  log "generate $WIDE"
  java -cp "$CP" io.statewise.bench.ZipfLibSvm "$WIDE.part" 20000 "$WIDE_D" 100 1.0 42
  mv "$WIDE.part" "$WIDE"
fi
cat "$MNIST" "$LOWRANK" "$WIDE" > /dev/null # every run reads from the page cache
wait_for_idle_start
echo "$IDLE_AT_START" > "$OUT/idle-at-start.txt"

PCA_JOB=(java $HEAP -cp "$CP" io.statewise.bench.StatewisePcaBench job --num-components 10 --parallelism 2
         --work-dir "$WORK")
PCA_PASS=(java $HEAP -cp "$CP" io.statewise.bench.StatewisePcaBench pass --num-components 10 --threads 2)

# ------------------------------------------------------------------------------------------------ 1. accuracy
run mnist-regular "${PCA_JOB[@]}" --data "$MNIST" --hp algorithm_mode=regular --jobs 1 \
  --model-out "$MODELS/mnist-regular"
run mnist-randomized "${PCA_JOB[@]}" --data "$MNIST" --hp algorithm_mode=randomized --jobs 1 \
  --model-out "$MODELS/mnist-randomized"
run mnist-sketch "${PCA_JOB[@]}" --data "$MNIST" --hp algorithm_mode=sketch --hp extra_components=10 --jobs 1 \
  --model-out "$MODELS/mnist-sketch"
run mnist-exact "$PYTHON" "$BENCH/sklearn_pca.py" --data "$MNIST" --mode exact --k 10 \
  regular="$MODELS/mnist-regular" randomized="$MODELS/mnist-randomized" sketch="$MODELS/mnist-sketch"

# ------------------------------------------------------------------------------------------------ 2. speed
run lowrank-pass "${PCA_PASS[@]}" --data "$LOWRANK" --hp algorithm_mode=regular --repeats 3
run lowrank-statewise "${PCA_JOB[@]}" --data "$LOWRANK" --hp algorithm_mode=regular --jobs 3 \
  --model-out "$MODELS/lowrank-statewise"
run lowrank-sklearn-pca "$PYTHON" "$BENCH/sklearn_pca.py" --data "$LOWRANK" --mode pca --k 10
run lowrank-sklearn-incremental "$PYTHON" "$BENCH/sklearn_pca.py" --data "$LOWRANK" --mode incremental --k 10 \
  --batch-size 5000
run lowrank-spark java $HEAP "${SPARK_JVM_FLAGS[@]}" -cp "$SPARK_CP" io.statewise.bench.spark.SparkPcaBench \
  --data "$LOWRANK" --dim 200 --k 10 --master 'local[2]'

# ------------------------------------------------------------------------------------------------ 3. wide data
# 8 MB splits: the file is ~15 MB, one split at the default 32 MB would leave the second worker idle.
WIDE_OPTS=(--data "$WIDE" --format libsvm --features "$WIDE_D" --hp algorithm_mode=sketch --hp extra_components=10
           --split-size 8388608)
run wide-pass "${PCA_PASS[@]}" "${WIDE_OPTS[@]}" --repeats 1
run wide-statewise "${PCA_JOB[@]}" "${WIDE_OPTS[@]}" --jobs 2

# ------------------------------------------------------------------------------------------------ report
"$PYTHON" "$BENCH/pca_bench_report.py" "$OUT" "$BENCH/target/pca-bench.md"
