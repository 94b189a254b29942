#!/usr/bin/env bash
# Checks that MusicEmotion.Audio and MusicEmotion.Features work under Native AOT: publishes samples/AotSmoke
# (PublishAot, references both projects) for this machine's RID (linux-x64 in CI) with every trimming/AOT warning an
# error, also those of third-party code (TrimmerSingleWarn=false), checks that the result is one native binary (no IL
# of the app, no runtime beside it), runs it and checks its output: it decodes a WAV it writes, mixes down, resamples,
# computes log-mel, MFCC and descriptors, round-trips FeatureSettings through JSON and checks every figure itself.
# Needs clang and zlib1g-dev (scripts/ensure-prerequisites.sh installs them). Exits non-zero on any failure.
# Run by scripts/check-sample.sh (so by CI).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { echo "check-aot: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

scripts/ensure-prerequisites.sh || fail "prerequisites (clang, zlib1g-dev) missing"
rid="$(dotnet --info | awk '/^ RID:/{print $2; exit}')"
[ -n "$rid" ] || fail "could not read this machine's RID from dotnet --info"
out="$root/artifacts/aot-smoke/$rid"
log="$root/artifacts/aot-smoke/publish-$rid.log"
rm -rf "$out"
mkdir -p "$out"

say "publishing samples/AotSmoke for $rid with Native AOT"
start=$(date +%s)
if ! dotnet publish samples/AotSmoke/AotSmoke.csproj -c Release -r "$rid" -o "$out" -nologo -p:TreatWarningsAsErrors=true \
    >"$log" 2>&1; then
  grep -E "error|warning" "$log" | sort -u >&2 || cat "$log" >&2
  fail "dotnet publish samples/AotSmoke (log: $log)"
fi
# ILC's own warnings (trimming, AOT analysis of third-party code) must not pass unnoticed even if not turned into errors.
if grep -E ": warning [A-Z]+[0-9]+" "$log" | sort -u >&2; then
  fail "the AOT publish printed warnings (above; log: $log)"
fi
publish_seconds=$(($(date +%s) - start))

bin="$out/AotSmoke"
[ -x "$bin" ] || fail "$bin was not written"
[ ! -e "$out/AotSmoke.dll" ] || fail "$out holds AotSmoke.dll: the publish was not native"
[ -z "$(find "$out" -name 'libcoreclr*' -print -quit)" ] || fail "$out holds the CoreCLR runtime: the publish was not native"
size=$(stat -c %s "$bin")
say "native binary: $((size / 1024)) KiB ($bin), published in ${publish_seconds}s"

start=$(date +%s%N)
status=0
output="$("$bin")" || status=$?
run_ms=$((($(date +%s%N) - start) / 1000000))
echo "$output"
[ "$status" -eq 0 ] || fail "the native binary exited with $status"
if echo "$output" | grep -q "^FAIL"; then fail "a check failed (above)"; fi
[ "$(echo "$output" | tail -n 1)" = "aot-smoke: OK" ] || fail "the native binary did not end with 'aot-smoke: OK'"
checks=$(echo "$output" | grep -c "^ok " || true)
[ "$checks" -ge 17 ] || fail "only $checks checks ran (17 expected)"
say "OK: $checks checks passed in the native binary (${run_ms} ms)"
