#!/usr/bin/env bash
# Installs what MusicEmotion needs outside NuGet: ffmpeg (decoding every format but WAV) and, for the tests of the
# shared PostgreSQL catalog, PostgreSQL's server binaries (the tests start their own server; nothing is configured).
# Debian/Ubuntu as root (or with sudo); on other systems it prints what to install.
set -euo pipefail
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
if [ -z "${MER_PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if ((${#missing[@]} == 0)); then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "Installing ${missing[*]} (apt-get)..." >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null
else
  echo "Required: ${missing[*]} (macOS: brew install ffmpeg postgresql; Windows: winget install ffmpeg PostgreSQL.PostgreSQL)" >&2
  exit 1
fi
