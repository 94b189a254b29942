#!/usr/bin/env bash
# Rebuilds the reference standardisation statistics shipped in MusicEmotion.Recommend
# (src/MusicEmotion.Recommend/Vectors/reference-statistics.json): the per-value mean and spread of the track vectors of
# a broad set of music — the 570 clips of the 4Q training split and the 200 Emotify clips (../shared/data) — analysed
# with the shipped emotion model. Small catalogs blend their own statistics with these (docs/recommend.md). Run it
# whenever the shipped model changes (a test fails until the file's model version is the shipped model's).
# Usage: scripts/reference-statistics.sh [data folder (default ../shared/data)] [work folder (default artifacts/reference)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
work="${2:-$root/artifacts/reference}"
mkdir -p "$work"
# The 4Q training split only (the validation split is never used to build anything shipped).
python3 - "$data/4q" > "$work/4q-train.txt" <<'PY'
import csv, os, sys
folder = sys.argv[1]
with open(os.path.join(folder, "labels.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if row["split"] == "train":
            print(os.path.join(folder, row["audio"]))
PY
mapfile -t train < "$work/4q-train.txt"
"$root/mer" catalog add "${train[@]}" "$data/emotify/audio" --db "$work/reference.db"
"$root/mer" catalog statistics --db "$work/reference.db" \
  --sources "4Q training split (${#train[@]} clips) and Emotify (200 clips), mono 22.05 kHz MP3 from ../shared/data; scripts/reference-statistics.sh" \
  --out "$root/src/MusicEmotion.Recommend/Vectors/reference-statistics.json"
