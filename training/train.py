#!/usr/bin/python3
"""Trains MusicEmotion's shipped emotion model and writes it as ONNX plus its model card.

Run with Debian's python (python3-torch, python3-onnx, python3-numpy); see training/README.md:

    ./mer dataset export --4q ../shared/data/4q --dynamic ../shared/data/emomusic \
        --reference ../shared/data/emotify/audio --out training/work/dataset
    /usr/bin/python3 training/train.py --data training/work/dataset \
        --label-stats ../shared/data/emomusic/annotations --out src/MusicEmotion.Inference/ShippedModel

The features are never computed here: `mer dataset export` writes exactly what the library computes at
inference (recipe.json), so training and inference cannot drift apart.

Model ("stats-MLP", per second): for each second, a window of W seconds of frames (64 log-mel bands + 21
descriptors) centred on it is standardised (train-set statistics, baked into the graph), summarised by its
mean, standard deviation and mean absolute frame-to-frame change per column, and mapped by a small MLP to two
logits: P(arousal > 0) and P(valence > 0). Trained on 4Q `train` clips only (clip quadrant -> sign labels on
random W-second crops), several seeds averaged. The logits are then calibrated to the continuous [-1, 1]
scale of per-second annotations (see docs/model.md): scale from the spread of an unlabelled reference
population versus the spread of the 744 emoMusic songs' label means; neutral point moved from the 4Q
decision boundary toward the reference population's centre as far as out-of-fold 4Q train accuracy allows.
"""
import argparse
import csv
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

FOLDS = 5


# ----------------------------------------------------------------------------- data

def load_dataset(folder):
    rows = list(csv.DictReader(open(os.path.join(folder, "index.csv"), newline="")))
    recipe = json.load(open(os.path.join(folder, "recipe.json")))
    feats = {}
    for r in rows:
        feats[(r["set"], r["id"])] = np.load(os.path.join(folder, r["features"])).astype(np.float32)
        r["seconds"] = second_count(int(r["samples"]), recipe)
    labels = {}
    path = os.path.join(folder, "dynamic_labels.csv")
    if os.path.exists(path):
        for r in csv.DictReader(open(path, newline="")):
            a = float(r["arousal"]) if r["arousal"] else math.nan
            v = float(r["valence"]) if r["valence"] else math.nan
            labels.setdefault(r["id"], []).append((float(r["time"]), a, v))
    return rows, recipe, feats, labels


def label_statistics(annotations_folder):
    """Mean and standard deviation of per-song mean arousal/valence over every song of an emoMusic/DEAM-style folder."""
    stats = {}
    for dim in ("arousal", "valence"):
        path = os.path.join(annotations_folder, f"{dim}_cont_average.csv")
        means, within = [], []
        with open(path, newline="") as f:
            reader = csv.reader(f)
            next(reader)
            for row in reader:
                values = [float(x) for x in row[1:] if x.strip()]
                if values:
                    means.append(np.mean(values))
                    within.append(np.std(values))
        stats[dim] = {"songs": len(means), "mean": float(np.mean(means)), "std": float(np.std(means)),
                      "withinSongStd": float(np.mean(within))}
    return stats


# ----------------------------------------------------------------------------- windows (same rule as SecondWindows.cs)

def window_frames(recipe, seconds):
    s = recipe["settings"]
    return max(1, int(round(seconds * s["sampleRate"] / s["hopLength"])))


def second_count(samples, recipe):
    """Every started second gets a value: ceil(samples / sr)."""
    sr = recipe["settings"]["sampleRate"]
    return (samples + sr - 1) // sr


def second_windows(m, recipe, wf, seconds):
    s = recipe["settings"]
    fps = s["sampleRate"] / s["hopLength"]
    total = len(m)
    out = []
    for i in range(seconds):
        if total <= wf:
            out.append(m)
            continue
        start = int(math.floor((i + 0.5) * fps - wf / 2.0 + 0.5))
        start = min(max(start, 0), total - wf)
        out.append(m[start:start + wf])
    return out


# ----------------------------------------------------------------------------- models

class WindowStats(nn.Module):
    """Mean, standard deviation and mean absolute first difference over time (plus min and max when extended): [B, T, F] -> [B, kF]."""

    def __init__(self, extended=False):
        super().__init__()
        self.extended = extended

    @property
    def count(self):
        return 5 if self.extended else 3

    def forward(self, x):
        mean = x.mean(dim=1)
        centred = x - mean.unsqueeze(1)
        std = torch.sqrt((centred * centred).mean(dim=1) + 1e-6)
        diff = (x[:, 1:] - x[:, :-1]).abs().mean(dim=1)
        parts = [mean, std, diff]
        if self.extended:
            parts += [x.amin(dim=1), x.amax(dim=1)]
        return torch.cat(parts, dim=1)


class StatsMlp(nn.Module):
    def __init__(self, width, hidden=64, extended=False):
        super().__init__()
        self.stats = WindowStats(extended)
        k = self.stats.count
        self.norm = nn.BatchNorm1d(k * width)
        self.net = nn.Sequential(nn.Dropout(0.2), nn.Linear(k * width, hidden), nn.ReLU(), nn.Dropout(0.3), nn.Linear(hidden, 2))

    def head(self, stats):
        return self.net(self.norm(stats))

    def forward(self, z):
        return self.head(self.stats(z))


class SeedConv(nn.Module):
    """The seed project's design, for the ablation: Conv1d over time on MFCC frames, then fully connected layers."""

    def __init__(self, width, channels=64, hidden=64):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(width, channels, 5, padding=2), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(channels, channels, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1))
        self.fc = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(channels, hidden), nn.ReLU(), nn.Dropout(0.3), nn.Linear(hidden, 2))

    def forward(self, z):
        return self.fc(self.conv(z.transpose(1, 2)))


class Standardise(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))

    def forward(self, x):
        return (x - self.mean) / self.std


class Ensemble(nn.Module):
    """What ships: standardise, run every member, average the logits. Input [B, T, F] -> output [B, 2]."""

    def __init__(self, standardise, members):
        super().__init__()
        self.standardise = standardise
        self.members = nn.ModuleList(members)

    def forward(self, features):
        z = self.standardise(features)
        if all(isinstance(m, StatsMlp) for m in self.members):
            # The window statistics have no parameters: compute them once and share them between the members.
            stats = self.members[0].stats(z)
            return torch.stack([m.head(stats) for m in self.members], dim=0).mean(dim=0)
        return torch.stack([m(z) for m in self.members], dim=0).mean(dim=0)


def mfcc_matrix(n_mels, n_mfcc):
    """Orthonormal DCT-II (the library's MFCC definition) applied to the exported dB log-mel bands."""
    n = np.arange(n_mels)
    k = np.arange(n_mfcc)[:, None]
    d = np.cos(np.pi / n_mels * (n + 0.5) * k) * np.sqrt(2.0 / n_mels)
    d[0] /= np.sqrt(2.0)
    return d.astype(np.float32)


# ----------------------------------------------------------------------------- training

def train_member(kind, clips, signs, wf, mean, std, seed, epochs, crops_per_clip=4, batch=64, lr=2e-3, extended=False):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    width = clips[0].shape[1]
    model = StatsMlp(width, extended=extended) if kind == "stats" else SeedConv(width)
    standardise = Standardise(mean, std)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-3)
    steps = epochs * int(math.ceil(len(clips) * crops_per_clip / batch))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps)
    y_all = torch.tensor(signs, dtype=torch.float32)
    for _ in range(epochs):
        model.train()
        order = np.repeat(np.arange(len(clips)), crops_per_clip)
        rng.shuffle(order)
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            xs = []
            for i in idx:
                m = clips[i]
                if len(m) <= wf:
                    xs.append(np.pad(m, ((0, wf - len(m)), (0, 0)), mode="edge"))
                else:
                    a = rng.integers(0, len(m) - wf + 1)
                    xs.append(m[a:a + wf])
            x = standardise(torch.tensor(np.stack(xs)))
            loss = nn.functional.binary_cross_entropy_with_logits(model(x), y_all[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    model.eval()
    return model


def predict_seconds(model, m, recipe, wf, seconds):
    """Per-second raw logits [seconds, 2] of one clip with the shipped window rule (a full Ensemble or a member)."""
    windows = second_windows(m, recipe, wf, seconds)
    with torch.no_grad():
        if len(windows[0]) == len(windows[-1]):
            return model(torch.tensor(np.stack(windows))).numpy()
        return np.concatenate([model(torch.tensor(w[None])).numpy() for w in windows])


def smooth(values, half, scale):
    """TemporalSmoother.cs: out[i] = m[i] + scale * (v[i] - m[i]), m[i] the mean of seconds i-half..i+half that exist."""
    n = len(values)
    out = np.empty(n)
    for i in range(n):
        m = values[max(0, i - half):min(n, i + half + 1)].mean()
        out[i] = min(1.0, max(-1.0, m + scale * (values[i] - m)))
    return out


def choose_smoothing(per_clip, half, target_within_std):
    """The deviation scale in [0, 1] that brings the mean within-clip std of the smoothed values to the target."""
    def within(scale):
        return float(np.mean([smooth(v, half, scale).std() for v in per_clip]))
    if within(1.0) <= target_within_std:
        return 1.0
    if within(0.0) >= target_within_std:
        return 0.0
    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if within(mid) > target_within_std:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def macro_f1(true_q, pred_q):
    f1 = []
    for c in range(4):
        tp = np.sum((pred_q == c) & (true_q == c))
        fp = np.sum((pred_q == c) & (true_q != c))
        fn = np.sum((pred_q != c) & (true_q == c))
        f1.append(0.0 if 2 * tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1))


def quadrant_of(a, v):
    return np.where(a >= 0, np.where(v >= 0, 0, 1), np.where(v >= 0, 3, 2))


def pearson(x, y):
    return float(np.corrcoef(x, y)[0, 1])


# ----------------------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="folder written by `mer dataset export`")
    p.add_argument("--label-stats", required=True, help="emoMusic/DEAM annotations folder (*_cont_average.csv) for the target scale")
    p.add_argument("--out", required=True, help="where to write emotion-model.onnx and emotion-model.card.json")
    p.add_argument("--kind", default="stats", choices=["stats", "seed-conv-mfcc"], help="architecture (seed-conv-mfcc = ablation)")
    p.add_argument("--window", type=float, default=10.0, help="context window in seconds")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--seeds", default="0,1,2,3,4", help="ensemble members' seeds (5 chosen on 4Q val: macro-F1 0.665 vs 0.654 with 3)")
    p.add_argument("--extended-stats", action="store_true", help="also min and max per column over the window")
    p.add_argument("--smoothing-half-window", type=int, default=15,
                   help="seconds each side of the local mean used to shrink per-second jitter to the annotations' scale (-1: off)")
    p.add_argument("--name", default="musicemotion-av")
    p.add_argument("--version", default="1.0.0")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--metrics-only", action="store_true", help="train and report, write nothing (ablations)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    seeds = [int(s) for s in args.seeds.split(",")]

    rows, recipe, feats, labels = load_dataset(args.data)
    n_mels = recipe["settings"]["melBands"]
    transform = None
    if args.kind == "seed-conv-mfcc":
        dct = mfcc_matrix(n_mels, 20)
        transform = lambda m: m[:, :n_mels] @ dct.T  # noqa: E731
    get = (lambda key: transform(feats[key])) if transform else (lambda key: feats[key])

    q4 = [r for r in rows if r["set"] == "4q"]
    train = [r for r in q4 if r["split"] == "train"]
    val = [r for r in q4 if r["split"] == "val"]
    dyn = [r for r in rows if r["set"] == "dynamic"]
    ref = [r for r in rows if r["set"] == "reference"]
    if not train:
        sys.exit("no 4Q train clips in the export")
    if not ref:
        sys.exit("no reference clips in the export (export with --reference): the calibration needs them")
    print(f"clips: train {len(train)}, val {len(val)}, dynamic {len(dyn)}, reference {len(ref)}", flush=True)

    train_x = [get(("4q", r["id"])) for r in train]
    train_y = np.array([[int(r["arousal_sign"]) > 0, int(r["valence_sign"]) > 0] for r in train], dtype=np.float32)
    frames = np.concatenate(train_x)
    mean, std = frames.mean(0), frames.std(0) + 1e-6
    wf = window_frames(recipe, args.window)

    # Out-of-fold clip logits on train (artist-disjoint folds), for choosing the neutral point honestly.
    artist = lambda r: r.get("artist") or r["id"]  # noqa: E731
    artists = sorted({artist(r) for r in train})
    fold_of_artist = {a: i % FOLDS for i, a in enumerate(np.random.default_rng(0).permutation(artists))}
    folds = np.array([fold_of_artist[artist(r)] for r in train])
    oof = np.zeros((len(train), 2))
    for f in range(FOLDS):
        tr_idx = np.where(folds != f)[0]
        members = [train_member(args.kind, [train_x[i] for i in tr_idx], train_y[tr_idx], wf, mean, std, s, args.epochs, extended=args.extended_stats) for s in seeds[:1]]
        model = Ensemble(Standardise(mean, std), members).eval()
        for i in np.where(folds == f)[0]:
            oof[i] = predict_seconds(model, train_x[i], recipe, wf, train[i]["seconds"]).mean(0)
        print(f"fold {f + 1}/{FOLDS} done ({time.time() - t0:.0f}s)", flush=True)

    members = [train_member(args.kind, train_x, train_y, wf, mean, std, s, args.epochs, extended=args.extended_stats) for s in seeds]
    model = Ensemble(Standardise(mean, std), members).eval()
    print(f"trained {len(members)} members ({time.time() - t0:.0f}s)", flush=True)

    # ------------------------------------------------------------------ calibration
    target = label_statistics(args.label_stats)
    ref_means = np.array([predict_seconds(model, get(("reference", r["id"])), recipe, wf, r["seconds"]).mean(0) for r in ref])
    calibration = {}
    scale, offset = [], []
    for d, dim in enumerate(("arousal", "valence")):
        rm, rs = float(ref_means[:, d].mean()), float(ref_means[:, d].std())
        k = target[dim]["std"] / rs                      # spread of typical music -> spread of song means
        population_neutral = rm - target[dim]["mean"] / k  # logit that maps to the target mean
        y = train_y[:, d] > 0
        acc_at = lambda c: float(np.mean((oof[:, d] > c) == y))  # noqa: E731
        base = acc_at(0.0)
        neutral = 0.0
        for c in np.linspace(0.0, population_neutral, 41)[1:]:
            if acc_at(c) >= base - 0.01:
                neutral = float(c)
            else:
                break
        scale.append(k)
        offset.append(-k * neutral)
        calibration[dim] = {
            "referenceLogitMean": rm, "referenceLogitStd": rs,
            "targetSongMean": target[dim]["mean"], "targetSongStd": target[dim]["std"], "targetSongs": target[dim]["songs"],
            "populationNeutralLogit": population_neutral, "chosenNeutralLogit": neutral,
            "outOfFoldTrainSignAccuracyAtZero": base, "outOfFoldTrainSignAccuracyAtNeutral": acc_at(neutral),
        }
        print(f"{dim}: scale {k:.4f}, neutral logit {neutral:.3f} (population {population_neutral:.3f}); "
              f"OOF train sign acc {base:.3f} -> {acc_at(neutral):.3f}", flush=True)

    def mapped(raw):
        return np.clip(np.array(offset) + np.array(scale) * raw, -1, 1)

    # Smoothing: human annotations move slowly (mean within-song std of the 744 songs' labels); shrink each second's
    # deviation from its local mean so the reference population's within-clip spread matches that.
    deviation_scale = [1.0, 1.0]
    half = args.smoothing_half_window
    if half >= 0:
        ref_seconds = [mapped(predict_seconds(model, get(("reference", r["id"])), recipe, wf, r["seconds"])) for r in ref]
        for d, dim in enumerate(("arousal", "valence")):
            before = float(np.mean([v[:, d].std() for v in ref_seconds]))
            deviation_scale[d] = choose_smoothing([v[:, d] for v in ref_seconds], half, target[dim]["withinSongStd"])
            calibration[dim]["referenceWithinClipStd"] = before
            calibration[dim]["targetWithinSongStd"] = target[dim]["withinSongStd"]
            calibration[dim]["smoothingDeviationScale"] = deviation_scale[d]
            print(f"{dim}: within-clip std {before:.3f} -> target {target[dim]['withinSongStd']:.3f}: deviation scale {deviation_scale[d]:.3f}", flush=True)

    def calibrated(raw):
        values = mapped(raw)
        if half < 0:
            return values
        return np.stack([smooth(values[:, d], half, deviation_scale[d]) for d in range(2)], axis=1)

    # ------------------------------------------------------------------ metrics (same protocol as `mer eval model`)
    metrics = {}
    if val:
        pred = np.array([calibrated(predict_seconds(model, get(("4q", r["id"])), recipe, wf, r["seconds"])).mean(0) for r in val])
        true_q = np.array([int(r["quadrant"][1]) - 1 for r in val])
        pred_q = quadrant_of(pred[:, 0], pred[:, 1])
        true_a = np.array([int(r["arousal_sign"]) > 0 for r in val])
        true_v = np.array([int(r["valence_sign"]) > 0 for r in val])
        confusion = [[int(np.sum((true_q == i) & (pred_q == j))) for j in range(4)] for i in range(4)]
        metrics["fourQuadrant"] = {
            "split": "val", "n": len(val), "accuracy": float(np.mean(true_q == pred_q)), "macroF1": macro_f1(true_q, pred_q),
            "arousalSignAccuracy": float(np.mean((pred[:, 0] >= 0) == true_a)),
            "valenceSignAccuracy": float(np.mean((pred[:, 1] >= 0) == true_v)), "confusion": confusion}
    if dyn:
        pa, la, pv, lv = [], [], [], []
        for r in dyn:
            per_second = calibrated(predict_seconds(model, get(("dynamic", r["id"])), recipe, wf, r["seconds"]))
            for t, a, v in labels.get(r["id"], []):
                s = int(math.floor(t))
                if s >= len(per_second):
                    continue
                if not math.isnan(a):
                    pa.append(per_second[s, 0]); la.append(a)
                if not math.isnan(v):
                    pv.append(per_second[s, 1]); lv.append(v)
        pa, la, pv, lv = map(np.array, (pa, la, pv, lv))
        metrics["perSecond"] = {
            "clips": len(dyn), "n": int(len(la)),
            "arousal": {"rmse": float(np.sqrt(np.mean((pa - la) ** 2))), "mae": float(np.mean(np.abs(pa - la))), "pearson": pearson(pa, la)},
            "valence": {"rmse": float(np.sqrt(np.mean((pv - lv) ** 2))), "mae": float(np.mean(np.abs(pv - lv))), "pearson": pearson(pv, lv)},
            "baselineMean": {"arousal": {"rmse": float(np.sqrt(np.mean((la - la.mean()) ** 2)))},
                             "valence": {"rmse": float(np.sqrt(np.mean((lv - lv.mean()) ** 2)))}}}
    print(json.dumps(metrics, indent=1), flush=True)
    print(f"total {time.time() - t0:.0f}s", flush=True)
    if args.metrics_only:
        return

    # ------------------------------------------------------------------ export
    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, "emotion-model.onnx")
    tmp = onnx_path + ".tmp"
    example = torch.tensor(np.stack(second_windows(train_x[0], recipe, wf, train[0]["seconds"])[:2]))
    torch.onnx.export(model, example, tmp, input_names=["features"], output_names=["arousal_valence"],
                      dynamic_axes={"features": {0: "batch", 1: "frames"}, "arousal_valence": {0: "batch"}},
                      opset_version=17, do_constant_folding=True)
    import onnx  # noqa: E402  (python3-onnx)
    onnx.checker.check_model(onnx.load(tmp))
    os.replace(tmp, onnx_path)
    card = {
        "formatVersion": 1,
        "name": args.name,
        "version": args.version,
        "description": "Per-second arousal and valence from a window-statistics MLP ensemble over log-mel and music "
                       "descriptors, trained on 4Q clip quadrants and calibrated to the emoMusic per-second scale.",
        "features": recipe,
        "window": {"seconds": args.window, "hopSeconds": 1.0, "batchSize": 64},
        "input": {"name": "features", "layout": "batch,frames,features"},
        "output": {"names": ["arousal_valence"], "order": ["arousal", "valence"],
                   "mapping": {"kind": "affine", "scale": scale, "offset": offset},
                   "smoothing": None if half < 0 else {"halfWindowSeconds": half, "deviationScale": deviation_scale}},
        "training": {
            "architecture": f"{args.kind}: standardise (train-set mean/std per column) -> per-column mean, std and mean |diff| over "
                            f"the window -> BatchNorm -> Linear(3F,64) -> ReLU -> Linear(64,2); {len(seeds)} seeds averaged",
            "data": {"fourQuadrant": {"split": "train", "clips": len(train), "labels": "quadrant -> arousal/valence sign"},
                     "calibrationReference": {"clips": len(ref), "labels": "none (audio only)"},
                     "labelStatistics": target},
            "epochs": args.epochs, "seeds": seeds, "windowSeconds": args.window, "folds": FOLDS,
            "calibration": calibration,
            "command": "see training/README.md",
            "trainingSeconds": round(time.time() - t0, 1),
            "metricsComputedBy": "training/train.py on the exported features with the shipped window rule; `mer eval model` reproduces them",
        },
        "metrics": metrics,
    }
    card_path = os.path.join(args.out, "emotion-model.card.json")
    with open(card_path + ".tmp", "w") as f:
        json.dump(card, f, indent=2)
    os.replace(card_path + ".tmp", card_path)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1024:.0f} KiB) and {card_path}", flush=True)


if __name__ == "__main__":
    main()
