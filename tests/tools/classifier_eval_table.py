#!/usr/bin/python3
"""Tables and paired comparisons of `aichopin-cli evaluate-classifier --json` outputs (for model cards).

  classifier_eval_table.py rows A.json [B.json ...]
      one Markdown row per file: pieces, balanced accuracy, precision, recall, F1, F0.5, piece ROC
      AUC, clip accuracy, clip ROC AUC, and the median log-odds of the Chopin and the other pieces
  classifier_eval_table.py paired A1.json:B1.json [A2.json:B2.json ...] [--resamples 2000] [--seed 1]
      paired bootstrap of the mean piece ROC AUC difference B - A over the given conditions (each
      pair: the same pieces, two models or two renderings); resamples pieces within each class, the
      same resample in every pair that holds the same pieces

Only the Python standard library is used.
"""
import json
import math
import random
import statistics
import sys


def load(path):
    with open(path) as f:
        j = json.load(f)
    pieces = [(p["piece"], p["label"] == "Chopin", p["p_chopin"]) for p in j["pieces"]]
    return j, pieces


def logit(p):
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def rows(paths):
    print("| file | pieces | balanced acc. | precision | recall | F1 | F0.5 | ROC AUC | clip acc. | clip AUC | median log-odds Chopin / Other |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for path in paths:
        j, pieces = load(path)
        m, c = j["piece_metrics"], j["clip_metrics"]
        pos = [logit(p) for _, chopin, p in pieces if chopin]
        neg = [logit(p) for _, chopin, p in pieces if not chopin]
        conf = m["confusion"]
        tpr = conf["true_chopin"] / max(1, conf["true_chopin"] + conf["false_other"])
        tnr = conf["true_other"] / max(1, conf["true_other"] + conf["false_chopin"])
        print(f"| {path} | {m['count']} | {(tpr + tnr) / 2:.3f} | {m['precision']:.3f} | {m['recall']:.2f} | {m['f1']:.2f} | "
              f"{m['f0_5']:.3f} | {m['roc_auc']:.3f} | {c['accuracy']:.3f} | {c['roc_auc']:.3f} | "
              f"{statistics.median(pos):.2f} / {statistics.median(neg):.2f} |")


def paired(pairs, resamples, seed):
    conditions = []
    for pair in pairs:
        a_path, b_path = pair.split(":")
        _, a = load(a_path)
        _, b = load(b_path)
        a_by, b_by = {n: (c, p) for n, c, p in a}, {n: (c, p) for n, c, p in b}
        names = sorted(set(a_by) & set(b_by))
        if len(names) != len(a_by) or len(names) != len(b_by):
            sys.exit(f"{pair}: the two files do not hold the same pieces")
        conditions.append((names, a_by, b_by))
    chopin = sorted({n for names, a_by, _ in conditions for n in names if a_by[n][0]})
    other = sorted({n for names, a_by, _ in conditions for n in names if not a_by[n][0]})

    def mean_diff(pos_names, neg_names):
        diffs = []
        for names, a_by, b_by in conditions:
            present = set(names)
            pos = [n for n in pos_names if n in present]
            neg = [n for n in neg_names if n in present]
            diffs.append(auc([b_by[n][1] for n in pos], [b_by[n][1] for n in neg])
                         - auc([a_by[n][1] for n in pos], [a_by[n][1] for n in neg]))
        return sum(diffs) / len(diffs), diffs

    observed, per = mean_diff(chopin, other)
    rng = random.Random(seed)
    boot = sorted(mean_diff([rng.choice(chopin) for _ in chopin], [rng.choice(other) for _ in other])[0]
                  for _ in range(resamples))
    q = lambda f: boot[min(len(boot) - 1, int(f * len(boot)))]
    print("per condition B - A:", " ".join(f"{d:+.3f}" for d in per))
    print(f"mean B - A {observed:+.3f}; 90 % interval {q(0.05):+.3f} to {q(0.95):+.3f}; "
          f"95 % {q(0.025):+.3f} to {q(0.975):+.3f}; P(gain > 0) {sum(d > 0 for d in boot) / len(boot):.2f} "
          f"({len(chopin)} Chopin and {len(other)} other pieces, {resamples} resamples)")


def main():
    args = sys.argv[1:]
    if len(args) < 2 or args[0] not in ("rows", "paired"):
        sys.exit(__doc__)
    if args[0] == "rows":
        rows(args[1:])
        return
    resamples, seed, pairs = 2000, 1, []
    it = iter(args[1:])
    for a in it:
        if a == "--resamples":
            resamples = int(next(it))
        elif a == "--seed":
            seed = int(next(it))
        else:
            pairs.append(a)
    paired(pairs, resamples, seed)


if __name__ == "__main__":
    main()
