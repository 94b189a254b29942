#!/usr/bin/python3
"""Lays out the MIREX-like mood set for `mer dataset export --mood`: labels from ../shared/data/mirex, audio from a
copy of the repository that holds it (../shared/data/README.md, "mirex/": fetched once, kept outside the project).

    /usr/bin/python3 training/prepare_mirex.py --audio <copy> [--data ../shared/data] [--out training/work/mirex]

`--audio` is either a checked-out copy (a folder with dataset/Audio/*.mp3) or a bare git directory of that repository
(then the listed files are read with `git show HEAD:<path>`). The result, training/work/mirex/, holds labels.csv
(song, cluster, mood, artist, title, audio) and audio/<song>.mp3 for the 816 listed clips only: the 87 clips whose
artists appear in the 4Q dataset are not in labels.csv and are never copied. Cached: a clip already copied with the
same size is kept.
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p.add_argument("--audio", required=True, help="a checked-out copy or a bare git directory of the MIREX audio repository")
    p.add_argument("--data", default=os.path.join(root, "..", "shared", "data"))
    p.add_argument("--out", default=os.path.join(root, "training", "work", "mirex"))
    args = p.parse_args()
    labels = os.path.join(args.data, "mirex", "labels.csv")
    if not os.path.exists(labels):
        sys.exit(f"missing {labels}: the MIREX labels live in ../shared/data/mirex")
    bare = os.path.isdir(os.path.join(args.audio, "objects")) and os.path.exists(os.path.join(args.audio, "HEAD"))
    with open(labels, newline="") as f:
        rows = list(csv.DictReader(f))
    os.makedirs(os.path.join(args.out, "audio"), exist_ok=True)
    copied = kept = 0
    out_rows = []
    for row in rows:
        source = row["audio"]
        if os.path.isabs(source) or ".." in source.split("/"):
            sys.exit(f"{labels}: audio path '{source}' must be relative to the repository")
        target = os.path.join(args.out, "audio", f"{row['song']}.mp3")
        if bare:
            blob = subprocess.run(["git", f"--git-dir={args.audio}", "show", f"HEAD:{source}"], capture_output=True)
            if blob.returncode != 0:
                sys.exit(f"{args.audio}: cannot read {source}: {blob.stderr.decode().strip()}")
            data = blob.stdout
            if os.path.exists(target) and os.path.getsize(target) == len(data):
                kept += 1
            else:
                with open(target + ".tmp", "wb") as f:
                    f.write(data)
                os.replace(target + ".tmp", target)
                copied += 1
        else:
            path = os.path.join(args.audio, source)
            if not os.path.exists(path):
                sys.exit(f"missing {path}: pass the folder that holds dataset/Audio (or the bare git directory)")
            if os.path.exists(target) and os.path.getsize(target) == os.path.getsize(path):
                kept += 1
            else:
                shutil.copyfile(path, target + ".tmp")
                os.replace(target + ".tmp", target)
                copied += 1
        out_rows.append({"song": row["song"], "cluster": row["cluster"], "mood": row["mood"], "artist": row["artist"],
                         "title": row["title"], "audio": f"audio/{row['song']}.mp3"})
    with open(os.path.join(args.out, "labels.csv.tmp"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["song", "cluster", "mood", "artist", "title", "audio"])
        w.writeheader()
        w.writerows(out_rows)
    os.replace(os.path.join(args.out, "labels.csv.tmp"), os.path.join(args.out, "labels.csv"))
    print(f"mirex: {len(out_rows)} clips in {args.out} ({copied} copied, {kept} already there)")


if __name__ == "__main__":
    main()
