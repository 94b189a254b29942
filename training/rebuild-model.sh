#!/usr/bin/env bash
# Rebuilds the shipped emotion model from ../shared/data: export features with the library, train, evaluate.
# Usage: training/rebuild-model.sh [extra train.py arguments]
#   DATA=<folder>       the shared data (default ../shared/data beside the repository)
#   MODEL_OUT=<folder>  where the model and card go (default src/MusicEmotion.Inference/ShippedModel, i.e. the shipped model)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DATA:-$root/../shared/data}"
out="${MODEL_OUT:-$root/src/MusicEmotion.Inference/ShippedModel}"
work="$root/training/work"
if [ ! -d "$data/4q" ]; then echo "missing $data/4q: the training data lives in ../shared/data" >&2; exit 1; fi
for pkg in python3-torch python3-onnx python3-numpy; do
  dpkg -s "$pkg" >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch python3-onnx python3-numpy; break; }
done
start=$(date +%s)
"$root/mer" dataset export --4q "$data/4q" --dynamic "$data/emomusic" --reference "$data/emotify/audio" --out "$work/dataset"
/usr/bin/python3 "$root/training/train.py" --data "$work/dataset" --label-stats "$data/emomusic/annotations" --out "$out" "$@"
"$root/mer" eval model --4q "$data/4q" --split val --dynamic "$data/emomusic" --json "$work/eval.json" \
    --model "$out/emotion-model.onnx" --card "$out/emotion-model.card.json"
echo "rebuilt in $(( $(date +%s) - start )) s"
