#!/usr/bin/env python3
"""Runs identical Statewise jobs on a cluster of node JVMs on 127.0.0.1 and prints one JSON line of timings.

Usage: two_node_bench.py --classpath CP --work-dir DIR --nodes 1|2 --jobs N --spec JOB.json [--java java]

The first node serves the H2 journal (--serve-journal) and the HTTP API; with --nodes 2 a second node joins it as a
worker, each node offering one worker slot, so a job of "parallelism": "auto" gets one slot per node. The script waits
until the cluster shows every node up with its worker slot, then submits the job N times one after the other over
HTTP (POST /v1/jobs) and times each from the submit to the phase "completed" (GET /v1/jobs/{id} every 10 ms). The first
job is cold (fresh JVMs, empty split caches), the later ones warm. Node output goes to DIR/<node>.out; the nodes are
stopped (SIGTERM, then SIGKILL) and their directories removed at the end.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.request

UP_LINE = re.compile(r"cluster [^,]*:(\d+), (?:HTTP http://[^:]+:(\d+)|no HTTP)")
SERVED_JOURNAL = re.compile(r"journal served at (\S+)")
START_TIMEOUT_S = 120
JOB_TIMEOUT_S = 1800


class Node:
    """A `statewise node` JVM; blocks until its "Statewise node up" line."""

    def __init__(self, java, classpath, work_dir, name, args):
        self.dir = os.path.join(work_dir, name)
        shutil.rmtree(self.dir, ignore_errors=True)
        command = [java, "-Xmx6g", "-cp", classpath, "io.statewise.ops.cli.StatewiseCli", "node",
                   "--data-dir", self.dir, "--http-port", "0", "--port", "0"] + args
        self.out_path = os.path.join(work_dir, name + ".out")
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.up_line = self._await_up()
        threading.Thread(target=self._drain, daemon=True).start()
        ports = UP_LINE.search(self.up_line)
        if not ports:
            self.process.kill()  # not yet in the caller's list of nodes to stop
            raise RuntimeError("no ports in the node's up line: " + self.up_line)
        self.cluster_port = int(ports.group(1))
        self.http_port = int(ports.group(2)) if ports.group(2) else None  # a worker node has no API

    def _await_up(self):
        deadline = time.time() + START_TIMEOUT_S
        with open(self.out_path, "w") as out:
            for line in self.process.stdout:
                out.write(line)
                if line.startswith("Statewise node up"):
                    return line.strip()
                if time.time() > deadline:
                    break
        self.process.kill()
        raise RuntimeError(f"node did not start; see {self.out_path}")

    def _drain(self):
        with open(self.out_path, "a") as out:
            for line in self.process.stdout:
                out.write(line)

    def journal_url(self):
        m = SERVED_JOURNAL.search(self.up_line)
        if not m:
            raise RuntimeError("the node serves no journal: " + self.up_line)
        return m.group(1)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def http(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def await_members(port, count):
    deadline = time.time() + START_TIMEOUT_S
    while time.time() < deadline:
        view = http(port, "GET", "/v1/cluster")
        up = [m for m in view.get("members", [])
              if m.get("status") == "up" and m.get("reachable") and m.get("capacity", 0) >= 1]
        if len(up) >= count:
            return view
        time.sleep(0.2)
    raise RuntimeError(f"the cluster did not show {count} members up: {view}")


def run_job(port, spec):
    """Submits a job and follows it to its end; returns its time from the job's own timestamps (submitted_at to
    finished_at, on the node that hosts it) and its final status. Polled every 100 ms only: a tight polling loop
    takes CPU (this client's and the node's HTTP server's) from the workers of the two-core machine."""
    start = time.perf_counter()
    status = http(port, "POST", "/v1/jobs", spec)
    job = status["job_id"]
    while status["phase"] not in ("completed", "failed", "cancelled"):
        if time.perf_counter() - start > JOB_TIMEOUT_S:
            raise RuntimeError(f"job {job} did not finish in {JOB_TIMEOUT_S} s")
        time.sleep(0.1)
        status = http(port, "GET", f"/v1/jobs/{job}")
    if status["phase"] != "completed":
        raise RuntimeError(f"job {job} ended {status['phase']}: {status.get('error')}")
    seconds = (instant(status["finished_at"]) - instant(status["submitted_at"])).total_seconds()
    return seconds, status


def instant(text):
    """An ISO-8601 instant as the API writes it (UTC, 'Z', up to nanoseconds) as a datetime."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    return datetime.datetime.fromisoformat(whole + "." + (fraction + "000000")[:6])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classpath", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--nodes", type=int, choices=(1, 2), required=True)
    parser.add_argument("--jobs", type=int, default=3)
    parser.add_argument("--spec", required=True, help="a job spec file, as POST /v1/jobs takes it")
    parser.add_argument("--java", default="java")
    args = parser.parse_args()
    with open(args.spec) as f:
        spec = json.load(f)
    os.makedirs(args.work_dir, exist_ok=True)

    nodes = []
    try:
        t0 = time.perf_counter()
        owner = Node(args.java, args.classpath, args.work_dir, "owner",
                     ["--serve-journal", "127.0.0.1:0", "--worker-slots", "1"])
        nodes.append(owner)
        if args.nodes == 2:
            nodes.append(Node(args.java, args.classpath, args.work_dir, "worker",
                              ["--seed", f"127.0.0.1:{owner.cluster_port}", "--journal-url", owner.journal_url(),
                               "--roles", "worker", "--worker-slots", "1"]))
        await_members(owner.http_port, args.nodes)
        cluster_ready = time.perf_counter() - t0
        seconds, statuses = [], []
        for _ in range(args.jobs):
            s, status = run_job(owner.http_port, spec)
            seconds.append(s)
            statuses.append(status)
        first = statuses[0]
        print(json.dumps({
            "nodes": args.nodes,
            "cluster_ready_s": cluster_ready,
            "job_s": seconds[0],
            "warm_job_median_s": statistics.median(seconds[1:]) if len(seconds) > 1 else float("nan"),
            "job_s_all": seconds,
            "records": first.get("records"),
            "splits": first.get("splits_total"),
            "splits_by_node": [s.get("splits_by_node") for s in statuses],
        }))
    finally:
        for node in reversed(nodes):
            node.stop()


if __name__ == "__main__":
    main()
