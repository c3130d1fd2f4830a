#!/usr/bin/env bash
# The k-means benchmark of Statewise against Spark MLlib and scikit-learn, in one go:
#   1. quality: one pass of Statewise k-means (k = 10) on Fashion-MNIST (60,000 x 784) against the best of 10 runs
#      of full-batch Lloyd with k-means++ (scikit-learn; and the project's own LloydKMeans);
#   2. speed on 1,000,000 x 50 Gaussian blobs (20 clusters), k = 20, 2 workers:
#      a. the data pass (parse + update + merge) against parsing alone, same JVM, 2 threads;
#      b. the whole job through the runtime (submit -> COMPLETED) against Spark MLlib KMeans (local[2]) and
#         scikit-learn MiniBatchKMeans (pandas load), at an SSD close to scikit-learn's full-batch KMeans.
# Every model's SSD is computed by one evaluator (CentersSsd) on the full data.
#
# Usage: bench/run-kmeans-bench.sh [--data-dir DIR] [--skip-build] [--skip-java-reference]
# Environment: PYTHON (a python3 with numpy, pandas, scikit-learn; default Debian's python3), MVN_FLAGS (e.g. -o),
#              FASHION_MNIST_DIR (a directory holding train-images-idx3-ubyte.gz; default: the Debian package
#              dataset-fashion-mnist's directory; the package is installed with apt if absent); the idle checks of
#              bench-lib.sh (IDLE_LOAD, IDLE_START_TIMEOUT, IDLE_CPU, IDLE_TIMEOUT).
# Writes bench/target/kmeans-bench.md; raw JSON and logs of every run under bench/target/kmeans-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"

OUT="$BENCH/target/kmeans-bench"
CENTERS="$OUT/centers"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_args "$@"
JAVA_REFERENCE=1
for arg in "${EXTRA_ARGS[@]}"; do
  case "$arg" in
    --skip-java-reference) JAVA_REFERENCE=0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

mkdir -p "$OUT"
if [[ $SKIP_BUILD -eq 0 ]]; then build_bench; else build_bench --skip-build; fi

mkdir -p "$DATA_DIR" "$OUT" "$CENTERS" "$WORK"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT/cpu.txt" "$CENTERS"/*.csv

# ------------------------------------------------------------------------------------------------ data
BLOBS="$DATA_DIR/blobs-1000000x50-k20-seed42.csv"
if [[ ! -s "$BLOBS" ]]; then
  log "generate $BLOBS"
  java -cp "$CP" io.statewise.algorithms.data.synthetic.GaussianBlobs "$BLOBS.part" 1000000 50 20 42
  mv "$BLOBS.part" "$BLOBS"
fi
ensure_fashion_mnist "$DATA_DIR"
cat "$BLOBS" "$MNIST" > /dev/null # every run reads from the page cache
wait_for_idle_start

# ------------------------------------------------------------------------------------------------ 2. speed
run blobs-pass java $HEAP -cp "$CP" io.statewise.bench.StatewiseKMeansBench pass \
  --data "$BLOBS" --k 20 --threads 2 --repeats 3
run blobs-statewise java $HEAP -cp "$CP" io.statewise.bench.StatewiseKMeansBench job \
  --data "$BLOBS" --k 20 --parallelism 2 --jobs 3 --work-dir "$WORK" --centers-out "$CENTERS/blobs-statewise.csv"
run blobs-spark java $HEAP "${SPARK_JVM_FLAGS[@]}" -cp "$SPARK_CP" io.statewise.bench.spark.SparkKMeansBench \
  --data "$BLOBS" --dim 50 --k 20 --seed 1 --master 'local[2]' --centers-out "$CENTERS/blobs-spark.csv"
run blobs-sklearn-minibatch "$PYTHON" "$BENCH/sklearn_kmeans.py" --data "$BLOBS" --mode minibatch --k 20 \
  --centers-out "$CENTERS/blobs-sklearn-minibatch.csv"
run blobs-sklearn-full "$PYTHON" "$BENCH/sklearn_kmeans.py" --data "$BLOBS" --mode full --k 20 \
  --centers-out "$CENTERS/blobs-sklearn-full.csv"
run blobs-ssd java $HEAP -cp "$CP" io.statewise.bench.CentersSsd --data "$BLOBS" \
  statewise="$CENTERS/blobs-statewise.csv" spark="$CENTERS/blobs-spark.csv" \
  sklearn_minibatch="$CENTERS/blobs-sklearn-minibatch.csv" sklearn_full="$CENTERS/blobs-sklearn-full.csv"

# ------------------------------------------------------------------------------------------------ 1. quality
run mnist-statewise java $HEAP -cp "$CP" io.statewise.bench.StatewiseKMeansBench job \
  --data "$MNIST" --k 10 --parallelism 2 --jobs 1 --work-dir "$WORK" --centers-out "$CENTERS/mnist-statewise.csv"
run mnist-sklearn-best-lloyd "$PYTHON" "$BENCH/sklearn_kmeans.py" --data "$MNIST" --mode best-lloyd --k 10 \
  --centers-out "$CENTERS/mnist-sklearn-best-lloyd.csv"
MNIST_MODELS=(statewise="$CENTERS/mnist-statewise.csv" sklearn_best_lloyd="$CENTERS/mnist-sklearn-best-lloyd.csv")
if [[ $JAVA_REFERENCE -eq 1 ]]; then
  run mnist-java-lloyd java $HEAP -cp "$CP" io.statewise.bench.LloydReference --data "$MNIST" --k 10 --runs 10 \
    --centers-out "$CENTERS/mnist-java-lloyd.csv"
  MNIST_MODELS+=(java_lloyd="$CENTERS/mnist-java-lloyd.csv")
fi
run mnist-ssd java $HEAP -cp "$CP" io.statewise.bench.CentersSsd --data "$MNIST" "${MNIST_MODELS[@]}"

# ------------------------------------------------------------------------------------------------ report
"$PYTHON" "$BENCH/kmeans_bench_report.py" "$OUT" "$BENCH/target/kmeans-bench.md"
