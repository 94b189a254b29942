#!/usr/bin/env bash
# Rebuilds the reference standardisation statistics shipped in MusicEmotion.Recommend
# (src/MusicEmotion.Recommend/Vectors/reference-statistics.json): the per-value mean and spread of the track vectors of
# a broad set of music — the 570 clips of the 4Q training split and the 200 Emotify clips (../shared/data) — analysed
# with the shipped emotion model. Small catalogs blend their own statistics with these (docs/recommend.md). Run it
# whenever a shipped model changes (a test fails until each shipped model has its reference).
# Usage: MODEL=notes|audio scripts/reference-statistics.sh [data folder (default ../shared/data)] [work folder (default artifacts/reference)]
#   MODEL  which shipped model (mer --model): notes (default, the note-aware model; writes reference-statistics-notes.json)
#          or audio (the audio-only model; writes reference-statistics.json)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
model="${MODEL:-notes}"
case "$model" in
  notes) out="$root/src/MusicEmotion.Recommend/Vectors/reference-statistics-notes.json" ;;
  audio) out="$root/src/MusicEmotion.Recommend/Vectors/reference-statistics.json" ;;
  *) echo "MODEL must be notes or audio (got $model)" >&2; exit 2 ;;
esac
work="${2:-$root/artifacts/reference}/$model"
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
"$root/mer" catalog add "${train[@]}" "$data/emotify/audio" --db "$work/reference.db" --model "$model"
"$root/mer" catalog statistics --db "$work/reference.db" \
  --sources "4Q training split (${#train[@]} clips) and Emotify (200 clips), mono 22.05 kHz MP3 from ../shared/data; scripts/reference-statistics.sh" \
  --out "$out"
