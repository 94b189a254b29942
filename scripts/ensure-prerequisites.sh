#!/usr/bin/env bash
# Installs what MusicEmotion needs outside NuGet: ffmpeg (decoding every format but WAV) and, for the tests of the
# shared PostgreSQL catalog, PostgreSQL's server binaries (the tests start their own server; nothing is configured);
# for the Native AOT check (scripts/check-aot.sh), clang and zlib1g-dev (the native linker and libz); for the note
# transcription test on rendered MIDI (and training/render_midi.py), FluidSynth and the General MIDI soundfont.
# Debian/Ubuntu as root (or with sudo); on other systems it prints what to install.
# --tool: only what the `mer` tool itself wants (ffmpeg); where it cannot be installed the tool still runs (WAV, MP3
# and Ogg Vorbis decode in process; other formats say they need ffmpeg), so this only warns.
set -euo pipefail
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
if [ "${1:-}" = --tool ]; then
  if ((${#missing[@]} == 0)); then exit 0; fi
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    echo "Installing ffmpeg (apt-get)..." >&2
    $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q ffmpeg >/dev/null \
      || echo "mer: could not install ffmpeg; WAV, MP3 and Ogg Vorbis still decode" >&2
  else
    echo "mer: ffmpeg not found (macOS: brew install ffmpeg; Windows: winget install ffmpeg); WAV, MP3 and Ogg Vorbis still decode" >&2
  fi
  exit 0
fi
if [ -z "${MER_PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
# Native AOT on Linux links with clang (macOS uses Xcode's, Windows MSVC's linker).
if [ "$(uname -s)" = Linux ] && ! command -v clang >/dev/null 2>&1; then missing+=(clang); fi
if command -v dpkg-query >/dev/null 2>&1 && ! dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q "ok installed"; then
  missing+=(zlib1g-dev)
fi
command -v fluidsynth >/dev/null 2>&1 || missing+=(fluidsynth)
[ -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ] || missing+=(fluid-soundfont-gm)
if ((${#missing[@]} == 0)); then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "Installing ${missing[*]} (apt-get)..." >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null
else
  echo "Required: ${missing[*]} (macOS: brew install ffmpeg postgresql fluid-synth; Windows: winget install ffmpeg PostgreSQL.PostgreSQL)" >&2
  exit 1
fi
