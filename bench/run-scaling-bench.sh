#!/usr/bin/env bash
# Parallel efficiency of Statewise on one node (issue 7): the same k-means and PCA jobs with 1 and with 2 worker slots,
# throughput(w=2) / (2 x throughput(w=1)), on data read from the page cache (CSV parsing and the algorithm are the
# work, not I/O):
#   - k-means, k = 20, on 1,000,000 x 50 Gaussian blobs (the k-means benchmark's file);
#   - PCA regular mode, 10 components, on 500,000 x 200 low-rank rows (the PCA benchmark's file).
# Each run is one node running identical jobs one after the other: the first in a cold JVM with an empty split cache
# (parses the CSV), the later ones replay the node's cached splits. A node's JIT compiler keeps working for tens of
# seconds (about a tenth of a core in jobs 10-20), CPU that a one-slot node gets for free from the second core and a
# two-slot node takes from its workers; so the figure is the median of the second half of the jobs (a warmed node),
# and the cold first job and jobs 2-3 are reported next to it. KMEANS_JOBS (default 40) and PCA_JOBS (default 16)
# set the number of jobs per run.
#
# Usage: bench/run-scaling-bench.sh [--data-dir DIR] [--skip-build]
# Writes bench/target/scaling-bench.md; raw JSON and logs under bench/target/scaling-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"

OUT="$BENCH/target/scaling-bench"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_setup "$@"
mkdir -p "$DATA_DIR" "$WORK" "$OUT/models"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT/cpu.txt"

ensure_scaling_data "$DATA_DIR" # every run reads from the page cache
wait_for_idle_start
echo "$IDLE_AT_START" > "$OUT/idle-at-start.txt"

for w in 1 2; do
  run "kmeans-w$w" java $HEAP -cp "$CP" io.statewise.bench.StatewiseKMeansBench job --data "$BLOBS" --k 20 \
    --parallelism "$w" --jobs "${KMEANS_JOBS:-40}" --work-dir "$WORK" --centers-out "$OUT/models/kmeans-w$w.csv"
  run "pca-w$w" java $HEAP -cp "$CP" io.statewise.bench.StatewisePcaBench job --num-components 10 \
    --parallelism "$w" --data "$LOWRANK" --hp algorithm_mode=regular --jobs "${PCA_JOBS:-16}" --work-dir "$WORK" \
    --model-out "$OUT/models/pca-w$w"
done

"$PYTHON" "$BENCH/scaling_bench_report.py" "$OUT" "$BENCH/target/scaling-bench.md"
