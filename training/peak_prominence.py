#!/usr/bin/env python3
"""How prominent the local maxima of the shipped model's arousal curves are: the figures behind the default
SummaryOptions.MinimumPeakProminence (docs/model.md, "Arousal peaks").

  python3 training/peak_prominence.py select ../shared/data /tmp/peaks      # 8 4Q train clips per quadrant, 4 Emotify per genre
  ./mer analyze /tmp/peaks --out /tmp/peaks.jsonl --jobs 1
  python3 training/peak_prominence.py histogram /tmp/peaks.jsonl

The prominence is computed as ArousalPeakFinder.Prominence (Inference) does, mirrored here: each side of a local
maximum is searched outward to the nearest higher second or the end of its run of music, its base the lowest second
passed; the reference is the higher base of the sides that met a higher second, or the run's lowest second when none
did. Only train clips are read (never 4Q's val split)."""
import collections, csv, json, os, sys


def select(data, out):
    os.makedirs(out, exist_ok=True)
    by = collections.defaultdict(list)
    for r in csv.DictReader(open(os.path.join(data, "4q", "labels.csv"))):
        if r["split"] == "train":
            by[r["quadrant"]].append(r)
    for q, rows in sorted(by.items()):
        for r in rows[:8]:
            os.symlink(os.path.abspath(os.path.join(data, "4q", r["audio"])), os.path.join(out, f"4q_{q}_{r['song']}.mp3"))
    genres = collections.defaultdict(list)
    for r in csv.DictReader(open(os.path.join(data, "emotify", "tracks.csv"))):
        genres[r["genre"]].append(r)
    for g, rows in sorted(genres.items()):
        for r in rows[:4]:
            os.symlink(os.path.abspath(os.path.join(data, "emotify", r["audio"])), os.path.join(out, f"emotify_{g}_{r['track_id']}.mp3"))


def side(v, start, stop, step, height):
    lowest = height
    for i in range(start, stop, step):
        if v[i] > height:
            return lowest, True
        lowest = min(lowest, v[i])
    return lowest, False


def prominences(v, music):
    out, n, run = [], len(v), 0
    while run < n:
        if not music[run]:
            run += 1
            continue
        last = run
        while last + 1 < n and music[last + 1]:
            last += 1
        s = run
        while s <= last:
            e = s
            while e + 1 <= last and v[e + 1] == v[s]:
                e += 1
            if (s == run or v[s - 1] < v[s]) and (e == last or v[e + 1] < v[s]):
                left, lb = side(v, s - 1, run - 1, -1, v[s])
                right, rb = side(v, e + 1, last + 1, 1, v[s])
                bounds = [b for b, bounded in ((left, lb), (right, rb)) if bounded]
                p = v[s] - (max(bounds) if bounds else min(left, right))
                if p > 0:
                    out.append(p)
            s = e + 1
        run = last + 1
    return out


def histogram(path):
    ps, clips = [], 0
    for line in open(path):
        d = json.loads(line)
        if d.get("ok", True):
            ps += prominences(d["arousal"], d["music"])
            clips += 1
    ps.sort()
    print(f"{clips} clips, {len(ps)} local maxima; prominence quartiles "
          + ", ".join(f"{ps[int(q * len(ps))]:.3f}" for q in (0.25, 0.5, 0.75)))
    counts = collections.Counter(min(int(p / 0.025), 12) for p in ps)
    for k in range(13):
        label = f"{k * 0.025:.3f}-{(k + 1) * 0.025:.3f}" if k < 12 else "0.300-    "
        print(f"{label}  {counts[k]:4d}  {'#' * ((counts[k] + 3) // 4)}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "select":
        select(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "histogram":
        histogram(sys.argv[2])
    else:
        sys.exit(__doc__)
