#!/usr/bin/env bash
# Checks the NuGet packages the way a consumer uses them: packs the libraries (Release) into artifacts/packages,
# restores samples/ConsumerSample from that folder into a private package folder (artifacts/sample-packages, so a
# stale global cache cannot hide anything), builds it, writes a demo song with `mer demo` and runs the sample on
# it, checking that it prints mean arousal and valence and the song's notes (MusicEmotion.Notes, which must embed
# the Basic Pitch model and carry its licence notice). Exits non-zero on any failure.
# Then checks the `mer` tool package the same way (scripts/check-tool.sh: RID-specific packages, size, install from
# a local folder, a run of the installed tool), and that MusicEmotion.Audio and MusicEmotion.Features work under
# Native AOT (scripts/check-aot.sh: a native smoke binary published with AOT warnings as errors, run and checked).
# The analysis needs the shipped model (src/MusicEmotion.Inference/ShippedModel/emotion-model.onnx + card): without it the
# script still packs, restores and builds, then says so and fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { echo "check-sample: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

version="$(sed -nE 's:.*<Version>([^<]+)</Version>.*:\1:p' Directory.Build.props | head -n 1)"
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
packages="$root/artifacts/packages"
private_cache="$root/artifacts/sample-packages"
sample="$root/samples/ConsumerSample"
work="$root/artifacts/sample-check"
model_dir="$root/src/MusicEmotion.Inference/ShippedModel"

scripts/ensure-prerequisites.sh || fail "prerequisites (ffmpeg) missing"

have_model=1
for f in emotion-model.onnx emotion-model.card.json; do
  [ -f "$model_dir/$f" ] || { have_model=0; say "the shipped model file $model_dir/$f is missing"; }
done

# 1. Pack every library (not the mer tool, not the service) at $version; remove this version's old packages first.
mkdir -p "$packages"
libraries=()
for project in src/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  [ "$name" = "MusicEmotion.Cli" ] && continue
  [ "$name" = "MusicEmotion.Server" ] && continue   # an application (the HTTP service), not a package
  [ "$name" = "MusicEmotion.Evaluation" ] && continue   # the tool's internal part (evaluation, datasets), not a package
  libraries+=("$name")
  rm -f "$packages/$name.$version.nupkg" "$packages/$name.$version.snupkg"
done
for name in "${libraries[@]}"; do
  say "packing $name $version"
  dotnet pack "src/$name/$name.csproj" -c Release -o "$packages" -p:Version="$version" -nologo -v quiet \
    || fail "dotnet pack $name"
  [ -f "$packages/$name.$version.nupkg" ] || fail "$packages/$name.$version.nupkg was not written"
done

if [ "$have_model" = 1 ]; then
  if command -v unzip >/dev/null 2>&1; then
    # The resource name is stored as UTF-8 in the assembly's manifest; read the whole stream (no grep -q: SIGPIPE).
    embedded="$(unzip -p "$packages/MusicEmotion.Inference.$version.nupkg" lib/net10.0/MusicEmotion.Inference.dll | grep -ac "emotion-model.onnx" || true)"
    [ "${embedded:-0}" -gt 0 ] || fail "MusicEmotion.Inference.$version.nupkg does not embed the model"
  fi
fi
if command -v unzip >/dev/null 2>&1; then
  # The note model is Basic Pitch's (Apache-2.0): the package must embed it and carry its notice and licence.
  notes="$packages/MusicEmotion.Notes.$version.nupkg"
  embedded="$(unzip -p "$notes" lib/net10.0/MusicEmotion.Notes.dll | grep -ac "basic-pitch.onnx" || true)"
  [ "${embedded:-0}" -gt 0 ] || fail "MusicEmotion.Notes.$version.nupkg does not embed the Basic Pitch model"
  for f in NOTICE.md BasicPitch-LICENSE.txt README.md; do
    unzip -l "$notes" "$f" >/dev/null 2>&1 || fail "MusicEmotion.Notes.$version.nupkg lacks $f"
  done
fi

# 2. Restore the sample from the local feed into a fresh private package folder, then build it.
rm -rf "$private_cache" "$sample/bin" "$sample/obj"
say "restoring samples/ConsumerSample (MusicEmotion.Inference $version from artifacts/packages)"
dotnet restore "$sample/ConsumerSample.csproj" --packages "$private_cache" -p:MusicEmotionVersion="$version" -nologo \
  || fail "restore of the sample"
for name in MusicEmotion.Inference MusicEmotion.Notes MusicEmotion.Audio MusicEmotion.Features; do
  lower="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
  [ -d "$private_cache/$lower/$version" ] || fail "$name $version was not restored (is it a dependency of MusicEmotion.Inference?)"
done
say "building samples/ConsumerSample"
dotnet build "$sample/ConsumerSample.csproj" -c Release --no-restore -p:MusicEmotionVersion="$version" -nologo -v quiet \
  || fail "build of the sample"
dll="$sample/bin/Release/net10.0/ConsumerSample.dll"
[ -f "$dll" ] || fail "$dll not built"

if [ "$have_model" != 1 ]; then
  fail "packages and sample build fine, but the shipped model is missing, so the analysis cannot run: train it (training/train.py, see docs/model.md) so that $model_dir/emotion-model.onnx and emotion-model.card.json exist, then run this again"
fi

# 3. A short song to analyse, then the sample on it.
mkdir -p "$work"
song="$work/demo.wav"
say "writing a 20-second demo song with mer demo"
dotnet run --project src/MusicEmotion.Cli -c Release -- demo --out "$song" --seconds 20 >/dev/null || fail "mer demo"
say "running the sample on $song"
out="$(dotnet "$dll" "$song")" || { echo "$out"; fail "the sample exited with an error"; }
echo "$out"
number='-?[0-9]+\.[0-9]+'
echo "$out" | grep -Eq "^mean arousal: $number$" || fail "no mean arousal in the sample's output"
echo "$out" | grep -Eq "^mean valence: $number$" || fail "no mean valence in the sample's output"
echo "$out" | grep -Eq "^description: .+" || fail "no description in the sample's output"
echo "$out" | grep -Eq "^notes: [1-9][0-9]* " || fail "no notes in the sample's output"
say "OK: MusicEmotion.Inference and MusicEmotion.Notes $version from artifacts/packages analyse and transcribe a song"

# 4. The mer tool package, installed from a local folder by a clean consumer.
scripts/check-tool.sh || fail "the mer tool package (scripts/check-tool.sh)"

# 5. MusicEmotion.Audio and MusicEmotion.Features under Native AOT.
scripts/check-aot.sh || fail "the Native AOT smoke test (scripts/check-aot.sh)"
