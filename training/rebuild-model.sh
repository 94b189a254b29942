#!/usr/bin/env bash
# Rebuilds the shipped emotion model from ../shared/data: render the MIDI sets, augment, export features with the
# library, cross-validate and train, evaluate everything with the library, record the figures in the card.
# Usage: training/rebuild-model.sh [extra train.py arguments]
#   MODEL=notes|audio   which shipped model: notes (default) = the note-aware model v3 (emotion-model-notes.*: the
#                       audio features plus the notes and harmony of `mer dataset notes`); audio = the audio-only v2.1
#                       (emotion-model.*)
#   DATA=<folder>       the shared data (default ../shared/data beside the repository)
#   MODEL_OUT=<folder>  where the model and card go (default src/MusicEmotion.Inference/ShippedModel, the shipped models)
#   AUGMENT=<kinds>     augmentations trained on (default: the chosen ones, see docs/model.md; "" for none)
# Everything intermediate goes to training/work/ (git-ignored); rendering and augmentation are cached there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DATA:-$root/../shared/data}"
out="${MODEL_OUT:-$root/src/MusicEmotion.Inference/ShippedModel}"
model="${MODEL:-notes}"
case "$model" in
  notes) stem=emotion-model-notes; model_args=(--name musicemotion-av-notes --version 3.0.0 --config steps=3000 note_features=notes,harmony) ;;
  audio) stem=emotion-model; model_args=(--name musicemotion-av --version 2.1.0) ;;
  *) echo "MODEL must be notes or audio (got $model)" >&2; exit 2 ;;
esac
augment="${AUGMENT-pitch}"
work="$root/training/work"
py=/usr/bin/python3
for set in 4q emomusic emotify emopia vgmidi; do
  [ -d "$data/$set" ] || { echo "missing $data/$set: the training data lives in ../shared/data" >&2; exit 1; }
done
packages=(python3-torch python3-onnx python3-numpy libopenblas0-pthread fluidsynth fluid-soundfont-gm ffmpeg)
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"; break; }
done
start=$(date +%s)
step() { echo "== $(( $(date +%s) - start )) s: $*" >&2; }

step "render EMOPIA and VGMIDI (cached)"
$py "$root/training/render_midi.py" --data "$data" --out "$work"

sets=(--4q "$data/4q" --4q "emopia=$work/emopia"
      --dynamic "emomusic=$data/emomusic" --dynamic "vgmidi=$work/vgmidi/train" --dynamic "vgmidi-val=$work/vgmidi/val"
      --reference "$data/emotify/audio")
train_args=(--config "augmentations=$augment")
if [ -n "$augment" ]; then
  step "augment the training splits: $augment (cached)"
  $py "$root/training/augment.py" --kinds "$augment" --data "$data" --rendered "$work" --out "$work/aug"
  IFS=, read -ra kinds <<<"$augment"
  for kind in "${kinds[@]}"; do
    sets+=(--4q "4q@$kind=$work/aug/$kind/4q" --4q "emopia@$kind=$work/aug/$kind/emopia" --dynamic "vgmidi@$kind=$work/aug/$kind/vgmidi")
  done
fi

step "export features with the library"
rm -rf "$work/dataset"
"$root/mer" dataset export "${sets[@]}" --out "$work/dataset"
if [ "$model" = notes ]; then
  step "transcribe every clip and write its note features (Basic Pitch through the library; resumable)"
  "$root/mer" dataset notes "${sets[@]}" --out "$work/dataset" --jobs 2
fi

step "cross-validate, train, calibrate"
# Two threads: the shipped model was trained so, and torch's sums depend on the thread count.
$py "$root/training/train.py" --data "$work/dataset" --label-stats "$data/emomusic/annotations" --out "$out" --stem "$stem" --threads 2 \
    "${model_args[@]}" "${train_args[@]}" "$@"

step "evaluate with the library"
model=(--model "$out/$stem.onnx" --card "$out/$stem.card.json")
"$root/mer" eval model --4q "$data/4q" --split val --dynamic "$data/emomusic" --json "$work/eval.json" "${model[@]}"
"$root/mer" eval model --4q "$work/emopia" --split val --json "$work/eval-emopia.json" "${model[@]}"
"$root/mer" eval model --dynamic "$work/vgmidi/val" --json "$work/eval-vgmidi.json" "${model[@]}"
"$root/mer" eval dynamics --4q "$data/4q" --split val --json "$work/eval-dynamics.json" "${model[@]}"
$py "$root/training/record_metrics.py" --card "$out/$stem.card.json" --main "$work/eval.json" \
    --emopia "$work/eval-emopia.json" --vgmidi "$work/eval-vgmidi.json" --dynamics "$work/eval-dynamics.json"
step "rebuilt"
echo "rebuilt in $(( $(date +%s) - start )) s"
