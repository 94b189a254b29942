#!/usr/bin/env bash
# Installs what MusicEmotion needs outside NuGet: ffmpeg (decoding every format but WAV).
# Debian/Ubuntu as root (or with sudo); on other systems it prints what to install.
set -euo pipefail
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
if ((${#missing[@]} == 0)); then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "Installing ffmpeg (apt-get)..." >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q ffmpeg >/dev/null
else
  echo "ffmpeg is required: install it (macOS: brew install ffmpeg; Windows: winget install ffmpeg)" >&2
  exit 1
fi
