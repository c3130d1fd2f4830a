#!/usr/bin/env python3
"""Assembles the JSON results of run-two-node-bench.sh into a markdown report (printed and written to a file).

Usage: two_node_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, efficiency, idle_at_start, load, met, preamble, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    mark = Marks(results)
    out = []
    w = out.append
    preamble(w, "Parallel efficiency across JVMs: one node of one slot vs two nodes of one slot each", "no peers",
             idle_at_start(results))
    for name, what in (("kmeans", "k-means, k = 20, 1,000,000 x 50 blobs"),
                       ("pca", "PCA regular, 10 components, 500,000 x 200 low-rank rows")):
        one, two = load(results, f"{name}-nodes1"), load(results, f"{name}-nodes2")
        marks = mark(f"{name}-nodes1", f"{name}-nodes2")
        cold = efficiency(one, two, "job_s")
        w(f"| {name} | {what}: first job (cold JVMs, parses the CSV), {one['job_s']:.2f} s (1 node) / "
          f"{two['job_s']:.2f} s (2 nodes){marks} | {cold:.2f} | >= 0.85 | {met(cold >= 0.85)} |")
        if len(one["job_s_all"]) > 1:
            warm = efficiency(one, two, "warm_job_median_s")
            w(f"| {name} | ... warm jobs (each node's cached splits), medians {one['warm_job_median_s']:.2f} s / "
              f"{two['warm_job_median_s']:.2f} s{marks} | {warm:.2f} | >= 0.85 | {met(warm >= 0.85)} |")
    mark.end_figures(w)
    w("## Runs")
    w("")
    w("| Run | Records | Splits | Jobs (s) | Splits by node, first job |")
    w("|---|---|---|---|---|")
    for name in ("kmeans-nodes1", "kmeans-nodes2", "pca-nodes1", "pca-nodes2"):
        r = load(results, name)
        by_node = ", ".join(f"{n.rsplit(':', 1)[-1]}: {c}" for n, c in sorted(r["splits_by_node"][0].items()))
        w(f"| {name} | {r['records']} | {r['splits']} | {', '.join(f'{s:.2f}' for s in r['job_s_all'])} | "
          f"{by_node} |")
    w("")
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()
