#!/usr/bin/env bash
# Parallel efficiency across JVMs (issue 7): the scaling benchmark's k-means and PCA jobs on one node JVM with one
# worker slot, and on two node JVMs on 127.0.0.1 with one slot each (the second joins the first as a worker and uses
# its journal over H2's TCP server); efficiency = throughput(2 nodes) / (2 x throughput(1 node)) = time(1 node) /
# (2 x time(2 nodes)) for the same records, for the first (cold) job and the median of the warm ones.
#   - k-means, k = 20, on 1,000,000 x 50 Gaussian blobs;
#   - PCA regular mode, 10 components, on 500,000 x 200 low-rank rows.
# Jobs are submitted and followed over HTTP (bench/two_node_bench.py), as a user would.
#
# Usage: bench/run-two-node-bench.sh [--data-dir DIR] [--skip-build]   (env JOBS: jobs per run, default 3)
# Writes bench/target/two-node-bench.md; raw JSON, logs and node output under bench/target/two-node-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"

OUT="$BENCH/target/two-node-bench"
WORK="$BENCH/target/two-node-work"
JOBS=${JOBS:-3}
source "$BENCH/bench-lib.sh"
bench_setup "$@"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT"/*.out "$OUT/cpu.txt" "$WORK"/*.out
# bench_setup's build packaged statewise-ops (a dependency of the bench) with its lib/. The node's own copy, so that
# a rebuild while the benchmark runs can neither change nor break it.
rm -rf "$OUT/node-lib" && mkdir -p "$OUT/node-lib" "$DATA_DIR" "$WORK"
cp -p "$ROOT/ops/target/statewise-ops.jar" "$ROOT"/ops/target/lib/*.jar "$OUT/node-lib/"
NODE_CP="$OUT/node-lib/*"

ensure_scaling_data "$DATA_DIR" # every run reads from the page cache
printf '{"algorithm": "kmeans", "hyperparameters": {"k": 20}, "train": {"paths": ["%s"], "label_column": null},
  "parallelism": "auto"}\n' "$BLOBS" > "$OUT/kmeans-spec.json"
printf '{"algorithm": "pca", "hyperparameters": {"num_components": 10, "algorithm_mode": "regular"},
  "train": {"paths": ["%s"], "label_column": null}, "parallelism": "auto"}\n' "$LOWRANK" > "$OUT/pca-spec.json"
wait_for_idle_start
echo "$IDLE_AT_START" > "$OUT/idle-at-start.txt"

for name in kmeans pca; do
  for n in 1 2; do
    run "$name-nodes$n" "$PYTHON" "$BENCH/two_node_bench.py" --classpath "$NODE_CP" --work-dir "$WORK" \
      --nodes "$n" --jobs "$JOBS" --spec "$OUT/$name-spec.json"
    # Moved, not copied: a one-node run must not pick up the worker log of an earlier two-node run.
    mv "$WORK"/*.out "$OUT/" 2>/dev/null || true
    for f in "$OUT"/owner.out "$OUT"/worker.out; do [[ -f "$f" ]] && mv "$f" "${f%.out}-$name-nodes$n.out"; done
  done
done

"$PYTHON" "$BENCH/two_node_bench_report.py" "$OUT" "$BENCH/target/two-node-bench.md"
