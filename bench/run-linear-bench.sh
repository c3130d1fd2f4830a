#!/usr/bin/env bash
# The linear-learner benchmark of Statewise against scikit-learn and Spark MLlib, in one go:
#   1. accuracy, each against scikit-learn on the same files (test sets held out, same generator or split):
#      a. 1,000,000 x 100 logistic data (LinearRows, score s.d. 3), 200,000 test rows: binary_classifier, 32 packed
#         models, 3 epochs, lr_scheduler_factor 0.9, against LogisticRegression() (lbfgs);
#      b. Fashion-MNIST (60,000 train, 10,000 test, 784 pixels, 10 classes): multiclass_classifier, 8 packed models,
#         mini-batches of 100, 10 epochs, lr_scheduler_factor 0.9, against StandardScaler + multinomial
#         LogisticRegression(max_iter=200);
#      c. 500,000 x 100 regression data (score s.d. 3 plus unit noise), 100,000 test rows: regressor, 32 models,
#         3 epochs, against ordinary least squares (LinearRegression);
#   2. model packing: the job of 1a with 32 packed models against the same job with 1 model (warm medians of 2);
#   3. speed: the job of 1a (submit -> COMPLETED, load included, cold JVM) against Spark MLlib's LogisticRegression
#      (local[2], CSV load + VectorAssembler + fit, Spark's defaults) and scikit-learn (pandas load + fit).
#
# Usage: bench/run-linear-bench.sh [--data-dir DIR] [--skip-build]
# Environment: PYTHON, MVN_FLAGS, FASHION_MNIST_DIR and the idle checks of bench-lib.sh.
# Writes bench/target/linear-bench.md; raw JSON and logs of every run under bench/target/linear-bench/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"

OUT="$BENCH/target/linear-bench"
WORK="$BENCH/target/work"
source "$BENCH/bench-lib.sh"
bench_setup "$@"
mkdir -p "$DATA_DIR" "$WORK"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT/cpu.txt"

# ------------------------------------------------------------------------------------------------ data
# linear_rows NAME ROWS DIM KIND SIGNAL SEED TEST_ROWS: sets TRAIN and TEST (one generator: same true weights).
linear_rows() {
  TRAIN="$DATA_DIR/$1-$2x$3-s$5-seed$6.csv"
  TEST="$DATA_DIR/$1-test-$7x$3-s$5-seed$6.csv"
  if [[ ! -s "$TRAIN" || ! -s "$TEST" ]]; then
    log "generate $TRAIN and $TEST"
    java -cp "$CP" io.statewise.algorithms.data.synthetic.LinearRows "$TRAIN.part" "$2" "$3" "$4" 0 "$5" "$6" \
      "$TEST.part" "$7"
    mv "$TRAIN.part" "$TRAIN"; mv "$TEST.part" "$TEST"
  fi
}
linear_rows logistic 1000000 100 binary 3 42 200000; LOGISTIC=$TRAIN; LOGISTIC_TEST=$TEST
linear_rows regression 500000 100 regression 3 7 100000; REGRESSION=$TRAIN; REGRESSION_TEST=$TEST
ensure_fashion_mnist_labeled "$DATA_DIR"
cat "$LOGISTIC" "$LOGISTIC_TEST" "$REGRESSION" "$REGRESSION_TEST" "$FMNIST_TRAIN" "$FMNIST_TEST" > /dev/null
wait_for_idle_start
echo "$IDLE_AT_START" > "$OUT/idle-at-start.txt"

JOB=(java $HEAP -cp "$CP" io.statewise.bench.StatewiseLinearBench job --parallelism 2 --work-dir "$WORK")
BINARY=(--train "$LOGISTIC" --test "$LOGISTIC_TEST" --hp predictor_type=binary_classifier --hp epochs=3
        --hp lr_scheduler_factor=0.9)

# ------------------------------------------------------------------------------------------------ runs
run logistic-statewise-32 "${JOB[@]}" "${BINARY[@]}" --hp num_models=32 --jobs 3
run logistic-statewise-1 "${JOB[@]}" "${BINARY[@]}" --hp num_models=1 --jobs 3
run logistic-sklearn "$PYTHON" "$BENCH/sklearn_linear.py" --train "$LOGISTIC" --test "$LOGISTIC_TEST" --mode logistic
run logistic-spark java $HEAP "${SPARK_JVM_FLAGS[@]}" -cp "$SPARK_CP" io.statewise.bench.spark.SparkLogisticBench \
  --train "$LOGISTIC" --test "$LOGISTIC_TEST" --dim 100 --master 'local[2]'
# 8 MB splits: the 60,000 images are 130 MB, 16 splits keep both workers busy to the end of each epoch.
run fmnist-statewise "${JOB[@]}" --train "$FMNIST_TRAIN" --test "$FMNIST_TEST" --split-size 8388608 \
  --hp predictor_type=multiclass_classifier --hp num_classes=10 --hp num_models=8 --hp mini_batch_size=100 \
  --hp epochs=10 --hp lr_scheduler_factor=0.9 --jobs 1
run fmnist-sklearn "$PYTHON" "$BENCH/sklearn_linear.py" --train "$FMNIST_TRAIN" --test "$FMNIST_TEST" \
  --mode multinomial --max-iter 200
run regression-statewise "${JOB[@]}" --train "$REGRESSION" --test "$REGRESSION_TEST" --hp predictor_type=regressor \
  --hp epochs=3 --hp num_models=32 --jobs 1
run regression-ols "$PYTHON" "$BENCH/sklearn_linear.py" --train "$REGRESSION" --test "$REGRESSION_TEST" --mode ols

# ------------------------------------------------------------------------------------------------ report
"$PYTHON" "$BENCH/linear_bench_report.py" "$OUT" "$BENCH/target/linear-bench.md"
