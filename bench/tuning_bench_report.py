#!/usr/bin/env python3
"""Assembles the JSON result of run-tuning-bench.sh into a markdown report (printed and written to a file).

Usage: tuning_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, idle_at_start, load, met, preamble, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    names = ("halving-seed42", "halving-seed1", "halving-seed2", "halving-1m-seed42")
    runs = [(name, load(results, name)) for name in names]
    mark = Marks(results)
    out = []
    w = out.append
    preamble(w, "Tuning jobs benchmark: successive halving against full training", "no peers", idle_at_start(results))
    for run, h in runs:
        n, e, at = h["configurations"], h["max_epochs"], f"{h['rows']:,} rows, seed {h['seed']}"
        w(f"| 1 | {at}: best validation MSE of successive halving over {n} linear-learner configurations "
          f"({h['halving_best_mse']:.5g}, configuration {h['halving_best_configuration']}) against the best of all "
          f"{n} trained for {e} epochs ({h['full_best_mse']:.5g}, configuration {h['full_best_configuration']}), "
          f"relative gap | {h['gap']:+.4f} | <= 0.01 | {met(h['gap'] <= 0.01)} |")
        w(f"| 1 | {at}: cost, records trained by its {h['halving_children']} children ({h['halving_records']:,}) "
          f"/ by the {n} full runs ({h['full_records']:,}; {h['full_epochs_run']} epochs after early stopping) "
          f"| {h['records_ratio']:.3f} | <= 1/3 | {met(h['records_ratio'] <= 1 / 3)} |")
        w(f"| 1 | {at}: wall time, successive halving ({h['halving_s']:.1f} s) / full runs ({h['full_s']:.1f} s), "
          f"{h['max_parallel_jobs']} children at once{mark(run)} | {h['seconds_ratio']:.3f} | (reported) | - |")
    mark.end_figures(w)
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()
