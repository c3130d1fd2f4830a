# Shell helpers shared by the bench/run-*-bench.sh scripts; sourced, not run. The sourcing script sets ROOT (the
# repository), BENCH (this directory) and OUT (where each run's JSON, log and cpu.txt go) before calling them.
#
# Environment: PYTHON (a python3 with numpy, pandas, scikit-learn; default Debian's /usr/bin/python3), MVN, MVN_FLAGS
# (e.g. -o), IDLE_LOAD (load average under which the machine counts as idle; default 0.5), IDLE_START_TIMEOUT
# (seconds to wait for it before the first run; default 300), IDLE_CPU (cores other processes may use when a run
# starts; default 0.2), IDLE_TIMEOUT (seconds to wait for that before each run; default 60).

PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's python3 with python3-sklearn and python3-pandas
export PYTHONDONTWRITEBYTECODE=1  # bench_report.py is imported: leave no __pycache__ in the source tree
MVN=${MVN:-mvn}
MVN_FLAGS=${MVN_FLAGS:-}
IDLE_LOAD=${IDLE_LOAD:-0.5}
IDLE_START_TIMEOUT=${IDLE_START_TIMEOUT:-300}
IDLE_CPU=${IDLE_CPU:-0.2}
IDLE_TIMEOUT=${IDLE_TIMEOUT:-60}
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

# bench_args ARGS...: the options every run script takes: --data-dir DIR (sets DATA_DIR; default bench/target/data),
# --skip-build (sets SKIP_BUILD=1), -h/--help (prints the script's header comment and exits). Other arguments are
# left in EXTRA_ARGS for the script's own options.
bench_args() {
  DATA_DIR="$BENCH/target/data"
  SKIP_BUILD=0
  EXTRA_ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --data-dir) DATA_DIR="$2"; shift 2 ;;
      --skip-build) SKIP_BUILD=1; shift ;;
      -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
      *) EXTRA_ARGS+=("$1"); shift ;;
    esac
  done
}

# bench_setup_statewise_only ARGS...: for run scripts without peers and without options of their own: bench_args
# (refusing other arguments), a fresh $OUT and $WORK, statewise-bench built (unless --skip-build) and CP set to its
# classes and dependencies, then wait_for_idle_start (recorded in $OUT/idle-at-start.txt).
bench_setup_statewise_only() {
  bench_args "$@"
  [[ ${#EXTRA_ARGS[@]} -eq 0 ]] || { echo "unknown argument: ${EXTRA_ARGS[0]}" >&2; exit 2; }
  mkdir -p "$OUT" "$WORK"
  rm -f "$OUT"/*.json "$OUT"/*.log "$OUT/cpu.txt"
  cd "$ROOT"
  if [[ $SKIP_BUILD -eq 0 ]]; then
    log "build statewise-bench (with its upstream modules)"
    $MVN -B -q $MVN_FLAGS -Pbench -pl bench -am -Dmaven.test.skip=true package >&2
  fi
  CP="$BENCH/target/classes:$(cat "$BENCH/target/classpath.txt")"
  wait_for_idle_start
  echo "$IDLE_AT_START" > "$OUT/idle-at-start.txt"
}

# bench_setup ARGS...: for run scripts with no options of their own: bench_args (refusing other arguments), then
# build_bench (unless --skip-build) into a fresh $OUT.
bench_setup() {
  bench_args "$@"
  [[ ${#EXTRA_ARGS[@]} -eq 0 ]] || { echo "unknown argument: ${EXTRA_ARGS[0]}" >&2; exit 2; }
  mkdir -p "$OUT"
  if [[ $SKIP_BUILD -eq 0 ]]; then build_bench; else build_bench --skip-build; fi
}

# build_bench [--skip-build]: builds statewise-bench (with its upstream modules) and the Spark peer unless told not
# to, then sets CP (snapshot_classpath into $OUT/lib) and SPARK_CP.
build_bench() {
  cd "$ROOT"
  if [[ "${1:-}" != --skip-build ]]; then
    log "build statewise-bench (with its upstream modules) and the Spark peer"
    $MVN -B -q $MVN_FLAGS -Pbench -pl bench -am -Dmaven.test.skip=true package >&2
    $MVN -B -q $MVN_FLAGS -f bench/spark/pom.xml -Dmaven.test.skip=true package >&2
  fi
  snapshot_classpath "$OUT/lib"
  SPARK_CP="$BENCH/spark/target/classes:$(cat "$BENCH/spark/target/classpath.txt")"
  "$PYTHON" -c 'import numpy, pandas, sklearn' || { echo "PYTHON=$PYTHON lacks numpy/pandas/scikit-learn" >&2; exit 1; }
}

# snapshot_classpath LIB: copies the project's own jars and the bench classes (from bench/target/classpath.txt) to
# the directory LIB, emptied first, and sets CP to them plus the dependencies, so that a rebuild of the modules while a
# benchmark runs can neither change nor break it.
snapshot_classpath() {
  local lib=$1 entries entry path=""
  mkdir -p "$lib"
  rm -rf "${lib:?}"/*
  IFS=: read -ra entries < "$BENCH/target/classpath.txt" || true  # no final newline
  for entry in "${entries[@]}"; do
    if [[ "$entry" == "$ROOT"/* ]]; then
      cp -p "$entry" "$lib/"
      entry="$lib/$(basename "$entry")"
    fi
    path+=":$entry"
  done
  cp -rp "$BENCH/target/classes" "$lib/bench-classes"
  CP="$lib/bench-classes$path"
}

# ensure_fashion_mnist DATA_DIR: sets MNIST to the Fashion-MNIST train images as CSV (60,000 x 784, no label), made
# from FASHION_MNIST_DIR (a directory holding train-images-idx3-ubyte.gz; default: the Debian package
# dataset-fashion-mnist's directory; the package is installed with apt if absent). Needs CP.
ensure_fashion_mnist() {
  local dir="$1"
  local fmnist=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
  MNIST="$dir/fashion-mnist-train-60000x784.csv"
  [[ -s "$MNIST" ]] && return 0
  local idx="$fmnist/train-images-idx3-ubyte.gz"
  if [[ ! -s "$idx" ]]; then
    log "installing Debian's dataset-fashion-mnist (Fashion-MNIST is not found in $fmnist)"
    if [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >&2
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >&2
    fi
  fi
  log "convert $idx to $MNIST"
  java -cp "$CP" io.statewise.bench.IdxToCsv "$idx" "$MNIST" >&2
}

# ensure_fashion_mnist_labeled DATA_DIR: sets FMNIST_TRAIN and FMNIST_TEST to Fashion-MNIST's train (60,000) and
# test (10,000) images as CSV with the label first, made from the IDX files as ensure_fashion_mnist does. Needs CP.
ensure_fashion_mnist_labeled() {
  local dir="$1" fmnist=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
  FMNIST_TRAIN="$dir/fashion-mnist-labeled-train-60000x784.csv"
  FMNIST_TEST="$dir/fashion-mnist-labeled-test-10000x784.csv"
  [[ -s "$FMNIST_TRAIN" && -s "$FMNIST_TEST" ]] && return 0
  ensure_fashion_mnist "$dir"  # installs the IDX files if they are missing
  log "convert Fashion-MNIST with labels to $FMNIST_TRAIN and $FMNIST_TEST"
  java -cp "$CP" io.statewise.bench.IdxToCsv "$fmnist/train-images-idx3-ubyte.gz" "$FMNIST_TRAIN" \
    "$fmnist/train-labels-idx1-ubyte.gz" >&2
  java -cp "$CP" io.statewise.bench.IdxToCsv "$fmnist/t10k-images-idx3-ubyte.gz" "$FMNIST_TEST" \
    "$fmnist/t10k-labels-idx1-ubyte.gz" >&2
}

# ensure_scaling_data DATA_DIR: sets BLOBS (1,000,000 x 50 Gaussian blobs, 20 centers: the k-means benchmark's file)
# and LOWRANK (500,000 x 200 rows of rank 10 plus noise: the PCA benchmark's), generating them if absent, and reads
# both once so that runs read them from the page cache. Needs CP.
ensure_scaling_data() {
  local dir="$1"
  BLOBS="$dir/blobs-1000000x50-k20-seed42.csv"
  if [[ ! -s "$BLOBS" ]]; then
    log "generate $BLOBS"
    java -cp "$CP" io.statewise.algorithms.data.synthetic.GaussianBlobs "$BLOBS.part" 1000000 50 20 42
    mv "$BLOBS.part" "$BLOBS"
  fi
  LOWRANK="$dir/lowrank-500000x200-r10-seed42.csv"
  if [[ ! -s "$LOWRANK" ]]; then
    log "generate $LOWRANK"
    java -cp "$CP" io.statewise.bench.LowRankCsv "$LOWRANK.part" 500000 200 10 0.1 42
    mv "$LOWRANK.part" "$LOWRANK"
  fi
  cat "$BLOBS" "$LOWRANK" > /dev/null
}

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
load_average() { if [[ -r /proc/loadavg ]]; then cut -d' ' -f1 /proc/loadavg; else echo 0; fi; }

# wait_for_idle_start: before the first run, waits up to IDLE_START_TIMEOUT s for the 1-minute load average to fall
# below IDLE_LOAD. Sets IDLE_AT_START to "yes" or "no (load L after T s)".
wait_for_idle_start() {
  local t0=$SECONDS l
  while true; do
    l=$(load_average)
    if awk -v l="$l" -v max="$IDLE_LOAD" 'BEGIN { exit !(l < max) }'; then IDLE_AT_START=yes; break; fi
    if (( SECONDS - t0 >= IDLE_START_TIMEOUT )); then
      IDLE_AT_START="no (load average $l after $IDLE_START_TIMEOUT s)"
      log "machine not idle: load average $l after waiting $IDLE_START_TIMEOUT s; going on, figures are pessimistic"
      break
    fi
    log "waiting for load average < $IDLE_LOAD (now $l)"
    sleep 10
  done
}

# wait_for_quiet: waits up to IDLE_TIMEOUT s until other processes use less than IDLE_CPU cores (sampled over 2 s; no
# run of ours is alive then, so all of it is others'). Our own runs keep the load average up for minutes, which is
# why this, not the load average, gates each run. Sets IDLE_WAIT to the seconds waited beyond the first 2-s sample
# ("+timeout" if the machine never went quiet).
wait_for_quiet() {
  local t0=$SECONDS a b
  while true; do
    a=$(machine_cpu); sleep 2; b=$(machine_cpu)
    if awk -v a="$a" -v b="$b" -v max="$IDLE_CPU" 'BEGIN { exit !((b - a) / 2 < max) }'; then
      IDLE_WAIT=$(( SECONDS - t0 - 2 )); (( IDLE_WAIT >= 0 )) || IDLE_WAIT=0; return
    fi
    if (( SECONDS - t0 >= IDLE_TIMEOUT )); then
      IDLE_WAIT="$(( SECONDS - t0 - 2 ))+timeout"
      log "others still busy after $IDLE_TIMEOUT s ($(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b - a) / 2 }') cores)"
      return
    fi
  done
}

# run NAME COMMAND...: stdout (one JSON line) to $OUT/NAME.json, stderr to $OUT/NAME.log; appends to $OUT/cpu.txt:
# name, wall s, own CPU s, others' CPU s, load average at start, idle wait s.
run() {
  local name="$1"; shift
  wait_for_quiet
  local la; la=$(load_average)
  log "run $name"
  local m0 c0 t0 m1 c1 t1
  children_cpu; c0=$CHILDREN_CPU; m0=$(machine_cpu); t0=$(date +%s.%N)
  if ! "$@" > "$OUT/$name.json" 2> "$OUT/$name.log"; then
    log "FAILED: $name (see $OUT/$name.log)"; tail -n 30 "$OUT/$name.log" >&2; exit 1
  fi
  t1=$(date +%s.%N); m1=$(machine_cpu); children_cpu; c1=$CHILDREN_CPU
  # Other processes on the machine skew every figure: keep the CPU time they took during each run.
  awk -v n="$name" -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v m0="$m0" -v m1="$m1" -v la="$la" \
    -v wait="$IDLE_WAIT" \
    'BEGIN { own = c1 - c0; o = (m1 - m0) - own; if (o < 0 || m1 == 0) o = 0
             printf "%s %.2f %.2f %.2f %s %s\n", n, t1 - t0, own, o, la, wait }' >> "$OUT/cpu.txt"
  log "  done in $(tail -n 1 "$OUT/cpu.txt" | cut -d' ' -f2) s: $(tail -n 1 "$OUT/$name.json" | cut -c1-200)"
}
