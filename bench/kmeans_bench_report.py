#!/usr/bin/env python3
"""Assembles the JSON results of run-kmeans-bench.sh into a markdown report (printed and written to a file).

Usage: kmeans_bench_report.py <results-dir> <report.md>
"""
import os
import sys

from bench_report import cpu_model, cpu_table, java_version, load, met, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    p = load(results, "blobs-pass")
    sw = load(results, "blobs-statewise")
    spark = load(results, "blobs-spark")
    mb = load(results, "blobs-sklearn-minibatch")
    full = load(results, "blobs-sklearn-full")
    bssd = load(results, "blobs-ssd")
    msw = load(results, "mnist-statewise")
    mlloyd = load(results, "mnist-sklearn-best-lloyd")
    mjava = load(results, "mnist-java-lloyd")
    mssd = load(results, "mnist-ssd")

    out = []
    w = out.append
    w("# k-means benchmark: Statewise vs Spark MLlib and scikit-learn")
    w("")
    w(f"Machine: {os.cpu_count()} cores ({cpu_model()}); {java_version()}; "
      f"Spark {spark['spark_version']} ({spark['master']}); scikit-learn {mb['sklearn']}, pandas {mb['pandas']}, "
      f"numpy {mb['numpy']}. JVMs run with -Xmx8g. Every SSD below is computed by one evaluator (CentersSsd: exact, "
      f"double precision) on the full data set with each model's centers.")
    w("")
    w("## Figures")
    w("")
    w("| # | Figure | Measured | Target | Met |")
    w("|---|---|---|---|---|")
    q = mssd["statewise"] / mssd["sklearn_best_lloyd"]
    w(f"| 1 | Fashion-MNIST, k = 10, one pass: SSD of Statewise / SSD of best of 10 Lloyd k-means++ (scikit-learn) "
      f"| {q:.4f} | <= 1.03 | {met(q <= 1.03)} |")
    if mjava is not None and "java_lloyd" in mssd:
        qj = mssd["statewise"] / mssd["java_lloyd"]
        w(f"| 1' | same, against the project's LloydKMeans best of 10 | {qj:.4f} | <= 1.03 | {met(qj <= 1.03)} |")
    ra = p["ratio_median"]
    w(f"| 2a | 1M x 50, k = 20, 2 threads: data pass (parse + update + merge) / parse only, median of 3 "
      f"(best of 3: {p['ratio_best']:.2f}) | {ra:.2f} | <= 3 | {met(ra <= 3)} |")
    job = sw["job_s"]
    rs = spark["load_fit_s"] / job
    w(f"| 2b | Spark MLlib KMeans local[2] (load + fit) / Statewise job (submit -> COMPLETED, cold JVM) "
      f"| {rs:.2f}x | >= 10x | {met(rs >= 10)} |")
    rm = mb["total_s"] / job
    w(f"| 2b | scikit-learn MiniBatchKMeans (pandas load + fit) / Statewise job | {rm:.2f}x | >= 2.5x "
      f"| {met(rm >= 2.5)} |")
    qs = bssd["statewise"] / bssd["sklearn_full"]
    w(f"| 2b | SSD of Statewise / SSD of scikit-learn KMeans(n_clusters=20) full batch | {qs:.4f} | <= 1.01 "
      f"| {met(qs <= 1.01)} |")
    w("")
    w("## 2. 1,000,000 x 50 Gaussian blobs (20 clusters), k = 20")
    w("")
    w("| System | Start (s) | Load + train (s) | SSD | SSD / sklearn full | Notes |")
    w("|---|---|---|---|---|---|")
    warm = sw.get("warm_job_median_s")
    warm_note = f"; warm JVM, median of later jobs: {warm:.2f} s" if warm else ""
    w(f"| Statewise job, parallelism 2 | {sw['node_start_s']:.2f} (node) | {job:.2f} | {bssd['statewise']:.6g} "
      f"| {bssd['statewise'] / bssd['sklearn_full']:.4f} | {sw['splits']} splits, {sw['records']} records, "
      f"first job of a fresh JVM (submit acknowledged at {sw['submit_ack_s']:.2f} s, first split merged at "
      f"{sw['first_split_merged_s']:.2f} s, last at "
      f"{sw['all_splits_merged_s']:.2f} s){warm_note} |")
    w(f"| Spark MLlib KMeans, local[2] | {spark['session_start_s']:.2f} (session) | {spark['load_fit_s']:.2f} "
      f"| {bssd['spark']:.6g} | {bssd['spark'] / bssd['sklearn_full']:.4f} | {spark['init_mode']}, "
      f"{spark['iterations']} of max {spark['max_iter']} iterations; CSV read inside fit |")
    w(f"| scikit-learn MiniBatchKMeans | - | {mb['total_s']:.2f} | {bssd['sklearn_minibatch']:.6g} "
      f"| {bssd['sklearn_minibatch'] / bssd['sklearn_full']:.4f} | load {mb['load_s']:.2f} s + fit "
      f"{mb['fit_s']:.2f} s; n_init {mb['n_init']}, {mb['n_iter']} iterations |")
    w(f"| scikit-learn KMeans (full batch) | - | {full['total_s']:.2f} | {bssd['sklearn_full']:.6g} | 1.0000 "
      f"| load {full['load_s']:.2f} s + fit {full['fit_s']:.2f} s; n_init {full['n_init']}, "
      f"{full['n_iter']} iterations |")
    w("")
    w(f"Data pass without the runtime ({p['splits']} splits of {p['records']} records on {p['threads']} threads; "
      f"one warm-up, then 3 runs):")
    w("")
    w("| Step | Median (s) | Best (s) |")
    w("|---|---|---|")
    w(f"| parse only (CsvParseOnly.parseAll per split) | {p['parse_only_median_s']:.3f} | {p['parse_only_best_s']:.3f} |")
    w(f"| data pass (Trainer.trainSplit per split + merge) | {p['data_pass_median_s']:.3f} "
      f"| {p['data_pass_best_s']:.3f} |")
    w(f"| - of which split updates incl. parsing | {p['split_updates_median_s']:.3f} | |")
    w(f"| - of which merge of the partials | {p['merge_median_s']:.3f} | |")
    w(f"| updates alone over records in memory | {p['compute_only_median_s']:.3f} | |")
    w(f"| finalize (once, not part of the pass) | {p['finalize_s']:.3f} | |")
    w("")
    w("## 1. Fashion-MNIST train images (60,000 x 784, pixels 0..255), k = 10")
    w("")
    w("| System | Time (s) | SSD | SSD / best-of-10 Lloyd |")
    w("|---|---|---|---|")
    ref = mssd["sklearn_best_lloyd"]
    w(f"| Statewise job, one pass, parallelism 2 | {msw['job_s']:.2f} (+ {msw['node_start_s']:.2f} node start) "
      f"| {mssd['statewise']:.6g} | {mssd['statewise'] / ref:.4f} |")
    w(f"| scikit-learn KMeans k-means++, n_init 10, lloyd | {mlloyd['fit_s']:.2f} (+ {mlloyd['load_s']:.2f} load) "
      f"| {ref:.6g} (inertia_ {mlloyd['ssd']:.6g}) | 1.0000 |")
    if mjava is not None and "java_lloyd" in mssd:
        w(f"| LloydKMeans (project), best of 10, 1 thread | {mjava['fit_s']:.2f} (+ {mjava['load_s']:.2f} load) "
          f"| {mssd['java_lloyd']:.6g} | {mssd['java_lloyd'] / ref:.4f} |")
    w("")
    cpu_table(results, w)
    w("Reproduce: `bench/run-kmeans-bench.sh` (needs Maven, a JDK 17+, and a python3 with numpy, pandas and "
      "scikit-learn in PYTHON; raw JSON per run in bench/target/kmeans-bench/).")
    write_report(report, out)


if __name__ == "__main__":
    main()
