"""The metrics of `mer eval model` (ModelEvaluator.cs), computed on per-second predictions."""
import math

import numpy as np


def quadrant_of(a, v):
    """0..3 for Q1..Q4 (0 counts as positive, as in ArousalValence.QuadrantOf)."""
    return np.where(a >= 0, np.where(v >= 0, 0, 1), np.where(v >= 0, 3, 2))


def macro_f1(true_q, pred_q):
    f1 = []
    for c in range(4):
        tp = np.sum((pred_q == c) & (true_q == c))
        fp = np.sum((pred_q == c) & (true_q != c))
        fn = np.sum((pred_q != c) & (true_q == c))
        f1.append(0.0 if 2 * tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1))


def quadrant_report(clips, per_second, split=None):
    """clips with .quadrant; per_second: {clip key: [seconds, 2] calibrated values}. Clip quadrant from the clip mean."""
    true_q, pred = [], []
    for c in clips:
        p = per_second[c.key]
        true_q.append(int(c.quadrant[1]) - 1)
        pred.append(p.mean(0))
    true_q = np.array(true_q)
    pred = np.array(pred)
    pred_q = quadrant_of(pred[:, 0], pred[:, 1])
    true_a = np.isin(true_q, (0, 1))
    true_v = np.isin(true_q, (0, 3))
    return {
        "split": split, "n": len(clips), "accuracy": float(np.mean(true_q == pred_q)), "macroF1": macro_f1(true_q, pred_q),
        "arousalSignAccuracy": float(np.mean((pred[:, 0] >= 0) == true_a)),
        "valenceSignAccuracy": float(np.mean((pred[:, 1] >= 0) == true_v)),
        "confusion": [[int(np.sum((true_q == i) & (pred_q == j))) for j in range(4)] for i in range(4)],
    }


def _pearson(x, y):
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def per_second_report(clips, per_second):
    """Each annotated instant t against the value of second floor(t) (ModelEvaluator.ScorePerSecond)."""
    pairs = {0: ([], []), 1: ([], [])}
    for c in clips:
        p = per_second[c.key]
        for t, a, v in c.base.points:
            s = int(math.floor(t))
            if s < 0 or s >= len(p):
                continue
            for d, value in enumerate((a, v)):
                if not math.isnan(value):
                    pairs[d][0].append([p[s, d]])
                    pairs[d][1].append([value])
    report = {"clips": len(clips)}
    base = {}
    for d, dim in enumerate(("arousal", "valence")):
        p = np.concatenate(pairs[d][0])
        y = np.concatenate(pairs[d][1])
        report[dim] = {"n": int(len(y)), "rmse": float(np.sqrt(np.mean((p - y) ** 2))), "mae": float(np.mean(np.abs(p - y))),
                       "pearson": _pearson(p, y)}
        base[dim] = {"rmse": float(np.sqrt(np.mean((y - y.mean()) ** 2)))}
    report["n"] = report["arousal"]["n"]
    report["baselineMean"] = base
    return report


def mood_report(clips, per_second):
    """Mood-set clips (targets from their tag, NaN where the tag is unclear): sign agreement of the clip mean, per dimension."""
    acc = []
    counts = []
    for d in range(2):
        hits = [(per_second[c.key][:, d].mean() >= 0) == (c.targets[d] > 0.5) for c in clips if not math.isnan(c.targets[d])]
        acc.append(float(np.mean(hits)) if hits else math.nan)
        counts.append(len(hits))
    return {"n": len(clips), "arousalSignAccuracy": acc[0], "valenceSignAccuracy": acc[1], "clearClips": counts}
