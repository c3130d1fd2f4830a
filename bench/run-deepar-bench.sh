#!/usr/bin/env bash
# The forecasting benchmark of Statewise's DeepAR on two public data sets, in one go:
#   data: M3 monthly (1,428 series, horizon 18) and tourism monthly (366 series, horizon 24) as long CSVs
#         (series,timestamp,value; timestamps YYYY-MM-DD or YYYY-MM-DD HH:MM:SS), given by path: they live outside
#         the project. deepar_data.py writes each series without its last horizon values (training and validation)
#         and whole (test);
#   1. accuracy: MASE on the test horizon at least 10% below the seasonal-naive baseline's (same evaluator, same
#      series), on both data sets (one worker);
#   2. calibration: the 10%-90% interval covers 70-90% of the test observations;
#   3. scaling (M3): the same job with 1 and 2 workers: last validation loss within 2%, 2 workers in <= 0.6x the time.
#
# Usage: bench/run-deepar-bench.sh --m3 M3_MONTHLY.csv --tourism TOURISM_MONTHLY.csv [--data-dir DIR] [--skip-build]
#        bench/run-deepar-bench.sh --m3-raw m3.csv.gz --tourism-raw tourism.csv.gz [--data-dir DIR] [--skip-build]
#   --m3-raw/--tourism-raw take the competition files as published in long format (M3 of the Mcomp R package:
#   series,type,period,h,split,t,time,value; tourism of the Tcomp R package: series,period,split,t,start_year,
#   start_period,value; plain or gzip'd): forecast_long_csv.py keeps their monthly series and writes them to DIR as
#   the long CSVs above, train values then the official test values, so the held-out horizon is the official test.
# Environment: PYTHON, MVN_FLAGS, EPOCHS (default 100; early stopping after 10 epochs without a lower validation
# loss) and the idle checks of bench-lib.sh.
# Writes bench/target/deepar-bench.md; raw JSON and logs of every run under bench/target/deepar-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT="$BENCH/target/deepar-bench"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_args "$@"
M3="" TOURISM="" M3_RAW="" TOURISM_RAW=""
set -- "${EXTRA_ARGS[@]+"${EXTRA_ARGS[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --m3) M3="$2"; shift 2 ;;
    --tourism) TOURISM="$2"; shift 2 ;;
    --m3-raw) M3_RAW="$2"; shift 2 ;;
    --tourism-raw) TOURISM_RAW="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT" "$DATA_DIR" "$WORK"
if [[ -n "$M3_RAW" ]]; then
  M3="$DATA_DIR/m3-monthly-long.csv"; "$PYTHON" "$BENCH/forecast_long_csv.py" "$M3_RAW" "$M3"
fi
if [[ -n "$TOURISM_RAW" ]]; then
  TOURISM="$DATA_DIR/tourism-monthly-long.csv"
  "$PYTHON" "$BENCH/forecast_long_csv.py" "$TOURISM_RAW" "$TOURISM"
fi
[[ -s "$M3" && -s "$TOURISM" ]] || {
  echo "give --m3 and --tourism (long CSVs series,timestamp,value) or --m3-raw and --tourism-raw" >&2; exit 2; }
if [[ $SKIP_BUILD -eq 0 ]]; then build_bench; else build_bench --skip-build; fi
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT"/*.txt
EPOCHS=${EPOCHS:-100}

# ------------------------------------------------------------------------------------------------ data
"$PYTHON" "$BENCH/deepar_data.py" "$M3" 18 "$DATA_DIR/m3-monthly" > "$OUT/data-m3.json"
"$PYTHON" "$BENCH/deepar_data.py" "$TOURISM" 24 "$DATA_DIR/tourism-monthly" > "$OUT/data-tourism.json"
wait_for_idle_start
echo "$IDLE_AT_START" > "$OUT/idle-at-start.txt"

# deepar DIR HORIZON: the job's command, without --parallelism. Context one horizon (GluonTS's default; chosen over
# two horizons on M3's development split, see the README)
deepar() {
  local dir="$1" horizon="$2"
  echo java $HEAP -cp "$CP" io.statewise.bench.StatewiseDeepArBench job --train "$dir/train.csv" \
    --validation "$dir/train.csv" --test "$dir/test.csv" --hp time_freq=M --hp "prediction_length=$horizon" \
    --hp "context_length=$horizon" --hp "epochs=$EPOCHS" --hp early_stopping_patience=10 \
    --hp mini_batch_size=32 --hp learning_rate=0.001 --hp seed=1 --split-size 200000 --work-dir "$WORK"
}

# ------------------------------------------------------------------------------------------------ runs
# shellcheck disable=SC2046 # deepar prints a command line of plain words
run deepar-m3-1 $(deepar "$DATA_DIR/m3-monthly" 18) --parallelism 1
# shellcheck disable=SC2046
run deepar-m3-2 $(deepar "$DATA_DIR/m3-monthly" 18) --parallelism 2
# shellcheck disable=SC2046
run deepar-tourism-1 $(deepar "$DATA_DIR/tourism-monthly" 24) --parallelism 1

# ------------------------------------------------------------------------------------------------ report
"$PYTHON" "$BENCH/deepar_bench_report.py" "$OUT" "$BENCH/target/deepar-bench.md"
