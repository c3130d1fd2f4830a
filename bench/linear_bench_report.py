#!/usr/bin/env python3
"""Assembles the JSON results of run-linear-bench.sh into a markdown report (printed and written to a file).

Usage: linear_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, idle_at_start, load, met, peers, preamble, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    s32 = load(results, "logistic-statewise-32")
    s1 = load(results, "logistic-statewise-1")
    skl = load(results, "logistic-sklearn")
    spark = load(results, "logistic-spark")
    fm = load(results, "fmnist-statewise")
    fms = load(results, "fmnist-sklearn")
    reg = load(results, "regression-statewise")
    ols = load(results, "regression-ols")

    mark = Marks(results)
    idle = idle_at_start(results)

    out = []
    w = out.append
    preamble(w, "Linear learner benchmark: Statewise vs scikit-learn and Spark MLlib", peers(spark, skl), idle)
    gap = (skl["test_accuracy"] - s32["test_accuracy"]) * 100
    w(f"| 1a | 1,000,000 x 100 logistic data: test accuracy of scikit-learn LogisticRegression (lbfgs) "
      f"{skl['test_accuracy']:.5f} minus Statewise's (32 packed models, 3 epochs) {s32['test_accuracy']:.5f}, "
      f"percentage points | {gap:+.3f} | <= 0.5 | {met(gap <= 0.5)} |")
    gap_fm = (fms["test_accuracy"] - fm["test_accuracy"]) * 100
    w(f"| 1b | Fashion-MNIST, 10 classes: scikit-learn multinomial LogisticRegression {fms['test_accuracy']:.4f} "
      f"minus Statewise {fm['test_accuracy']:.4f}, points | {gap_fm:+.2f} | <= 1 | {met(gap_fm <= 1)} |")
    ratio_rmse = reg["test_rmse"] / ols["test_rmse"]
    w(f"| 1c | 500,000 x 100 regression: test RMSE of Statewise {reg['test_rmse']:.5f} / ordinary least squares "
      f"{ols['test_rmse']:.5f} | {ratio_rmse:.4f} | <= 1.02 | {met(ratio_rmse <= 1.02)} |")
    pack = s32["warm_job_median_s"] / s1["warm_job_median_s"]
    pack_cold = s32["job_s"] / s1["job_s"]
    w(f"| 2 | model packing: job with 32 models / job with 1 model, same data and epochs (warm medians "
      f"{s32['warm_job_median_s']:.2f} s / {s1['warm_job_median_s']:.2f} s; cold: {pack_cold:.2f}x)"
      f"{mark('logistic-statewise-32', 'logistic-statewise-1')} | {pack:.2f}x | <= 3x | {met(pack <= 3)} |")
    speed = spark["load_fit_s"] / s32["job_s"]
    # Every-N-batches sync makes a job's result depend on worker timing: the median of the run's three jobs.
    median = s32["test_accuracy_median"]
    better = median >= spark["test_accuracy"]
    w(f"| 3 | Spark MLlib LogisticRegression local[2] (load + fit) {spark['load_fit_s']:.2f} s / Statewise job "
      f"(submit -> COMPLETED, load included, cold JVM) {s32['job_s']:.2f} s (warm: "
      f"{spark['load_fit_s'] / s32['warm_job_median_s']:.1f}x){mark('logistic-statewise-32', 'logistic-spark')} "
      f"| {speed:.1f}x | >= 5x | {met(speed >= 5)} |")
    jobs = ", ".join(f"{a:.5f}" for a in s32["test_accuracy_all_jobs"])
    w(f"| 3 | ... at equal or better test accuracy: Statewise median of the three jobs {median:.5f} ({jobs}), "
      f"Spark {spark['test_accuracy']:.5f} | {(median - spark['test_accuracy']) * 100:+.3f} points "
      f"| >= 0 | {met(better)} |")
    mark.end_figures(w)

    w("## Runs")
    w("")
    w("| Run | Time (s) | Test metric | Notes |")
    w("|---|---|---|---|")
    for name, r in (("Statewise, 32 models", s32), ("Statewise, 1 model", s1)):
        w(f"| 1a {name} | {r['job_s']:.2f} cold, {r['warm_job_median_s']:.2f} warm "
          f"| accuracy {r['test_accuracy']:.5f}, AUC {r['test_auc']:.5f}, log loss {r['test_log_loss']:.5f} "
          f"| {r['splits']} splits, {r['epochs_run']} epochs incl. the scaler pass; selected "
          f"{r['selected_setting']}; {r['hyperparameters']} |")
    w(f"| 1a scikit-learn | {skl['total_s']:.2f} (load {skl['load_s']:.2f} + fit {skl['fit_s']:.2f}) "
      f"| accuracy {skl['test_accuracy']:.5f} | {skl['estimator']}, {skl['iterations']} iterations |")
    w(f"| 1a Spark MLlib | {spark['load_fit_s']:.2f} (+ {spark['session_start_s']:.2f} session start) "
      f"| accuracy {spark['test_accuracy']:.5f} | LogisticRegression(), {spark['iterations']} iterations "
      f"(max {spark['max_iter']}), regParam {spark['reg_param']} |")
    w(f"| 1b Statewise | {fm['job_s']:.2f} | accuracy {fm['test_accuracy']:.4f}, top-3 "
      f"{fm['test_top_k_accuracy']:.4f}, cross entropy {fm['test_cross_entropy']:.4f} | {fm['splits']} splits; "
      f"selected {fm['selected_setting']}; {fm['hyperparameters']} |")
    w(f"| 1b scikit-learn | {fms['total_s']:.2f} (load {fms['load_s']:.2f} + fit {fms['fit_s']:.2f}) "
      f"| accuracy {fms['test_accuracy']:.4f} | {' '.join(fms['estimator'].split())}, {fms['iterations']} "
      f"iterations |")
    w(f"| 1c Statewise | {reg['job_s']:.2f} | RMSE {reg['test_rmse']:.5f}, R2 {reg['test_r2']:.5f} "
      f"| selected {reg['selected_setting']}; {reg['hyperparameters']} |")
    w(f"| 1c OLS | {ols['total_s']:.2f} (load {ols['load_s']:.2f} + fit {ols['fit_s']:.2f}) "
      f"| RMSE {ols['test_rmse']:.5f} | {ols['estimator']} |")
    w("")
    w("Per-epoch reports of the 32-model job of 1a (the job's status, epoch 1 is the scaler pass): "
      f"{s32['epoch_reports']}")
    w("")
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()
