#!/usr/bin/env bash
# Measures `mer worker` throughput on this machine: 1, 2 and 4 worker processes (each --concurrency 1) draining the
# same queue in a temporary PostgreSQL server, then the queue's own cost (every file already in the catalog: claim,
# hash, look up, finish). Prints one line per run and a Markdown table.
#
# Usage: benchmarks/scale/worker-throughput.sh [audio folder or list file] [worker counts...]
#   default: ../shared/data/emotify/audio (200 clips of 60 s) with 1 2 4 workers
# Wall-clock throughput depends on what else runs on the machine; the CPU seconds per song do not, and are what the
# capacity arithmetic in docs/scale.md uses.
# Needs PostgreSQL's server binaries (scripts/ensure-prerequisites.sh installs them). Leaves nothing behind.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clips="${1:-$root/../shared/data/emotify/audio}"
shift || true
counts=("$@"); ((${#counts[@]})) || counts=(1 2 4)
"$root/mer" --help >/dev/null                      # builds artifacts/mer once
mer="$root/artifacts/mer/mer"
bin="${MER_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"
run=(); [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
dir="$(mktemp -d /tmp/mer-bench-pg.XXXXXX)"; [ ${#run[@]} -gt 0 ] && chown postgres "$dir"
port=$((20000 + RANDOM % 20000))
cleanup() { "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
"${run[@]}" "$bin/initdb" -D "$dir/data" -U mer --auth=trust --encoding=UTF8 --locale=C >/dev/null
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
cs() { echo "Host=127.0.0.1;Port=$port;Username=mer;Database=$1"; }
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U mer -d "$1" -Atqc "$2"; }
table=("| Workers (processes × 1 slot) | Songs | Audio (s) | Wall (s) | Songs/s | Audio s per s | Worker CPU per song (s) | PostgreSQL CPU per song (ms) |" "|---:|---:|---:|---:|---:|---:|---:|---:|")
# CPU seconds of the server: the postmaster's own and its reaped backends' (utime, stime, cutime, cstime).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / hz }' "/proc/$(head -n 1 "$dir/data/postmaster.pid")/stat"; }
measure() { # name workers
  local db="$1" n="$2"
  local start end cpu0 cpu1
  cpu0=$(server_cpu)
  start=$(date +%s.%N)
  for ((w = 0; w < n; w++)); do /usr/bin/time -f "%U %S" -o "$dir/$db.$w.time" "$mer" worker --postgres "$(cs "$db")" --concurrency 1 --exit-when-idle --poll-seconds 0.2 >"$dir/$db.$w.out" 2>"$dir/$db.$w.err" & done
  wait
  end=$(date +%s.%N)
  sleep 1
  cpu1=$(server_cpu)
  local worker_cpu
  worker_cpu=$(cat "$dir/$db".*.time | awk '{ s += $1 + $2 } END { print s }')
  local songs audio
  songs=$(psql "$db" "SELECT count(*) FROM musicemotion.analysis_jobs WHERE state = 'done'")
  audio=$(psql "$db" "SELECT coalesce(round(sum(duration_seconds)), 0) FROM musicemotion.tracks")
  echo "$db: $n worker(s): $songs songs ($audio s of audio) in $(echo "$end - $start" | bc) s" >&2
  table+=("| $n | $songs | $audio | $(printf %.1f "$(echo "$end - $start" | bc)") | $(printf %.2f "$(echo "$songs / ($end - $start)" | bc -l)") | $(printf %.0f "$(echo "$audio / ($end - $start)" | bc -l)") | $(printf %.3f "$(echo "$worker_cpu / $songs" | bc -l)") | $(printf %.1f "$(echo "1000 * ($cpu1 - $cpu0) / $songs" | bc -l)") |")
}
for n in "${counts[@]}"; do
  psql postgres "CREATE DATABASE w$n" >/dev/null
  "$mer" catalog enqueue "$clips" --postgres "$(cs "w$n")" >/dev/null
  measure "w$n" "$n"
done
# The queue alone: enqueue the same files under other paths (links) into the last catalog; every job finds its
# audio already there (same content hash) and finishes without decoding.
last="w${counts[-1]}"
mkdir -p "$dir/links"
find "$clips" -type f -name '*.mp3' -o -type f -name '*.wav' | while read -r f; do ln -s "$f" "$dir/links/$(echo "$f" | md5sum | cut -c1-16).${f##*.}"; done
"$mer" catalog enqueue "$dir/links" --postgres "$(cs "$last")" >/dev/null
start=$(date +%s.%N)
"$mer" worker --postgres "$(cs "$last")" --concurrency 2 --exit-when-idle --poll-seconds 0.2 >"$dir/links.out" 2>&1
end=$(date +%s.%N)
present=$(psql "$last" "SELECT count(*) FROM musicemotion.analysis_jobs WHERE outcome = 'already_present'")
echo "queue only (already present, 1 worker × 2 slots): $present jobs in $(echo "$end - $start" | bc) s" >&2
printf '%s\n' "${table[@]}"
echo
echo "Queue only: $present jobs already in the catalog finished in $(printf %.1f "$(echo "$end - $start" | bc)") s ($(printf %.0f "$(echo "$present / ($end - $start)" | bc -l)") jobs/s, one worker with 2 slots)."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the worker CPU per song includes each process's start-up and model load)"
