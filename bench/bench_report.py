"""What the benchmark report scripts share: reading each run's JSON line, the machine's description and the table of
CPU time per run (written by bench-lib.sh's run function)."""
import json
import os
import platform
import subprocess


def load(results, name):
    """The last JSON line of results/name.json, or None if the run did not happen."""
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        lines = [l for l in f.read().splitlines() if l.strip().startswith("{")]
    return json.loads(lines[-1]) if lines else None


def efficiency(one, two, key):
    """Parallel efficiency from the times of one run with one unit (slot or node) and one with two, for the same
    records: throughput(2) / (2 x throughput(1)) = time(1) / (2 x time(2))."""
    return one[key] / (2 * two[key])


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def java_version():
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
        return out[0] if out else "?"
    except OSError:
        return "?"


def met(ok):
    return "yes" if ok else "**NO**"


def cpu_rows(results):
    """Rows of cpu.txt: name, wall s, own CPU s, others' CPU s, then (newer runs) load average at start and seconds
    waited for the machine to be idle ("timeout" suffix when it never was)."""
    path = os.path.join(results, "cpu.txt")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.split() for l in f if l.strip()]


class Marks:
    """Marks figures whose runs were disturbed: other processes took more than 1 CPU s meanwhile, or the machine never
    went quiet before the run."""

    NOTE = ("(†) other processes took CPU time during a run behind this figure (see the CPU table at the end): its "
            "timings are pessimistic for Statewise's side, and any peer's for the peer's side.")

    def __init__(self, results):
        self.affected = {r[0] for r in cpu_rows(results)
                         if float(r[3]) > 1.0 or (len(r) > 5 and "timeout" in r[5])}

    def __call__(self, *runs):
        return " (†)" if any(r in self.affected for r in runs) else ""

    def end_figures(self, w):
        """Closes the figures table: a blank line, then the note explaining the marks if any figure has one."""
        w("")
        if self.affected:
            w(Marks.NOTE)
            w("")


def idle_at_start(results):
    """What the run script recorded of the machine's load before its first run."""
    path = os.path.join(results, "idle-at-start.txt")
    return open(path).read().strip() if os.path.exists(path) else "?"


def peers(spark, skl):
    """The versions of the Spark and scikit-learn peers, for preamble()."""
    return (f"Spark {spark['spark_version']} ({spark['master']}); scikit-learn {skl['sklearn']}, pandas "
            f"{skl['pandas']}, numpy {skl['numpy']}")


def preamble(w, title, versions, idle):
    """The report's title, the machine and the peers' versions, and the head of the figures table."""
    w(f"# {title}")
    w("")
    w(f"Machine: {os.cpu_count()} cores ({cpu_model()}); {java_version()}; {versions}. JVMs run with -Xmx8g. Machine "
      f"idle (load average < 0.5) before the first run: {idle}.")
    w("")
    w("## Figures")
    w("")
    w("| # | Figure | Measured | Target | Met |")
    w("|---|---|---|---|---|")


def busy_runs(results, threshold=1.0):
    """Names of runs during which other processes took more than threshold CPU seconds."""
    return {r[0] for r in cpu_rows(results) if float(r[3]) > threshold}


def cpu_table(results, w):
    rows = cpu_rows(results)
    if not rows:
        return
    w("CPU time per run (wall s / this run's CPU s / CPU s taken by other processes meanwhile; any of the last makes "
      "the figures of that run pessimistic; load average when the run started, and how long the script waited for "
      "other processes to go quiet before it):")
    w("")
    w("| Run | Wall (s) | Own CPU (s) | Others' CPU (s) | Load avg at start | Idle wait (s) |")
    w("|---|---|---|---|---|---|")
    for r in rows:
        load_avg = r[4] if len(r) > 4 else "-"
        wait = r[5] if len(r) > 5 else "-"
        w(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {load_avg} | {wait} |")
    w("")


def write_report(report, lines):
    """Writes the report's lines to the file `report` and prints them."""
    text = "\n".join(lines) + "\n"
    with open(report, "w") as f:
        f.write(text)
    print(text)
