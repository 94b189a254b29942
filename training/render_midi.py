#!/usr/bin/python3
"""Renders the EMOPIA and VGMIDI MIDI files of ../shared/data to audio, into the layouts `mer eval model` reads.

Exactly as ../shared/data/README.md says (apt-get install -y fluidsynth fluid-soundfont-gm):

    fluidsynth -ni -q -F out.wav -r 22050 -g 0.6 /usr/share/sounds/sf2/FluidR3_GM.sf2 in.mid

Output (under --out, default training/work, git-ignored):

    emopia/labels.csv            4Q layout: song,quadrant,split,audio,artist,title (song = clip id, artist = EMOPIA song,
                                 so `mer dataset export` groups clips of one song; title = the clip id)
    emopia/audio/<clip>.wav
    vgmidi/<split>/clips.csv     emoMusic layout, one folder per split: song_id,audio,split,game,title,artist
                                 (artist = game, so `mer dataset export` groups the pieces of one game)
    vgmidi/<split>/annotations/{arousal,valence}_cont_average.csv   the split's rows of the shared files, unchanged
    vgmidi/<split>/audio/<song_id>.wav

so `mer eval model --4q training/work/emopia --split val` and `mer eval model --dynamic training/work/vgmidi/val`
run unchanged. Cached: a WAV is rendered again only when its MIDI, the soundfont, the fluidsynth version or the
command changed (a `.key` file beside it records what it was made from). Deterministic: the same inputs give
byte-identical WAV files. Every file is written under a temporary name and renamed, so an interrupted run leaves
no half-written file. Exits 1 (after rendering everything else) when a MIDI cannot be rendered.
"""
import argparse
import concurrent.futures
import csv
import hashlib
import io
import os
import re
import subprocess
import sys
import time

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
SAMPLE_RATE = 22050
GAIN = 0.6
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$")


class RenderError(Exception):
    pass


def command(midi, wav):
    return ["fluidsynth", "-ni", "-q", "-F", wav, "-r", str(SAMPLE_RATE), "-g", str(GAIN), SOUNDFONT, midi]


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fluidsynth_version():
    try:
        out = subprocess.run(["fluidsynth", "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise RenderError(f"fluidsynth is not usable ({e}); install it: apt-get install -y fluidsynth fluid-soundfont-gm")
    return out.splitlines()[0].strip() if out else "unknown"


def inside(root, relative, listed_in):
    """The full path of a file reference from a dataset file, refusing absolute paths and '..' escapes."""
    if not relative or os.path.isabs(relative) or "\0" in relative:
        raise RenderError(f"{listed_in}: '{relative}' must be a relative path inside {root}")
    full = os.path.realpath(os.path.join(root, relative))
    if not full.startswith(os.path.realpath(root) + os.sep):
        raise RenderError(f"{listed_in}: '{relative}' points outside {root}")
    return full


def safe_id(value, listed_in):
    if not SAFE_ID.match(value or ""):
        raise RenderError(f"{listed_in}: id '{value}' is not a safe file name (letters, digits, '_', '-', '.')")
    return value


def read_csv(path, required):
    if not os.path.isfile(path):
        raise RenderError(f"{path}: not found (the MIDI datasets live in ../shared/data; see its README.md)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in required if rows and c not in rows[0]]
    if not rows or missing:
        raise RenderError(f"{path}: expected columns {', '.join(required)}" + (f" (missing {', '.join(missing)})" if missing else " and at least one row"))
    return rows


def write_atomically(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def csv_text(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def render(midi, wav, salt):
    """Renders one MIDI unless the cached WAV was made from the same inputs. Returns 'cached' or 'rendered'."""
    key = hashlib.sha256((salt + sha256_file(midi)).encode()).hexdigest()
    key_path = wav + ".key"
    if os.path.isfile(wav) and os.path.isfile(key_path) and open(key_path).read().strip() == key:
        return "cached"
    os.makedirs(os.path.dirname(wav), exist_ok=True)
    tmp = f"{wav}.tmp-{os.getpid()}.wav"
    try:
        result = subprocess.run(command(midi, tmp), capture_output=True, text=True)
        if result.returncode != 0 or not os.path.isfile(tmp) or os.path.getsize(tmp) <= 44:
            raise RenderError(f"{midi}: fluidsynth failed (exit {result.returncode}): {(result.stderr or result.stdout).strip()[:300]}")
        os.replace(tmp, wav)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    write_atomically(key_path, key + "\n")
    return "rendered"


def plan_emopia(data, out):
    root = os.path.join(data, "emopia")
    labels = os.path.join(root, "labels.csv")
    rows = read_csv(labels, ["clip", "quadrant", "split", "midi", "song"])
    jobs, table = [], []
    for line, r in enumerate(rows, start=2):
        where = f"{labels} line {line}"
        clip = safe_id(r["clip"], where)
        if r["quadrant"] not in ("Q1", "Q2", "Q3", "Q4"):
            raise RenderError(f"{where}: quadrant '{r['quadrant']}' is not Q1..Q4")
        audio = f"audio/{clip}.wav"
        jobs.append((inside(root, r["midi"], where), os.path.join(out, "emopia", audio)))
        table.append([clip, r["quadrant"], r["split"], audio, r["song"], clip])
    files = {os.path.join(out, "emopia", "labels.csv"): csv_text(["song", "quadrant", "split", "audio", "artist", "title"], table)}
    return jobs, files


def plan_vgmidi(data, out):
    root = os.path.join(data, "vgmidi")
    clips = os.path.join(root, "clips.csv")
    rows = read_csv(clips, ["song_id", "midi", "split", "game", "title"])
    jobs, by_split = [], {}
    for line, r in enumerate(rows, start=2):
        where = f"{clips} line {line}"
        song = safe_id(r["song_id"], where)
        split = safe_id(r["split"], where)
        audio = f"audio/{song}.wav"
        jobs.append((inside(root, r["midi"], where), os.path.join(out, "vgmidi", split, audio)))
        by_split.setdefault(split, []).append([song, audio, split, r["game"], r["title"], r["game"]])
    files = {}
    for split, table in by_split.items():
        ids = {row[0] for row in table}
        folder = os.path.join(out, "vgmidi", split)
        files[os.path.join(folder, "clips.csv")] = csv_text(["song_id", "audio", "split", "game", "title", "artist"], table)
        for dim in ("arousal", "valence"):
            name = f"annotations/{dim}_cont_average.csv"
            with open(os.path.join(root, name), newline="", encoding="utf-8") as f:
                lines = f.read().splitlines(keepends=True)
            kept = [lines[0]] + [l for l in lines[1:] if l.split(",", 1)[0] in ids]
            files[os.path.join(folder, name)] = "".join(kept)
    return jobs, files


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"), help="the shared data folder (default ../shared/data)")
    p.add_argument("--out", default=os.path.join(here, "work"), help="where the rendered layouts go (default training/work)")
    p.add_argument("--sets", default="emopia,vgmidi", help="comma-separated: emopia, vgmidi")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="fluidsynth processes at once")
    args = p.parse_args()
    t0 = time.time()
    try:
        if not os.path.isfile(SOUNDFONT):
            raise RenderError(f"{SOUNDFONT} is missing: apt-get install -y fluidsynth fluid-soundfont-gm")
        salt = " ".join(command("in.mid", "out.wav")) + "|" + fluidsynth_version() + "|" + sha256_file(SOUNDFONT)
        jobs, files = [], {}
        for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
            if name not in ("emopia", "vgmidi"):
                raise RenderError(f"unknown set '{name}' (emopia, vgmidi)")
            j, f = (plan_emopia if name == "emopia" else plan_vgmidi)(os.path.abspath(args.data), os.path.abspath(args.out))
            jobs += j
            files.update(f)
        if len({wav for _, wav in jobs}) != len(jobs):
            raise RenderError("two MIDI files would render to the same audio file (duplicate ids)")
    except RenderError as e:
        sys.exit(f"render_midi: {e}")

    counts, failures = {"cached": 0, "rendered": 0}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(render, midi, wav, salt): midi for midi, wav in jobs}
        for n, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            try:
                counts[future.result()] += 1
            except (RenderError, OSError) as e:
                failures.append(str(e))
            if n % 200 == 0 or n == len(jobs):
                print(f"rendered {n}/{len(jobs)} ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)
    failed = {os.path.abspath(w) for m, w in jobs if not os.path.isfile(w)}
    for path, text in sorted(files.items()):
        if failed and path.endswith(".csv") and not path.endswith("_cont_average.csv"):
            # Leave clips whose rendering failed out of the layout files rather than list missing audio.
            lines = text.splitlines(keepends=True)
            folder = os.path.dirname(path)
            text = lines[0] + "".join(l for l in lines[1:] if os.path.abspath(os.path.join(folder, next(csv.reader([l]))[3 if path.endswith("labels.csv") else 1])) not in failed)
        write_atomically(path, text)
    for message in failures:
        print(f"render_midi: {message}", file=sys.stderr)
    print(f"{counts['rendered']} rendered, {counts['cached']} cached, {len(failures)} failed in {time.time() - t0:.0f}s -> {os.path.abspath(args.out)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
