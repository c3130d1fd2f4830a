#!/usr/bin/env python3
"""Assembles the JSON results of run-ntm-bench.sh into a markdown report (printed and written to a file).

Usage: ntm_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, idle_at_start, load, met, preamble, write_report


def time_to_loss(run, target):
    """Seconds from submit until the job reported an epoch whose validation loss is <= target; None if it never did."""
    for loss, at in zip(run["validation_loss_by_epoch"], run["epoch_reported_s"]):
        if loss <= target:
            return at
    return None


def main():
    results, report = sys.argv[1], sys.argv[2]
    corpus = load(results, "corpus")
    n1 = load(results, "ntm-statewise-1")
    n2 = load(results, "ntm-statewise-2")
    lda = load(results, "lda-sklearn")
    s1 = load(results, "ntm-scaling-1")
    s2 = load(results, "ntm-scaling-2")
    mark = Marks(results)

    out = []
    w = out.append
    preamble(w, "Topic-model benchmark: Statewise NTM vs scikit-learn LDA",
             f"scikit-learn {lda['sklearn']}, numpy {lda['numpy']}", idle_at_start(results))
    ntm_npmi = lda["ntm1"]["npmi"]
    w(f"| 1 | SpamAssassin, K = 20: NPMI of NTM's top-10 words (one worker) over the held-out documents, against "
      f"LDA's {lda['npmi']:.4f} | {ntm_npmi:.4f} | >= LDA's | {met(ntm_npmi >= lda['npmi'])} |")
    w(f"| 1 | held-out perplexity: NTM (ELBO bound) {n1['test_perplexity']:.1f}; LDA (scikit-learn's variational "
      f"bound) {lda['test_perplexity']:.1f} | reported | - | - |")
    final1, final2 = s1["validation_loss_by_epoch"][-1], s2["validation_loss_by_epoch"][-1]
    loss_gap = abs(final2 - final1) / final1
    w(f"| 2 | 2 workers against 1, validation loss (negative ELBO per held-out document) at the end of each job: "
      f"{final2:.2f} vs {final1:.2f} ({s2['epochs_run']} and {s1['epochs_run']} epochs) | {loss_gap * 100:.2f}% "
      f"| <= 2% | {met(loss_gap <= 0.02)} |")
    # The scaling figure as time to a common target: the first epoch whose validation loss is within 2% of
    # the one-worker job's final one, for both jobs (the same threshold, so neither is timed past it).
    target = final1 * 1.02
    t1, t2 = time_to_loss(s1, target), time_to_loss(s2, target)
    scaling = mark("ntm-scaling-1", "ntm-scaling-2")
    if t1 is None or t2 is None:
        w(f"| 2 | time to a validation loss within 2% of the one-worker job's ({target:.2f}): 1 worker "
          f"{t1}, 2 workers {t2}{scaling} | not reached | <= 0.6 | {met(False)} |")
    else:
        w(f"| 2 | 2 workers' time / 1 worker's to a validation loss within 2% of the one-worker job's final "
          f"({target:.2f}): {t2:.2f} s / {t1:.2f} s{scaling} | {t2 / t1:.2f} | <= 0.6 | {met(t2 / t1 <= 0.6)} |")
    w(f"| 2 | whole jobs with validation, 2 workers' time / 1 worker's ({s2['job_s']:.2f} s / {s1['job_s']:.2f} s; "
      f"{s2['epochs_run']} / {s1['epochs_run']} epochs) | {s2['job_s'] / s1['job_s']:.2f} | reported | - |")
    ratio = n2["job_s"] / n1["job_s"]
    w(f"| 2 | without validation data, 2 workers' time / 1 worker's ({n2['job_s']:.2f} s / {n1['job_s']:.2f} s; "
      f"{n2['epochs_run']} / {n1['epochs_run']} epochs){mark('ntm-statewise-1', 'ntm-statewise-2')} | {ratio:.2f} "
      f"| reported | - |")
    w(f"| 3 | training throughput, documents per second per core: NTM one worker (job time, load included) against "
      f"LDA online VB (fit only, n_jobs=1) {lda['documents_per_s_per_core']:.0f}{mark('ntm-statewise-1', 'lda-sklearn')} "
      f"| {n1['documents_per_s_per_worker']:.0f} | reported | - |")
    mark.end_figures(w)
    w("## Runs")
    w("")
    w(f"Corpus: {corpus['train_documents']} training and {corpus['test_documents']} held-out documents, vocabulary "
      f"{corpus['vocabulary']} terms ({corpus['train_tokens']} training tokens in it).")
    w("")
    w("| Run | Time (s) | Held-out perplexity | NPMI (shared scorer / own) | Topic diversity | Notes |")
    w("|---|---|---|---|---|---|")
    for name, r, key in (("NTM, 1 worker", n1, "ntm1"), ("NTM, 2 workers", n2, "ntm2")):
        w(f"| {name} | {r['job_s']:.2f} | {r['test_perplexity']:.1f} | {lda[key]['npmi']:.4f} / {r['test_npmi']:.4f} "
          f"| {lda[key]['topic_diversity']:.3f} | {r['splits']} splits, {r['epochs_run']} epochs, KL "
          f"{r['test_kl_divergence']:.2f}; {r['hyperparameters']} |")
    w(f"| LDA (scikit-learn) | {lda['fit_s']:.2f} (fit) | {lda['test_perplexity']:.1f} | {lda['npmi']:.4f} "
      f"| {lda['topic_diversity']:.3f} | {' '.join(lda['estimator'].split())}, {lda['passes']} passes |")
    w("")
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()
