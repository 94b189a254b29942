#!/usr/bin/env bash
# Checks the `mer` dotnet tool the way a user gets it: packs src/MusicEmotion.Cli (RID-specific tool packages: a
# pointer package MusicEmotion.Cli plus one per platform) into artifacts/tool-packages, checks the sizes (the
# linux-x64 package under 60 MB), then installs it from that folder alone with `dotnet tool install --add-source`
# into a fresh tool path with a fresh NuGet cache (nothing stale can help), and runs `mer demo`, `mer info` and
# `mer analyze` from the installed tool. Exits non-zero on any failure. Run by scripts/check-sample.sh (so by CI).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { echo "check-tool: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

version="$(sed -nE 's:.*<Version>([^<]+)</Version>.*:\1:p' Directory.Build.props | head -n 1)"
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
packages="$root/artifacts/tool-packages"
work="$root/artifacts/tool-check"
max_bytes=$((60 * 1024 * 1024))
rid="$(dotnet --info | awk '/^ RID:/{print $2; exit}')"

rm -rf "$packages" "$work"
mkdir -p "$packages" "$work"
say "packing the mer tool $version (one package per platform)"
dotnet pack src/MusicEmotion.Cli/MusicEmotion.Cli.csproj -c Release -o "$packages" -p:Version="$version" -nologo -v quiet \
  || fail "dotnet pack src/MusicEmotion.Cli"

[ -f "$packages/MusicEmotion.Cli.$version.nupkg" ] || fail "the pointer package MusicEmotion.Cli.$version.nupkg was not written"
for platform in linux-x64 linux-arm64 osx-arm64 win-x64; do
  package="$packages/MusicEmotion.Cli.$platform.$version.nupkg"
  [ -f "$package" ] || fail "$package was not written"
  size=$(stat -c %s "$package")
  say "$(basename "$package"): $((size / 1024 / 1024)) MB"
done
size=$(stat -c %s "$packages/MusicEmotion.Cli.linux-x64.$version.nupkg")
[ "$size" -lt "$max_bytes" ] || fail "the linux-x64 tool package is $((size / 1024 / 1024)) MB, over the 60 MB limit"

if [ "$rid" != "linux-x64" ]; then
  say "this machine is $rid: install check skipped (it runs on linux-x64)"
  exit 0
fi

say "installing MusicEmotion.Cli $version from $packages into a fresh tool path"
NUGET_PACKAGES="$work/nuget" dotnet tool install MusicEmotion.Cli --version "$version" --add-source "$packages" \
  --tool-path "$work/tools" >/dev/null || fail "dotnet tool install"
mer="$work/tools/mer"
[ -x "$mer" ] || fail "the installed tool has no mer command"

song="$work/demo.wav"
"$mer" demo --out "$song" --seconds 20 >/dev/null || fail "mer demo"
"$mer" info "$song" | grep -q "decoder:      wav" || fail "mer info does not name the decoder"
out="$("$mer" analyze "$song" --format json)" || fail "mer analyze"
echo "$out" | grep -q '"arousal"' || fail "mer analyze printed no arousal"
echo "$out" | grep -q '"valence"' || fail "mer analyze printed no valence"
say "OK: the linux-x64 tool package ($((size / 1024 / 1024)) MB) installs from a local folder and analyses a song"
