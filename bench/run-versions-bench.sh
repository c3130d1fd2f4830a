#!/usr/bin/env bash
# The model-versions benchmark (issue 8), Statewise only (no peers):
#   1. replay: a k-means job of about 1,000 events (998 splits of 200,000 x 10 blobs, each split merged by one event),
#      then the model as of the last event (the stored version), of the event before it (every merge replayed and the
#      state finalized: the worst case), of the middle event and as version 1, through a node (JDBC read journal);
#      then the worst case from the journal alone with the node stopped, as `statewise replay` does it;
#   2. tuning: one k-means job with k = 30 and validation data (1,000,000 x 10 rows of 8 blobs, 100,000 validation
#      rows), tuned over k = 2..30 (POST /tune's service call: replay, sweep, new version) against 29 separate jobs,
#      one per k, whose validation MSD curve is given the same elbow rule;
#   3. incremental: for k-means and PCA (regular), a job over 1,000,000 x 50 rows given 100,000 more rows (POST /data
#      to COMPLETED) against one job over all 1,100,000, the split cache off; and whether the models are the same
#      (after a warm-up job and add per algorithm, medians of three adds and three whole jobs).
#
# Usage: bench/run-versions-bench.sh [--data-dir DIR] [--skip-build]
# Environment: MVN_FLAGS (e.g. -o), the idle checks of bench-lib.sh (IDLE_LOAD, IDLE_START_TIMEOUT, IDLE_CPU,
#              IDLE_TIMEOUT).
# Writes bench/target/versions-bench.md; raw JSON and logs of every run under bench/target/versions-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT="$BENCH/target/versions-bench"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_setup_statewise_only "$@"

VERSIONS=(java -Xmx4g -cp "$CP" io.statewise.bench.StatewiseVersionsBench)
run replay "${VERSIONS[@]}" replay --rows 200000 --dim 10 --splits 998 --work-dir "$WORK"
run tune "${VERSIONS[@]}" tune --rows 1000000 --dim 10 --true-k 8 --k-max 30 --work-dir "$WORK"
run incremental "${VERSIONS[@]}" incremental --rows 1000000 --dim 50 --work-dir "$WORK"

PYTHONPATH="$BENCH" "$PYTHON" "$BENCH/versions_bench_report.py" "$OUT" "$BENCH/target/versions-bench.md"
