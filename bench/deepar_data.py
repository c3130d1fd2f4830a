#!/usr/bin/env python3
"""Splits a long CSV of time series (series,timestamp,value; a header line is allowed) into the files of the DeepAR
benchmark: train.csv holds every series without its last HORIZON values (also the validation channel: early stopping
scores each series' last HORIZON training values), test.csv every whole series (its last HORIZON values are scored).
Rows of a series are kept in file order; series with no more than HORIZON values are left out (counted on stderr).

Usage: deepar_data.py <long.csv> <horizon> <out-dir>
"""
import csv
import json
import os
import sys


def main():
    source, horizon, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    series, order = {}, []
    with open(source, newline="") as f:
        for row in csv.reader(f):
            if len(row) < 3:
                continue
            key, timestamp, value = row[0], row[1], row[2]
            if not series and not order and not _is_number(value):
                continue  # a header
            if key not in series:
                series[key] = []
                order.append(key)
            series[key].append((timestamp, value))
    kept = [k for k in order if len(series[k]) > horizon]
    with open(os.path.join(out, "train.csv"), "w") as train, open(os.path.join(out, "test.csv"), "w") as test:
        for k in kept:
            rows = series[k]
            for i, (timestamp, value) in enumerate(rows):
                line = f"{k},{timestamp},{value}\n"
                test.write(line)
                if i < len(rows) - horizon:
                    train.write(line)
    lengths = sorted(len(series[k]) for k in kept)
    print(json.dumps({"series": len(kept), "dropped_short": len(order) - len(kept), "horizon": horizon,
                      "min_length": lengths[0] if lengths else 0,
                      "median_length": lengths[len(lengths) // 2] if lengths else 0,
                      "max_length": lengths[-1] if lengths else 0}))


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return text.strip().lower() in ("", "nan")


if __name__ == "__main__":
    main()
