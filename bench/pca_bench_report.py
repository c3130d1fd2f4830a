#!/usr/bin/env python3
"""Assembles the JSON results of run-pca-bench.sh into a markdown report (printed and written to a file).

Usage: pca_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, idle_at_start, load, met, peers, preamble, write_report

MB = 1e6


def main():
    results, report = sys.argv[1], sys.argv[2]
    m = {mode: load(results, "mnist-" + mode) for mode in ("regular", "randomized", "sketch")}
    exact = load(results, "mnist-exact")
    p = load(results, "lowrank-pass")
    sw = load(results, "lowrank-statewise")
    skl = load(results, "lowrank-sklearn-pca")
    inc = load(results, "lowrank-sklearn-incremental")
    spark = load(results, "lowrank-spark")
    wp = load(results, "wide-pass")
    wj = load(results, "wide-statewise")

    mark = Marks(results)
    idle = idle_at_start(results)

    out = []
    w = out.append
    preamble(w, "PCA benchmark: Statewise vs scikit-learn and Spark MLlib", peers(spark, skl), idle)
    ev = exact["models"]
    rd = ev["regular"]["max_rel_diff_explained_variance"]
    w(f"| 1 | Fashion-MNIST, 10 components, regular mode: max relative difference of the explained variances to an "
      f"exact SVD of the centered data | {rd:.2e} | <= 1e-6 | {met(rd <= 1e-6)} |")
    cs = ev["sketch"]["captured_ratio"]
    w(f"| 1 | sketch mode, extra_components 10 (l = 2k = 20): variance its components capture / exact top-10 "
      f"variance | {cs:.5f} | >= 0.99 | {met(cs >= 0.99)} |")
    cr = ev["randomized"]["captured_ratio"]
    w(f"| 1 | randomized mode (extra_components auto = 10, m = 20): captured / exact top-10 | {cr:.5f} | (reported) "
      f"| - |")
    ra = p["ratio_median"]
    w(f"| 2a | 500,000 x 200, regular, 2 threads: data pass (parse + update + merge) / parse only, median of 3 "
      f"(best of 3: {p['ratio_best']:.2f}){mark('lowrank-pass')} | {ra:.2f} | <= 3 | {met(ra <= 3)} |")
    job = sw["job_s"]
    warm = sw["warm_job_median_s"]
    for name, peer, run_name in (("scikit-learn PCA (pandas load + fit)", skl["total_s"], "lowrank-sklearn-pca"),
                                 ("scikit-learn IncrementalPCA (pandas load + fit)", inc["total_s"],
                                  "lowrank-sklearn-incremental"),
                                 ("Spark MLlib PCA local[2] (load + fit)", spark["load_fit_s"], "lowrank-spark")):
        r = peer / job
        w(f"| 2b | {name} / Statewise job (submit -> COMPLETED, load included, cold JVM; against the warm median: "
          f"{peer / warm:.2f}x){mark('lowrank-statewise', run_name)} | {r:.2f}x | >= 5x | {met(r >= 5)} |")
    size = wp["state_serialized_size"]
    d = wp["dimension"]
    full = d * d * 8
    w(f"| 3 | {d:,}-feature sparse LibSVM, sketch mode (10 + 10 components): the state's serialized size, against "
      f"{full / 1e9:.1f} GB for regular mode's d x d doubles | {size / MB:.2f} MB | < 100 MB "
      f"| {met(size < 100 * MB)} |")
    w(f"| 3 | same: the whole job (submit -> COMPLETED, cold JVM; warm: {wj['warm_job_median_s']:.2f} s)"
      f"{mark('wide-statewise')} | {wj['job_s']:.2f} s | (reported) | - |")
    mark.end_figures(w)

    w("## 1. Fashion-MNIST train images (60,000 x 784, pixels 0..255), 10 components")
    w("")
    top = exact["exact_top_k_variance"]
    w(f"Exact reference: numpy.linalg.svd of the centered data in double ({exact['svd_s']:.1f} s); top-10 explained "
      f"variance {top:.6g} of a total {exact['total_variance']:.6g} ({top / exact['total_variance']:.4f}). Captured "
      f"variance of a model = sum over its components v of ||X_c v||^2 / (n - 1), X_c centered with the data's mean.")
    w("")
    w("| Mode | Job (s) | State (bytes) | Sum of its explained variances | Max rel. diff. to exact | Captured / exact "
      "| Orthonormality error |")
    w("|---|---|---|---|---|---|---|")
    for mode in ("regular", "randomized", "sketch"):
        j = m[mode]
        e = ev[mode]
        w(f"| {mode} ({j['hyperparameters']}) | {j['job_s']:.2f} (+ {j['node_start_s']:.2f} node start){mark('mnist-' + mode)} "
          f"| {j['state_serialized_size']:,} | {sum(e['explained_variance']):.6g} "
          f"| {e['max_rel_diff_explained_variance']:.2e} | {e['captured_ratio']:.6f} "
          f"| {e['orthonormality_error']:.1e} |")
    w("")
    w("Orthonormality error: max |V V^T - I| of the components as written (float32). Each model's explained "
      "variances over the exact ones, component by component:")
    w("")
    for mode in ("regular", "randomized", "sketch"):
        ratios = ", ".join(f"{a / b:.3f}" for a, b in zip(ev[mode]["explained_variance"],
                                                          exact["exact_explained_variance"]))
        w(f"- {mode}: {ratios}")
    w("")

    w("## 2. 500,000 x 200 floats from CSV (rank-10 signal + 0.1 noise), 10 components, 2 workers")
    w("")
    w("| System | Start (s) | Load + fit (s) | Explained variance ratio (top 10) | Notes |")
    w("|---|---|---|---|---|")
    w(f"| Statewise job, regular mode, parallelism 2{mark('lowrank-statewise')} | {sw['node_start_s']:.2f} (node) "
      f"| {job:.2f} | {sw['explained_variance_ratio_total']:.6f} | {sw['splits']} splits, {sw['records']} records, first "
      f"job of a fresh JVM (submit acknowledged at {sw['submit_ack_s']:.2f} s, first split merged at "
      f"{sw['first_split_merged_s']:.2f} s, last at {sw['all_splits_merged_s']:.2f} s); warm JVM, median of later "
      f"jobs: {warm:.2f} s |")
    w(f"| scikit-learn PCA{mark('lowrank-sklearn-pca')} | - | {skl['total_s']:.2f} "
      f"| {skl['explained_variance_ratio_total']:.6f} | load {skl['load_s']:.2f} s + fit {skl['fit_s']:.2f} s; "
      f"{skl['estimator']}, svd_solver picked: {skl['svd_solver']} |")
    w(f"| scikit-learn IncrementalPCA{mark('lowrank-sklearn-incremental')} | - | {inc['total_s']:.2f} "
      f"| {inc['explained_variance_ratio_total']:.6f} | load {inc['load_s']:.2f} s + fit {inc['fit_s']:.2f} s; "
      f"{inc['estimator']} |")
    w(f"| Spark MLlib PCA, local[2]{mark('lowrank-spark')} | {spark['session_start_s']:.2f} (session) "
      f"| {spark['load_fit_s']:.2f} | {spark['explained_variance_ratio_total']:.6f} | CSV read inside fit, "
      f"VectorAssembler, PCA(k={spark['k']}) |")
    w("")
    w(f"Data pass without the runtime ({p['splits']} splits of {p['records']} records on {p['threads']} threads; "
      f"one warm-up, then 3 runs){mark('lowrank-pass')}:")
    w("")
    pass_table(w, p)

    w(f"## 3. Wide sparse data: {wp['records']:,} x {d:,} LibSVM, ~100 Zipf-distributed non-zeros per row, sketch mode")
    w("")
    packed = d * (d + 1) // 2 * 8
    w("| | Bytes | |")
    w("|---|---|---|")
    w(f"| sketch state, serialized (State.serializedSize() of the merged state of the pass) | {size:,} "
      f"| {size / MB:.2f} MB; its encoding: {wp['state_encoded_bytes']:,} bytes, encoded in "
      f"{wp['state_encode_s'] * 1e3:.1f} ms, decoded in {wp['state_decode_s'] * 1e3:.1f} ms |")
    w(f"| regular mode, d x d doubles (not run) | {full:,} | {full / 1e9:.2f} GB; {full / size:,.0f}x the sketch "
      f"(its codec stores the upper triangle, {packed / 1e9:.2f} GB, and finalize needs several d x d matrices) |")
    w("")
    w(f"Job through a node, parallelism 2, {wj['splits']} splits of 8 MB{mark('wide-statewise')}: "
      f"{wj['job_s']:.2f} s in a fresh JVM (+ {wj['node_start_s']:.2f} s node start), "
      f"{wj['warm_job_median_s']:.2f} s warm; explained variance ratio of the 10 components "
      f"{wj['explained_variance_ratio_total']:.4f}.")
    w("")
    w(f"Data pass without the runtime ({wp['splits']} splits on {wp['threads']} threads; one warm-up, then one run)"
      f"{mark('wide-pass')}:")
    w("")
    pass_table(w, wp)

    cpu_table(results, w)
    w("Reproduce: `bench/run-pca-bench.sh` (needs Maven, a JDK 17+, and a python3 with numpy, pandas and "
      "scikit-learn in PYTHON; raw JSON per run in bench/target/pca-bench/).")
    write_report(report, out)


def pass_table(w, p):
    w("| Step | Median (s) | Best (s) |")
    w("|---|---|---|")
    w(f"| parse only (the project's reader, per split) | {p['parse_only_median_s']:.3f} "
      f"| {p['parse_only_best_s']:.3f} |")
    w(f"| data pass (Trainer.trainSplit per split + merge) | {p['data_pass_median_s']:.3f} "
      f"| {p['data_pass_best_s']:.3f} |")
    w(f"| - of which split updates incl. parsing | {p['split_updates_median_s']:.3f} | |")
    w(f"| - of which merge of the partials | {p['merge_median_s']:.3f} | |")
    if p.get("compute_only_median_s") is not None:
        w(f"| updates alone over records in memory | {p['compute_only_median_s']:.3f} | |")
    w(f"| finalize (once, not part of the pass) | {p['finalize_s']:.3f} | |")
    w("")


if __name__ == "__main__":
    main()
