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
# Environment: PYTHON (a python3 with numpy, pandas, scikit-learn; default python3), MVN_FLAGS (e.g. -o),
#              FASHION_MNIST_DIR (a directory holding train-images-idx3-ubyte.gz; default: the Debian package
#              dataset-fashion-mnist's directory; the package is installed with apt if absent).
# Writes bench/target/kmeans-bench.md; raw JSON and logs of every run under bench/target/kmeans-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
DATA_DIR="$BENCH/target/data"
SKIP_BUILD=0
JAVA_REFERENCE=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) DATA_DIR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --skip-java-reference) JAVA_REFERENCE=0; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's python3 with python3-sklearn and python3-pandas
MVN=${MVN:-mvn}
MVN_FLAGS=${MVN_FLAGS:-}
FASHION_MNIST_DIR=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
OUT="$BENCH/target/kmeans-bench"
CENTERS="$OUT/centers"
WORK="$BENCH/target/work"
HEAP=-Xmx8g
SPARK_JVM_FLAGS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# CPU seconds the whole machine was busy (Linux /proc/stat; 0 elsewhere) and CPU seconds of this shell's children.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
machine_cpu() {
  if [[ -r /proc/stat ]]; then awk -v hz="$CLK_TCK" '/^cpu /{print ($2+$3+$4+$7+$8+$9)/hz; exit}' /proc/stat
  else echo 0; fi
}
children_cpu() { # must run in this shell, not in $(...): a subshell does not see its parent's children times
  times > "$OUT/.times"
  CHILDREN_CPU=$(awk 'function s(x, a) { split(x, a, "m"); sub("s", "", a[2]); return a[1] * 60 + a[2] }
                      NR == 2 { print s($1) + s($2) }' "$OUT/.times")
}

# run NAME COMMAND...: stdout (one JSON line) to $OUT/NAME.json, stderr to $OUT/NAME.log.
run() {
  local name="$1"; shift
  log "run $name"
  local m0 c0 t0 m1 c1 t1
  children_cpu; c0=$CHILDREN_CPU; m0=$(machine_cpu); t0=$(date +%s.%N)
  if ! "$@" > "$OUT/$name.json" 2> "$OUT/$name.log"; then
    log "FAILED: $name (see $OUT/$name.log)"; tail -n 30 "$OUT/$name.log" >&2; exit 1
  fi
  t1=$(date +%s.%N); m1=$(machine_cpu); children_cpu; c1=$CHILDREN_CPU
  # Other processes on the machine skew every figure: keep the CPU time they took during each run.
  awk -v n="$name" -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v m0="$m0" -v m1="$m1" \
    'BEGIN { own = c1 - c0; o = (m1 - m0) - own; if (o < 0 || m1 == 0) o = 0
             printf "%s %.2f %.2f %.2f\n", n, t1 - t0, own, o }' >> "$OUT/cpu.txt"
  log "  done in $(tail -n 1 "$OUT/cpu.txt" | cut -d' ' -f2) s: $(tail -n 1 "$OUT/$name.json" | cut -c1-200)"
}

# ------------------------------------------------------------------------------------------------ build
cd "$ROOT"
if [[ $SKIP_BUILD -eq 0 ]]; then
  log "build statewise-bench (with its upstream modules) and the Spark peer"
  $MVN -B -q $MVN_FLAGS -Pbench -pl bench -am -Dmaven.test.skip=true package
  $MVN -B -q $MVN_FLAGS -f bench/spark/pom.xml -Dmaven.test.skip=true package
fi
CP="$BENCH/target/classes:$(cat "$BENCH/target/classpath.txt")"
SPARK_CP="$BENCH/spark/target/classes:$(cat "$BENCH/spark/target/classpath.txt")"
"$PYTHON" -c 'import numpy, pandas, sklearn' || { echo "PYTHON=$PYTHON lacks numpy/pandas/scikit-learn" >&2; exit 1; }

mkdir -p "$DATA_DIR" "$OUT" "$CENTERS" "$WORK"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT/cpu.txt" "$CENTERS"/*.csv

# ------------------------------------------------------------------------------------------------ data
BLOBS="$DATA_DIR/blobs-1000000x50-k20-seed42.csv"
if [[ ! -s "$BLOBS" ]]; then
  log "generate $BLOBS"
  java -cp "$CP" io.statewise.algorithms.data.synthetic.GaussianBlobs "$BLOBS.part" 1000000 50 20 42
  mv "$BLOBS.part" "$BLOBS"
fi
MNIST="$DATA_DIR/fashion-mnist-train-60000x784.csv"
if [[ ! -s "$MNIST" ]]; then
  IDX="$FASHION_MNIST_DIR/train-images-idx3-ubyte.gz"
  if [[ ! -s "$IDX" ]]; then
    log "installing Debian's dataset-fashion-mnist (Fashion-MNIST is not found in $FASHION_MNIST_DIR)"
    if [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >&2
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >&2
    fi
  fi
  log "convert $IDX to $MNIST"
  java -cp "$CP" io.statewise.bench.IdxToCsv "$IDX" "$MNIST" >&2
fi
cat "$BLOBS" "$MNIST" > /dev/null # every run reads from the page cache

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
