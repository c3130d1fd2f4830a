#!/usr/bin/env python3
"""Converts the monthly series of the M3 or the tourism competition data (long CSVs, plain or gzip'd) to the long CSV
the DeepAR benchmark reads: series,timestamp,value with monthly timestamps "YYYY-MM-01 00:00:00", each series' train
values followed by its official test values, in time order. deepar_data.py then holds out the last horizon values,
which are exactly the official test values (M3 monthly: 18, tourism monthly: 24). A series whose test part does not
have that many values is left out (counted on stderr).

Input formats (recognised by the header):
  M3 (Mcomp):     series,type,period,h,split,t,time,value  (period MONTHLY; time is year + (month - 1) / 12)
  tourism (Tcomp): series,period,split,t,start_year,start_period,value  (period monthly; start_year/start_period give
                  the first month of the split the row belongs to, t counts from 1 within the split)

Usage: forecast_long_csv.py <m3.csv[.gz] | tourism.csv[.gz]> <out.csv>
"""
import csv
import gzip
import json
import sys

HORIZON = {"m3": 18, "tourism": 24}


def main():
    source, target = sys.argv[1], sys.argv[2]
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", newline="") as f:
        rows = csv.reader(f)
        header = [h.strip().lower() for h in next(rows)]
        if header == ["series", "type", "period", "h", "split", "t", "time", "value"]:
            kind, series = "m3", _m3(rows)
        elif header == ["series", "period", "split", "t", "start_year", "start_period", "value"]:
            kind, series = "tourism", _tourism(rows)
        else:
            sys.exit(f"unknown format, header {header}")
    horizon, written, dropped = HORIZON[kind], 0, 0
    with open(target, "w") as out:
        out.write("series,timestamp,value\n")
        for key, parts in series.items():
            train, test = sorted(parts["train"]), sorted(parts["test"])
            months = [m for m, _ in train + test]
            if len(test) != horizon or not train or months != list(range(months[0], months[0] + len(months))):
                dropped += 1
                continue
            for month, value in train + test:
                out.write(f"{key},{month // 12:04d}-{month % 12 + 1:02d}-01 00:00:00,{value}\n")
            written += 1
    print(json.dumps({"format": kind, "series": written, "dropped": dropped, "horizon": horizon}), file=sys.stderr)


def _m3(rows):
    series = {}
    for key, _type, period, h, split, _t, time, value in rows:
        if period.strip().upper() != "MONTHLY":
            continue
        month = round(float(time) * 12)  # months since year 0
        series.setdefault(key, {"train": [], "test": []})[split.strip().lower()].append((month, value))
    return series


def _tourism(rows):
    series = {}
    for key, period, split, t, start_year, start_period, value in rows:
        if period.strip().lower() != "monthly":
            continue
        month = int(start_year) * 12 + int(start_period) - 1 + int(t) - 1
        series.setdefault(key, {"train": [], "test": []})[split.strip().lower()].append((month, value))
    return series


if __name__ == "__main__":
    main()
