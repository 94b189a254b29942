#!/usr/bin/env bash
# Runs every test of the solution (installs ffmpeg first if missing) and prints a closing line
# "N passed, N failed". Extra arguments go to `dotnet test` (e.g. --filter).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/ensure-prerequisites.sh || exit 1
log="$(mktemp)"
dotnet test MusicEmotion.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=0; failed=0; skipped=0
while read -r f p s; do passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s)); done < <(
  sed -nE 's/.*Failed:[[:space:]]+([0-9]+), Passed:[[:space:]]+([0-9]+), Skipped:[[:space:]]+([0-9]+),.*/\1 \2 \3/p' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # build error or crashed test host
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
