"""Joint training on every training set at once.

Sets with clip quadrants ("sign" sets: 4Q, EMOPIA) supervise the sign of each window's output with a logistic
loss (one learnable temperature per set and dimension, so the decision boundary stays at 0 for all of them); sets with
per-second labels ("regression" sets: VGMIDI) supervise the value itself (squared error against the label of the
second that holds the window's centre). Each batch draws a fixed share of windows from every set; within a set,
clips are drawn uniformly, then one of the clip's views (base audio or an augmented copy), then a window.
"""
import dataclasses
import math

import numpy as np
import torch
import torch.nn as nn

from .model import Head
from .windows import StatsComputer, training_starts, window_label_seconds, second_starts, frame_rate


@dataclasses.dataclass
class Config:
    window_seconds: float = 10.0
    scales_seconds: tuple = ()            # extra centred scales (seconds), besides the full window
    hidden: int = 64
    steps: int = 3000
    batch: int = 256
    lr: float = 2e-3
    weight_decay: float = 1e-3
    regression_weight: float = 10.0
    set_shares: tuple = (("4q", 0.4), ("emopia", 0.3), ("vgmidi", 0.3))
    stride_frames: int = 11
    augmentations: tuple = ()             # which augmented views to train on ("gain", "mp3", ...); () = base audio only
    dropout_in: float = 0.2
    dropout_hidden: float = 0.3
    key_features: bool = False           # key-profile correlations and key-rotated chroma (model.KeyFeatures)
    regression_affine: bool = False      # regression labels = scale·u + offset (learned per dimension), not u itself
    regression_offset: bool = True       # with regression_affine: learn the offset too (False: keep it fixed at
                                         # regression_offset_value, so the sign sets' neutral point u = 0 maps to that label)
    regression_offset_value: float = 0.0  # the fixed offset (label units, both dimensions) when regression_offset is False
    calibration_spread: str = "songs"    # the calibration's spread target: "songs" (σ of the emoMusic song means) or
                                         # "correlation" (ρ·σ, ρ from 4Q train's out-of-fold sign accuracy; emotrain.calibration)
    mixup: float = 0.0                   # > 0: mix each set's windows pairwise, weights ~ Beta(mixup, mixup), targets alike
    bag_windows: int = 0                 # sign sets: > 0 draws bags of this many windows of one clip and also supervises
                                         # the bag's mean output (multiple-instance: the clip's label is about the clip)
    bag_weight: float = 0.5              # with bags: the bag loss's share of the sign loss (the rest stays per window)
    mood_targets: str = "soft"           # mood sets (MIREX): "soft" = the tag's P(sign > 0) from 4Q train (emotrain.moods), "hard" = its side
    mood_clear_margin: float = 0.15      # mood sets: a tag whose P lies within this of 0.5 leaves that dimension unsupervised
    mood_prior_clips: float = 5.0        # mood sets: how many 4Q clips' worth the cluster's share counts in a tag's P
    mood_dimensions: str = "arousal,valence"  # mood sets: which dimensions the tag targets supervise
    tag_head: int = 0                    # > 0: also predict the clip's K most frequent 4Q mood tags (multi-label; not exported)
    tag_weight: float = 0.5              # with tag_head: weight of the tags' cross-entropy
    cluster_head: bool = False           # mood sets: also predict the MIREX cluster (5 extra outputs, not exported)
    cluster_weight: float = 0.5          # with cluster_head: weight of the cluster cross-entropy
    note_features: tuple = ()            # note-feature kinds ("notes", "harmony", "melody") or single columns
                                         # ("harmony.key_strength") appended to every frame; the exports need
                                         # `mer dataset notes` first (docs/notes.md); () = none, as before


def parse_config(pairs, cfg=None):
    """Config from key=value strings (tuples comma-separated; set_shares as name:share,...), applied over `cfg`."""
    cfg = cfg or Config()
    fields = {f.name: f for f in dataclasses.fields(Config)}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in fields:
            raise SystemExit(f"unknown config field '{key}' (fields: {', '.join(fields)})")
        current = getattr(cfg, key)
        if key == "set_shares":
            parsed = tuple((n, float(s)) for n, s in (item.split(":") for item in value.split(",") if item))
        elif isinstance(current, tuple):
            items = [v for v in value.split(",") if v]
            parsed = tuple(float(v) for v in items) if key == "scales_seconds" else tuple(items)
        elif isinstance(current, bool):
            parsed = value.lower() in ("1", "true", "yes")
        else:
            parsed = type(current)(value)
        cfg = dataclasses.replace(cfg, **{key: parsed})
    return cfg



def scales_frames(cfg, recipe):
    fps = frame_rate(recipe)
    full = max(1, int(round(cfg.window_seconds * fps)))
    return [full] + [max(2, int(round(s * fps))) for s in cfg.scales_seconds if int(round(s * fps)) < full]


class WindowBank:
    """Precomputed training-window statistics and targets of every view of every clip of one set."""

    def __init__(self, clips, kind, cfg, recipe, computer, cache):
        self.kind = kind
        self.scales = len(computer.scales)
        self.note_width = next((v.note_width for c in clips for v in c.views), 0)
        fps = frame_rate(recipe)
        full = computer.scales[0]
        stats, targets = [], []
        self.clip_views = []            # per clip: list of (first window, count)
        self.clips = []
        self.tags = tag_vocabulary(clips, cfg.tag_head) if kind == "sign" and cfg.tag_head > 0 else []
        n = 0
        for clip in clips:
            views = []
            for view in clip.views:
                if view.augmentation and view.augmentation not in cfg.augmentations:
                    continue
                key = ("train", view.features_path, tuple(computer.scales), cfg.stride_frames)
                if kind == "mood" and key in cache:
                    s, _ = cache[key]
                    cache[key] = (s, mood_window_targets(clip, len(s)))
                if key not in cache:
                    m = view.features()
                    starts, length = training_starts(len(m), full, cfg.stride_frames)
                    s = computer.compute(m, starts, length)
                    if kind == "sign":
                        t = np.tile(np.array([[clip.signs[0] > 0, clip.signs[1] > 0]], dtype=np.float32), (len(s), 1))
                    elif kind == "mood":
                        t = mood_window_targets(clip, len(s))
                    else:
                        sec = window_label_seconds(starts, length, fps)
                        t = np.full((len(s), 2), np.nan, dtype=np.float32)
                        ok = sec < len(view.labels)
                        t[ok] = view.labels[sec[ok]]
                        keep = ~np.all(np.isnan(t), axis=1)
                        s, t = s[keep], t[keep]
                    cache[key] = (s, t)
                    view.release()
                s, t = cache[key]
                if len(s) == 0:
                    continue
                if self.tags:
                    hot = np.array([[t_ in {m.strip().lower() for m in clip.moods} for t_ in self.tags]], dtype=np.float32)
                    t = np.concatenate([t, np.tile(hot, (len(t), 1))], axis=1)
                views.append((n, len(s)))
                stats.append(s)
                targets.append(t)
                n += len(s)
            if views:
                self.clip_views.append(views)
                self.clips.append(clip)
        self.stats = torch.tensor(np.concatenate(stats))
        self.targets = torch.tensor(np.concatenate(targets))
        flat = [v for views in self.clip_views for v in views]
        self.view_first = np.array([v[0] for v in flat])
        self.view_count = np.array([v[1] for v in flat])
        self.clip_view_n = np.array([len(views) for views in self.clip_views])
        self.clip_view_start = np.concatenate([[0], np.cumsum(self.clip_view_n)[:-1]])

    def sample_bags(self, rng, count, bag):
        """count // bag clips, `bag` windows each (each from a view of that clip drawn at random), clip by clip."""
        clips = max(1, count // bag)
        c = np.repeat(rng.integers(0, len(self.clip_views), clips), bag)
        v = self.clip_view_start[c] + (rng.random(len(c)) * self.clip_view_n[c]).astype(np.int64)
        idx = self.view_first[v] + (rng.random(len(c)) * self.view_count[v]).astype(np.int64)
        idx = torch.from_numpy(idx)
        return self.stats[idx], self.targets[idx]

    def sample(self, rng, count):
        c = rng.integers(0, len(self.clip_views), count)
        v = self.clip_view_start[c] + (rng.random(count) * self.clip_view_n[c]).astype(np.int64)
        idx = self.view_first[v] + (rng.random(count) * self.view_count[v]).astype(np.int64)
        idx = torch.from_numpy(idx)
        return self.stats[idx], self.targets[idx]


def tag_vocabulary(clips, k):
    """The k mood tags most often found on `clips` (lower case), most frequent first."""
    from collections import Counter
    counts = Counter(m.strip().lower() for c in clips for m in c.moods)
    return [t for t, _ in counts.most_common(k)] if counts else []


def mood_window_targets(clip, count):
    """[count, 3]: the clip's (P(arousal > 0), P(valence > 0), cluster index) for each of its windows."""
    from .moods import cluster_index
    row = np.array([[clip.targets[0], clip.targets[1], cluster_index(clip)]], dtype=np.float32)
    return np.tile(row, (count, 1))


def train(banks, cfg, width, seed):
    """banks: {set name: WindowBank}. Returns the trained head (eval mode)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    head = Head(width, cfg.hidden, cfg.dropout_in, cfg.dropout_hidden, chroma_offset=cfg_chroma_offset(cfg, width, next(iter(banks.values())).scales,
                                                                                                 next(iter(banks.values())).note_width),
                outputs=2 + (5 if cfg.cluster_head else 0) + max((len(b.tags) for b in banks.values()), default=0))
    tag_start = 2 + (5 if cfg.cluster_head else 0)
    shares = {name: share for name, share in cfg.set_shares if name in banks}
    total = sum(shares.values())
    counts = {name: max(1, int(round(cfg.batch * share / total))) for name, share in shares.items()}
    sign_sets = [name for name in counts if banks[name].kind in ("sign", "mood")]
    log_temperature = nn.Parameter(torch.full((len(sign_sets), 2), math.log(4.0)))
    reg_scale = nn.Parameter(torch.ones(2))
    reg_offset = nn.Parameter(torch.zeros(2) if cfg.regression_offset else torch.full((2,), cfg.regression_offset_value))
    extra = [log_temperature] + ([reg_scale] if cfg.regression_affine else []) \
        + ([reg_offset] if cfg.regression_affine and cfg.regression_offset else [])
    opt = torch.optim.AdamW([{"params": list(head.parameters())}, {"params": extra, "weight_decay": 0.0}],
                            lr=cfg.lr, weight_decay=cfg.weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=cfg.steps)
    head.train()
    for _ in range(cfg.steps):
        xs, parts = [], []
        for name, k in counts.items():
            bagged = cfg.bag_windows > 0 and banks[name].kind == "sign"
            x, y = banks[name].sample_bags(rng, k, cfg.bag_windows) if bagged else banks[name].sample(rng, k)
            if cfg.mixup > 0 and not bagged:
                lam = torch.from_numpy(rng.beta(cfg.mixup, cfg.mixup, (len(x), 1)).astype(np.float32))
                perm = torch.from_numpy(rng.permutation(len(x)))
                x, y = lam * x + (1 - lam) * x[perm], lam * y + (1 - lam) * y[perm]
            xs.append(x)
            parts.append((name, len(x), y))
        out = head(torch.cat(xs))
        loss = 0.0
        offset = 0
        for name, k, y in parts:
            u = out[offset:offset + k]
            offset += k
            if banks[name].kind == "mood":
                temp = log_temperature[sign_sets.index(name)].exp()
                p = y[:, :2]
                mask = ~torch.isnan(p)
                if mask.any():
                    bce = nn.functional.binary_cross_entropy_with_logits(u[:, :2] * temp, torch.nan_to_num(p), reduction="none")
                    loss = loss + shares[name] / total * (bce[mask].mean())
                if cfg.cluster_head:
                    labels = y[:, 2].long()
                    ok = labels >= 0
                    if ok.any():
                        loss = loss + shares[name] / total * cfg.cluster_weight * nn.functional.cross_entropy(u[ok, 2:7], labels[ok])
            elif banks[name].kind == "sign":
                temp = log_temperature[sign_sets.index(name)].exp()
                window_loss = nn.functional.binary_cross_entropy_with_logits(u[:, :2] * temp, y[:, :2])
                if banks[name].tags:
                    k = len(banks[name].tags)
                    loss = loss + shares[name] / total * cfg.tag_weight * nn.functional.binary_cross_entropy_with_logits(
                        u[:, tag_start:tag_start + k], y[:, 2:2 + k])
                if cfg.bag_windows > 0:
                    bag = cfg.bag_windows
                    bag_loss = nn.functional.binary_cross_entropy_with_logits(u[:, :2].reshape(-1, bag, 2).mean(1) * temp, y[:, :2].reshape(-1, bag, 2)[:, 0])
                    window_loss = (1 - cfg.bag_weight) * window_loss + cfg.bag_weight * bag_loss
                loss = loss + shares[name] / total * window_loss
            else:
                mask = ~torch.isnan(y)
                u = u[:, :2]
                pred = u * reg_scale + reg_offset if cfg.regression_affine else u
                loss = loss + shares[name] / total * cfg.regression_weight * ((pred[mask] - y[mask]) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    head.eval()
    # How this head's output maps to the regression labels' scale (identity unless learned).
    head.label_map = (reg_scale.detach().numpy().copy(), reg_offset.detach().numpy().copy()) if cfg.regression_affine \
        else (np.ones(2, dtype=np.float32), np.zeros(2, dtype=np.float32))
    return head


CHROMA_COLUMNS = 12


def cfg_chroma_offset(cfg, width, scales, note_width=0):
    """Where the full window's mean chroma sits in the statistics: the recipe's last 12 columns (descriptors end with
    chroma), before any note-feature columns appended after them."""
    if not cfg.key_features:
        return None
    return width // (3 * scales) - note_width - CHROMA_COLUMNS


def per_second_stats(view, computer, recipe, cache):
    """Statistics of every second's window of a view (the library's window rule)."""
    key = ("seconds", view.features_path, tuple(computer.scales))
    if key not in cache:
        m = view.features()
        starts, length = second_starts(len(m), computer.scales[0], frame_rate(recipe), view.seconds)
        cache[key] = computer.compute(m, starts, length)
        view.release()
    return cache[key]


def predict(heads, stats, label_scale=False):
    """Mean output of the heads for precomputed statistics [N, D] -> [N, 2] numpy (on the regression labels' scale if asked)."""
    with torch.no_grad():
        x = torch.tensor(stats)
        outs = []
        for h in heads:
            u = h(x)[:, :2].numpy()
            if label_scale:
                u = u * h.label_map[0] + h.label_map[1]
            outs.append(u)
        return np.mean(outs, axis=0)


def make_computer(cfg, recipe):
    return StatsComputer(scales_frames(cfg, recipe))
