"""The network: window statistics at one or more centred scales -> a small MLP -> arousal and valence.

Training runs the MLP on precomputed statistics (windows.StatsComputer); the exported ONNX graph computes the same
statistics from the raw feature frames ([batch, frames, features]) and averages the ensemble's members.
"""
import torch
import torch.nn as nn

from .windows import STD_EPS


class WindowStatistics(nn.Module):
    """[B, T, F] -> [B, 3·F·scales]: per scale w, the centred min(w, T) frames' mean, std and mean |first difference|."""

    def __init__(self, scales_frames):
        super().__init__()
        self.scales = list(scales_frames)

    def forward(self, x):
        total = torch._shape_as_tensor(x)[1]       # a tensor in eager mode and in the traced graph alike
        parts = []
        for w in self.scales:
            if w >= self.scales[0]:
                sub = x                              # the full window: every frame the input holds
            else:
                n = torch.minimum(total, torch.tensor(w))
                start = torch.div(total - n, 2, rounding_mode="floor")
                sub = x.index_select(1, torch.arange(n) + start)
            mean = sub.mean(dim=1)
            centred = sub - mean.unsqueeze(1)
            std = torch.sqrt((centred * centred).mean(dim=1) + STD_EPS)
            diff = (sub[:, 1:] - sub[:, :-1]).abs().mean(dim=1)
            parts += [mean, std, diff]
        return torch.cat(parts, dim=1)


# Krumhansl & Kessler (1982) key profiles, major and minor, tonic first.
MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]


class KeyFeatures(nn.Module):
    """
    Key-invariant harmony from the window's mean chroma (12 columns of the statistics' mean part): its correlation
    with the best-matching major and minor key profiles, and the mean chroma rotated so the best major key's tonic
    comes first (a minor piece then shows its weight on degree 9, its relative major's sixth). [B, D] -> [B, 14].
    """

    def __init__(self, chroma_offset):
        super().__init__()
        self.chroma_offset = chroma_offset
        profiles = []
        for base in (MAJOR_PROFILE, MINOR_PROFILE):
            for k in range(12):
                profiles.append([base[(i - k) % 12] for i in range(12)])
        p = torch.tensor(profiles)
        p = (p - p.mean(dim=1, keepdim=True)) / p.std(dim=1, unbiased=False, keepdim=True)
        self.register_buffer("profiles", p)                                                   # [24, 12]
        self.register_buffer("rotations", torch.tensor([[(i + k) % 12 for i in range(12)] for k in range(12)]))

    def forward(self, stats):
        c = stats[:, self.chroma_offset:self.chroma_offset + 12]
        centred = c - c.mean(dim=1, keepdim=True)
        z = centred / torch.sqrt((centred * centred).mean(dim=1, keepdim=True) + 1e-6)
        corr = z @ self.profiles.t() / 12.0                                                   # [B, 24]
        best_major = corr[:, :12].max(dim=1)
        best_minor = corr[:, 12:].max(dim=1).values
        rotated = torch.gather(c, 1, self.rotations[best_major.indices])
        return torch.cat([best_major.values.unsqueeze(1), best_minor.unsqueeze(1), rotated], dim=1)


class Head(nn.Module):
    """Optional key features, then BatchNorm -> Dropout -> Linear -> ReLU -> Dropout -> Linear(outputs): arousal and
    valence first (on the label scale), then any auxiliary outputs used only in training (the MIREX cluster logits)."""

    def __init__(self, width, hidden=64, dropout_in=0.2, dropout_hidden=0.3, chroma_offset=None, outputs=2):
        super().__init__()
        self.key = KeyFeatures(chroma_offset) if chroma_offset is not None else None
        extra = 14 if self.key is not None else 0
        self.net = nn.Sequential(nn.BatchNorm1d(width + extra), nn.Dropout(dropout_in), nn.Linear(width + extra, hidden), nn.ReLU(),
                                 nn.Dropout(dropout_hidden), nn.Linear(hidden, outputs))

    def forward(self, stats):
        if self.key is not None:
            stats = torch.cat([stats, self.key(stats)], dim=1)
        return self.net(stats)


class Ensemble(nn.Module):
    """What ships: the statistics once, every member's head, the mean of their outputs. [B, T, F] -> [B, 2]."""

    def __init__(self, scales_frames, heads):
        super().__init__()
        self.stats = WindowStatistics(scales_frames)
        self.heads = nn.ModuleList(heads)

    def forward(self, features):
        s = self.stats(features)
        return torch.stack([h(s)[:, :2] for h in self.heads], dim=0).mean(dim=0)
