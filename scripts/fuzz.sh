#!/usr/bin/env bash
# Fuzzes the audio input layer (content sniffer, WAV header parser, managed MP3/Ogg Vorbis decoders) with AFL++ and
# SharpFuzz. Usage: scripts/fuzz.sh [executions]   (default 1000000; afl-fuzz stops after that many)
#   - installs afl++ with apt-get when missing (Debian) and the SharpFuzz.CommandLine tool into artifacts/fuzz/tools;
#   - builds fuzz/MusicEmotion.Audio.Fuzz into artifacts/fuzz/bin and instruments MusicEmotion.Audio, NLayer, NVorbis;
#   - runs afl-fuzz from the seed corpus fuzz/corpus into artifacts/fuzz/findings (resumes a previous run there).
# A crash or hang lands in artifacts/fuzz/findings/default/{crashes,hangs}: replay one with
#   dotnet artifacts/fuzz/bin/MusicEmotion.Audio.Fuzz.dll <file>
# then fix it and copy the input to fuzz/regressions/ (the tests run every file there and in fuzz/corpus).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
executions="${1:-1000000}"
work="$root/artifacts/fuzz"
bin="$work/bin"
tools="$work/tools"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

rm -rf "$bin"
dotnet publish fuzz/MusicEmotion.Audio.Fuzz -c Release -o "$bin" -nologo -v quiet
for assembly in MusicEmotion.Audio NLayer NVorbis; do
  "$tools/sharpfuzz" "$bin/$assembly.dll"
done

mkdir -p "$work/findings"
resume=()
[ -d "$work/findings/default/queue" ] && resume=(-i -) || resume=(-i "$root/fuzz/corpus")
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# -t: 10 s per input (the first ones pay for JIT); -m none: the .NET runtime maps more than AFL's default limit.
afl-fuzz "${resume[@]}" -o "$work/findings" -t 10000 -m none -E "$executions" -- dotnet "$bin/MusicEmotion.Audio.Fuzz.dll"
echo "fuzz: done; crashes: $(find "$work/findings/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l), hangs: $(find "$work/findings/default/hangs" -type f 2>/dev/null | wc -l)"
