#!/usr/bin/env python3
"""Assembles the JSON results of run-versions-bench.sh into a markdown report (printed and written to a file).

Usage: versions_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, idle_at_start, load, met, preamble, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    r = load(results, "replay")
    t = load(results, "tune")
    mark = Marks(results)
    out = []
    w = out.append
    preamble(w, "Model versions benchmark: replay and tuning from the state", "no peers", idle_at_start(results))
    worst = max(r["asof_before_version_s"], r["asof_middle_s"], r["offline_replay_before_version_s"])
    w(f"| 1 | k-means job of {r['events']} events: model as of any event, worst of as-of the event before the model "
      f"({r['asof_before_version_s']:.2f} s), the middle one ({r['asof_middle_s']:.2f} s) and the same from the "
      f"journal alone with the node stopped ({r['offline_replay_before_version_s']:.2f} s){mark('replay')} "
      f"| {worst:.2f} s | < 5 s | {met(worst < 5)} |")
    w(f"| 1 | same job: as of the last event (the stored version) / version 1 | {r['asof_last_s']:.2f} s / "
      f"{r['version1_s']:.2f} s | (reported) | - |")
    ratio = t["tune_over_separate"]
    w(f"| 2 | tuning k = 2..30 from one state ({t['tune_s']:.2f} s; again {t['tune_again_s']:.2f} s) / 29 separate "
      f"jobs ({t['separate_jobs_s']:.2f} s){mark('tune')} | {ratio:.3f} | <= 0.1 | {met(ratio <= 0.1)} |")
    same = t["tune_choice"] == t["separate_choice"]
    w(f"| 2 | k chosen by the elbow of validation MSD: tuning {t['tune_choice']}, separate jobs "
      f"{t['separate_choice']} (true k {t['true_k']}) | {'same' if same else 'different'} | same | {met(same)} |")
    i = load(results, "incremental")
    for name, label, match in (("kmeans", "k-means (k = 8)", "SSE within 1%"), ("pca", "PCA regular (5 components)",
                                                                               "exact")):
        ratio = i[name + "_add_over_full"]
        runs = (f"; runs {', '.join(f'{v:.3f}' for v in i[name + '_add_s_all'])} / "
                f"{', '.join(f'{v:.3f}' for v in i[name + '_full_s_all'])}") if name + "_add_s_all" in i else ""
        w(f"| 3 | {label}: adding {i['added_rows']:,} rows to a job over {i['rows']:,} "
          f"({i[name + '_add_s']:.3f} s) / one job over all ({i[name + '_full_s']:.3f} s), medians{runs}"
          f"{mark('incremental')} "
          f"| {ratio:.3f} | <= 0.15 | {met(ratio <= 0.15)} |")
        same = i[name + "_same_model"]
        w(f"| 3 | {label}: model after adding vs full retrain | {'identical' if same else 'different'} | {match} "
          f"| {met(same)} |")
    mark.end_figures(w)
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()
