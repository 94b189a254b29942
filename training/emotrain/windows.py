"""Windows and their statistics, with exactly the rules of the library and of the exported ONNX graph.

SecondWindows.cs: value i (second [i, i+1)) is predicted from the W frames starting at
floor((i + 0.5)·fps − W/2 + 0.5), shifted inside the audio; audio of at most W frames uses all its frames.

The graph summarises a window of T frames (T = W, or fewer for short audio) at each of its scales w (frames): the
centred sub-window of min(w, T) frames starting at (T − min(w, T)) // 2, per column its mean, standard deviation
(sqrt(mean square deviation + 1e-6)) and mean absolute frame-to-frame change. Training precomputes the same
statistics for many windows at once with cumulative sums (float64), which is what makes training fast.
"""
import math

import numpy as np

STD_EPS = 1e-6


def frame_rate(recipe):
    s = recipe["settings"]
    return s["sampleRate"] / s["hopLength"]


def frames_for(recipe, seconds):
    return max(1, int(round(seconds * frame_rate(recipe))))


def second_starts(total_frames, window_frames, fps, seconds):
    """(starts, length) of every second's window (the library's rule)."""
    if total_frames <= window_frames:
        return np.zeros(seconds, dtype=np.int64), total_frames
    i = np.arange(seconds)
    starts = np.floor((i + 0.5) * fps - window_frames / 2.0 + 0.5).astype(np.int64)
    return np.clip(starts, 0, total_frames - window_frames), window_frames


def training_starts(total_frames, window_frames, stride):
    """Window starts for training: every `stride` frames inside the audio, plus the last full window."""
    if total_frames <= window_frames:
        return np.zeros(1, dtype=np.int64), total_frames
    starts = np.arange(0, total_frames - window_frames + 1, stride, dtype=np.int64)
    if starts[-1] != total_frames - window_frames:
        starts = np.append(starts, total_frames - window_frames)
    return starts, window_frames


class StatsComputer:
    """Window statistics of one feature matrix at several scales."""

    def __init__(self, scales_frames):
        self.scales = list(scales_frames)       # first = the full window

    def width(self, features):
        return 3 * features * len(self.scales)

    def compute(self, m, starts, length):
        """m: [T, F]; windows [start, start + length); returns [len(starts), 3·F·scales] float32."""
        x = m.astype(np.float64)
        zero = np.zeros((1, x.shape[1]))
        c1 = np.concatenate([zero, np.cumsum(x, axis=0)])
        c2 = np.concatenate([zero, np.cumsum(x * x, axis=0)])
        d = np.abs(np.diff(x, axis=0))
        cd = np.concatenate([zero, np.cumsum(d, axis=0)])
        parts = []
        for w in self.scales:
            n = min(w, length)
            a = starts + (length - n) // 2
            b = a + n
            mean = (c1[b] - c1[a]) / n
            var = np.maximum((c2[b] - c2[a]) / n - mean * mean, 0.0)
            std = np.sqrt(var + STD_EPS)
            if n > 1:
                diff = (cd[b - 1] - cd[a]) / (n - 1)
            else:
                diff = np.zeros_like(mean)
            parts += [mean, std, diff]
        return np.concatenate(parts, axis=1).astype(np.float32)


def window_label_seconds(starts, length, fps):
    """The second each training window stands for: the one holding its centre."""
    centre = (starts + (length - 1) / 2.0) / fps
    return np.floor(centre).astype(np.int64)


def clip_seconds_check(view, recipe, total_frames):
    """Sanity check between the export's sample count and its frame count (centred frames: 1 + samples // hop)."""
    hop = recipe["settings"]["hopLength"]
    expected = 1 + view.samples // hop
    if abs(expected - total_frames) > 1:
        raise SystemExit(f"{view.features_path}: {total_frames} frames for {view.samples} samples (expected {expected})")
    return math.ceil(view.samples / recipe["settings"]["sampleRate"])
