#!/usr/bin/env bash
# The online-records benchmark (issue 8 part 2), Statewise only: one node with its HTTP API on 127.0.0.1 and an
# online k-means job (k = 10); a CSV file of 1,000,000 x 10 Gaussian blobs is posted 3 times over HTTP with chunked
# transfer, one request after the other, each acknowledged once its records are checkpointed; then the model is
# finalized on demand and the job closed. Reports records per second over the three requests.
#
# Usage: bench/run-online-bench.sh [--data-dir DIR] [--skip-build]
# Environment: MVN_FLAGS (e.g. -o), the idle checks of bench-lib.sh.
# Writes bench/target/online-bench/online.json (and its log).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT="$BENCH/target/online-bench"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_setup_statewise_only "$@"

run online java -Xmx2g -cp "$CP" io.statewise.bench.StatewiseOnlineBench --rows 1000000 --dim 10 --k 10 \
  --requests 3 --work-dir "$WORK"
cat "$OUT/online.json"
