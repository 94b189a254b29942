"""Reads what `mer dataset export` wrote: the clips of every set, their labels and their feature matrices.

Sets are named in the export (`--4q emopia=...`). A set named `<base>@<augmentation>` holds augmented copies of the
clips of `<base>` (training/augment.py): they share the base clip's id, split, group and labels, and training uses
them as further views of that clip, never as separate clips (so a cross-validation fold holds out all of a clip's
views together).

Note features (`mer dataset notes`, docs/notes.md): with `note_features` (kind names "notes", "harmony", "melody" or
single columns such as "harmony.key_strength"), every view's matrix gets those columns appended after the recipe's:
`notes/<set>/<id>.npy` holds one row per started second, and every frame takes the row of the second that holds its
centre (the rule of the library's note feature kinds, so a model trained so reads the same columns at inference).
"""
import csv
import json
import math
import os

import numpy as np


class Clip:
    """One clip of one set: labels, grouping and its views (the base audio, then augmented copies)."""

    def __init__(self, set_name, clip_id, split, group, quadrant, arousal_sign, valence_sign, cluster="", moods=()):
        self.set = set_name
        self.id = clip_id
        self.split = split
        self.group = group or clip_id
        self.quadrant = quadrant
        self.signs = (arousal_sign, valence_sign)
        self.cluster = cluster   # MIREX mood cluster ("C1".."C5") of mood sets, "" otherwise
        self.moods = tuple(moods)  # mood tags (4Q: the clip's AllMusic moods; MIREX: the tag it was chosen for)
        self.targets = None      # mood sets: (P(arousal > 0), P(valence > 0)) from the tag, NaN where unclear (emotrain.moods)
        self.views = []          # [View], views[0] = the base audio

    @property
    def key(self):
        return f"{self.set}/{self.id}"

    @property
    def base(self):
        return self.views[0]


class View:
    """One rendering of a clip's audio: its exported features and, for continuously labelled clips, per-second labels."""

    def __init__(self, augmentation, features_path, samples, sample_rate, notes=None):
        self.augmentation = augmentation
        self.notes = notes            # NoteColumns to append, or None
        self.features_path = features_path
        self.samples = samples
        self.seconds = (samples + sample_rate - 1) // sample_rate     # every started second (SecondWindows.SecondCount)
        self.labels = None                                            # [seconds, 2] (NaN = not annotated) or None
        self.points = None                                            # [(time, arousal, valence)] as annotated
        self._features = None

    @property
    def note_width(self):
        return len(self.notes.indices) if self.notes else 0

    def features(self):
        if self._features is None:
            m = np.load(self.features_path).astype(np.float32)
            if self.notes:
                m = np.concatenate([m, self.notes.frames(self.features_path, len(m))], axis=1)
            self._features = m
        return self._features

    def release(self):
        self._features = None


def _per_second_labels(points, seconds):
    """Mean label of every second from (time, arousal, valence) points: a point at t counts for second floor(t)."""
    sums = np.zeros((seconds, 2))
    counts = np.zeros((seconds, 2))
    for t, a, v in points:
        s = int(math.floor(t))
        if 0 <= s < seconds:
            for d, value in enumerate((a, v)):
                if not math.isnan(value):
                    sums[s, d] += value
                    counts[s, d] += 1
    with np.errstate(invalid="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


NOTE_KINDS = ("notes", "harmony", "melody")


class NoteColumns:
    """The note-feature columns chosen from one export's notes/columns.json, and how to align them with frames."""

    def __init__(self, folder, recipe, wanted):
        path = os.path.join(folder, "notes", "columns.json")
        if not os.path.exists(path):
            raise SystemExit(f"{folder}: no note features (notes/columns.json); run `mer dataset notes` on this export "
                             "with the dataset folders it was made from (docs/notes.md)")
        with open(path) as f:
            columns = json.load(f)["columns"]
        self.names = []
        for item in wanted:
            chosen = [c for c in columns if c.split(".")[0] == item] if item in NOTE_KINDS else [c for c in columns if c == item]
            if not chosen:
                raise SystemExit(f"{folder}: note feature '{item}' is not in notes/columns.json (kinds {', '.join(NOTE_KINDS)} "
                                 f"or columns {', '.join(columns)})")
            self.names += [c for c in chosen if c not in self.names]
        self.indices = [columns.index(c) for c in self.names]
        self.folder = os.path.abspath(folder)
        s = recipe["settings"]
        self.hop, self.sr = s["hopLength"], s["sampleRate"]
        self.centre_offset = 0 if s.get("center", True) else s["fftSize"] / 2

    def path_for(self, features_path):
        rel = os.path.relpath(os.path.abspath(features_path), self.folder)
        parts = rel.split(os.sep)
        if parts[0] != "features":
            raise SystemExit(f"{features_path}: not under {self.folder}/features")
        return os.path.join(self.folder, "notes", *parts[1:])

    def frames(self, features_path, count):
        """[count, columns]: each frame gets the row of the second holding its centre (clipped to the rows there are)."""
        path = self.path_for(features_path)
        if not os.path.exists(path):
            raise SystemExit(f"{path} is missing: run (or resume) `mer dataset notes` on {self.folder}")
        rows = np.load(path).astype(np.float32)[:, self.indices]
        if len(rows) == 0:
            return np.zeros((count, len(self.indices)), dtype=np.float32)
        second = np.floor((np.arange(count) * self.hop + self.centre_offset) / self.sr).astype(np.int64)
        return rows[np.clip(second, 0, len(rows) - 1)]


def load_exports(folders, note_features=()):
    """Reads one or more export folders; returns (clips by base set name, recipe). Recipes must agree.

    With `note_features`, every view's features get those note columns appended (see the module's notes); when they
    are whole kinds, the returned recipe names them after its own kinds (so a card made from it asks the library for
    the same columns), otherwise it gets "noteColumns" and cannot describe a shippable model.
    """
    recipe = None
    clips = {}
    note_features = tuple(note_features or ())
    for folder in folders:
        with open(os.path.join(folder, "recipe.json")) as f:
            r = json.load(f)
        if recipe is not None and r != recipe:
            raise SystemExit(f"{folder}: its feature recipe differs from the first export's; export every set with one recipe")
        recipe = r
        notes = NoteColumns(folder, r, note_features) if note_features else None
        sr = r["settings"]["sampleRate"]
        points = {}
        path = os.path.join(folder, "dynamic_labels.csv")
        if os.path.exists(path):
            with open(path, newline="") as f:
                for row in csv.DictReader(f):
                    a = float(row["arousal"]) if row["arousal"] else math.nan
                    v = float(row["valence"]) if row["valence"] else math.nan
                    points.setdefault((row["set"], row["id"]), []).append((float(row["time"]), a, v))
        with open(os.path.join(folder, "index.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        # Base sets first, so augmented views find their clip.
        rows.sort(key=lambda row: "@" in row["set"])
        for row in rows:
            base_set, _, augmentation = row["set"].partition("@")
            view = View(augmentation, os.path.join(folder, row["features"]), int(row["samples"]), sr, notes)
            if (row["set"], row["id"]) in points:
                view.points = points[(row["set"], row["id"])]
                view.labels = _per_second_labels(view.points, view.seconds)
            by_id = clips.setdefault(base_set, {})
            if not augmentation:
                if row["id"] in by_id:
                    raise SystemExit(f"{folder}: {base_set}/{row['id']} is exported twice")
                clip = Clip(base_set, row["id"], row["split"], row.get("artist", ""), row["quadrant"],
                            int(row["arousal_sign"]), int(row["valence_sign"]), row.get("cluster", "") or "",
                            [t for t in (row.get("moods", "") or "").split(";") if t.strip()])
                by_id[row["id"]] = clip
            elif row["id"] not in by_id:
                continue     # an augmented copy of a clip that is not in the base export
            by_id[row["id"]].views.append(view)
    if note_features and recipe is not None:
        recipe = dict(recipe)
        if all(item in NOTE_KINDS for item in note_features):
            recipe["kinds"] = list(recipe["kinds"]) + [k for k in NOTE_KINDS if k in note_features]
        else:
            recipe["noteColumns"] = notes.names
    return {name: list(by_id.values()) for name, by_id in clips.items()}, recipe


def label_statistics(annotations_folder):
    """Mean and spread of per-song mean arousal/valence (and mean within-song std) over an emoMusic/DEAM-style folder."""
    stats = {}
    for dim in ("arousal", "valence"):
        means, within = [], []
        with open(os.path.join(annotations_folder, f"{dim}_cont_average.csv"), newline="") as f:
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
