#!/usr/bin/python3
"""Why the valence calibration cannot suit VGMIDI and the sign sets at once: figures from training data only.

Reads the pickle that `training/train.py --dump-outputs PATH` writes (out-of-fold outputs of the cross-validation
on the training splits, the card's affine mapping, the emoMusic target statistics) and prints, per dimension:

* VGMIDI train, per second, out of fold: RMSE of predicting the labels' mean, of the card's mapping, and of the
  least-squares affine fitted to VGMIDI alone; the correlation; the means and spreads of labels and outputs;
* 4Q and EMOPIA train, per clip, out of fold: sign accuracy and macro-F1 at the neutral point u = 0, at the card's
  neutral point (−offset/scale) and at the neutral point VGMIDI's own fit would put (−b/a);

so a reader can see how far the neutral point VGMIDI asks for is from the one the quadrant labels ask for.
No val split is read. Usage:

    /usr/bin/python3 training/train.py --data training/work/dataset --label-stats ../shared/data/emomusic/annotations \\
        --out /tmp/m --metrics-only --dump-outputs /tmp/outputs.pkl
    /usr/bin/python3 training/diagnose_calibration.py /tmp/outputs.pkl
"""
import argparse
import pickle

import numpy as np

DIMENSIONS = ("arousal", "valence")


def quadrants(arousal_positive, valence_positive):
    """Q1 (+,+) = 0, Q2 (valence −, arousal +) = 1, Q3 (−,−) = 2, Q4 (valence +, arousal −) = 3."""
    return np.where(arousal_positive, np.where(valence_positive, 0, 1), np.where(valence_positive, 3, 2))


def macro_f1(truth, predicted):
    scores = []
    for q in range(4):
        tp = np.sum((predicted == q) & (truth == q))
        fp = np.sum((predicted == q) & (truth != q))
        fn = np.sum((predicted != q) & (truth == q))
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores))


def vgmidi_pairs(clips):
    outputs, labels = [], []
    for clip in clips:
        n = min(len(clip["outOfFold"]), len(clip["labels"]))
        annotated = ~np.isnan(clip["labels"][:n]).any(axis=1)
        outputs.append(clip["outOfFold"][:n][annotated])
        labels.append(clip["labels"][:n][annotated])
    return np.concatenate(outputs), np.concatenate(labels)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("outputs", help="the pickle written by train.py --dump-outputs")
    args = p.parse_args()
    with open(args.outputs, "rb") as f:
        dump = pickle.load(f)
    scale, offset = np.array(dump["scale"]), np.array(dump["offset"])
    train = dump["train"]

    print("VGMIDI train, per second, out of fold")
    u_all, l_all = vgmidi_pairs(train["vgmidi"])
    vgmidi_neutral = np.zeros(2)
    for d, name in enumerate(DIMENSIONS):
        u, l = u_all[:, d], l_all[:, d]
        (a, b), *_ = np.linalg.lstsq(np.column_stack([u, np.ones_like(u)]), l, rcond=None)
        vgmidi_neutral[d] = -b / a
        rmse = lambda y: float(np.sqrt(np.mean((y - l) ** 2)))  # noqa: E731
        print(f"  {name}: RMSE mean-label {rmse(np.full_like(l, l.mean())):.3f}, card {rmse(np.clip(scale[d] * u + offset[d], -1, 1)):.3f}"
              f" (y = {scale[d]:.3f}·u {offset[d]:+.3f}), VGMIDI-only fit {rmse(a * u + b):.3f} (y = {a:.3f}·u {b:+.3f});"
              f" r {np.corrcoef(u, l)[0, 1]:.3f}; labels {l.mean():+.3f} ± {l.std():.3f}, outputs {u.mean():+.3f} ± {u.std():.3f}")
    target = dump["target"]
    print("  emoMusic song means (calibration target): " + ", ".join(
        f"{name} {target[name]['mean']:+.3f} ± {target[name]['std']:.3f}" for name in DIMENSIONS))

    neutrals = {"u = 0": np.zeros(2), "card": -offset / scale, "VGMIDI's fit": vgmidi_neutral}
    for set_name in ("4q", "emopia"):
        clips = train.get(set_name, [])
        if not clips:
            continue
        means = np.array([c["outOfFold"].mean(axis=0) for c in clips])
        signs = np.array([c["signs"] for c in clips])
        truth = quadrants(signs[:, 0] > 0, signs[:, 1] > 0)
        print(f"{set_name} train, per clip, out of fold ({len(clips)} clips)")
        for label, t in neutrals.items():
            positive = means > t
            accuracy = [float(np.mean(positive[:, d] == (signs[:, d] > 0))) for d in range(2)]
            print(f"  neutral at {label} (u = {t[0]:+.3f}, {t[1]:+.3f}): macro-F1 {macro_f1(truth, quadrants(positive[:, 0], positive[:, 1])):.3f},"
                  f" arousal sign {accuracy[0]:.3f}, valence sign {accuracy[1]:.3f}")


if __name__ == "__main__":
    main()
