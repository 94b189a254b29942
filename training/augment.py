#!/usr/bin/python3
"""Augmented copies of the training splits, in the layouts `mer dataset export` reads (features stay the library's).

    /usr/bin/python3 training/augment.py --kinds gain,mp3 [--data ../shared/data] [--rendered training/work] \\
        [--out training/work/aug]

For every kind and every training set (4Q `train`, EMOPIA `train` as rendered by render_midi.py, VGMIDI `train`, and
with `--sets ...,mirex` the MIREX-like clips laid out by prepare_mirex.py) it
writes `<out>/<kind>/<set>/` in the set's own layout (labels.csv or clips.csv + annotations), with one transformed
copy of every training clip; export it as the set `<set>@<kind>` (e.g. `--4q 4q@gain=training/work/aug/gain/4q`),
and training uses it as another view of the same clip. Val splits are never touched. The kinds (what real
catalogues do to audio):

    gain    level change, uniform in [-10, +6] dB (positive gains limited to the clip's headroom: no clipping)
    eq      spectral tilt: bass shelf +t dB and treble shelf -t dB, t uniform in [-6, 6]
    pitch   pitch shift, uniform in [-2, 2] semitones, tempo kept (ffmpeg asetrate + atempo)
    tempo   tempo change, factor uniform in [0.9, 1.1], pitch kept (ffmpeg atempo); per-second labels are re-timed
    noise   pink noise at a signal-to-noise ratio uniform in [15, 35] dB
    mp3     lossy re-encoding: MP3 at a bit rate drawn from 48, 64, 96 and 128 kbit/s (libmp3lame)

Every draw comes from a random generator seeded by (kind, set, clip id): reruns give identical files, and a copy is
made again only when its source or parameters changed (a .key file beside it). Files are written under temporary
names and renamed. Output is mono 22.05 kHz 16-bit WAV (mp3: the MP3 file itself).
"""
import argparse
import concurrent.futures
import csv
import hashlib
import io
import re
import math
import os
import subprocess
import sys
import time
import wave

import numpy as np

KINDS = ("gain", "eq", "pitch", "tempo", "noise", "mp3")
RATE = 22050


class AugmentError(Exception):
    pass


def rng_for(kind, set_name, clip_id):
    return np.random.default_rng(int(hashlib.sha256(f"{kind}/{set_name}/{clip_id}".encode()).hexdigest()[:16], 16))


def parameters(kind, rng):
    if kind == "gain":
        return {"gain_db": float(rng.uniform(-10, 6))}
    if kind == "eq":
        return {"tilt_db": float(rng.uniform(-6, 6))}
    if kind == "pitch":
        return {"semitones": float(rng.uniform(-2, 2))}
    if kind == "tempo":
        return {"factor": float(rng.uniform(0.9, 1.1))}
    if kind == "noise":
        return {"snr_db": float(rng.uniform(15, 35)), "seed": int(rng.integers(0, 2**31))}
    if kind == "mp3":
        return {"kbps": int(rng.choice([48, 64, 96, 128]))}
    raise AugmentError(f"unknown kind {kind}")


def decode(source, filters):
    cmd = ["ffmpeg", "-nostdin", "-v", "error", "-i", source, "-ac", "1"]
    if filters:
        cmd += ["-af", ",".join(filters)]
    cmd += ["-ar", str(RATE), "-f", "f32le", "-"]
    result = subprocess.run(cmd, capture_output=True)
    if result.returncode != 0:
        raise AugmentError(f"{source}: ffmpeg failed: {result.stderr.decode(errors='replace').strip()[:300]}")
    return np.frombuffer(result.stdout, dtype=np.float32).copy()


def pink_noise(n, seed):
    white = np.random.default_rng(seed).standard_normal(n)
    spectrum = np.fft.rfft(white)
    f = np.arange(len(spectrum), dtype=np.float64)
    f[0] = 1.0
    noise = np.fft.irfft(spectrum / np.sqrt(f), n)
    return noise / (np.sqrt(np.mean(noise ** 2)) + 1e-12)


def write_wav(path, samples):
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def transform(kind, p, source, target):
    """Writes the transformed copy of `source` to `target` (a temporary name)."""
    if kind == "eq":
        t = p["tilt_db"]
        x = decode(source, [f"bass=g={t:.3f}:f=250", f"treble=g={-t:.3f}:f=3000"])
    elif kind == "pitch":
        # Resample to shift pitch (and speed) by r, then WSOLA time-stretch back to the original tempo.
        r = 2 ** (p["semitones"] / 12)
        x = decode(source, [f"aresample={RATE}", f"asetrate={RATE * r:.3f}", f"aresample={RATE}", f"atempo={1 / r:.6f}"])
    elif kind == "tempo":
        x = decode(source, [f"atempo={p['factor']:.6f}"])
    elif kind == "mp3":
        cmd = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", source, "-ac", "1", "-ar", str(RATE), "-c:a", "libmp3lame",
               "-b:a", f"{p['kbps']}k", "-f", "mp3", target]
        result = subprocess.run(cmd, capture_output=True)
        if result.returncode != 0:
            raise AugmentError(f"{source}: ffmpeg failed: {result.stderr.decode(errors='replace').strip()[:300]}")
        return
    else:
        x = decode(source, [])
    if kind == "gain":
        peak = float(np.max(np.abs(x))) if len(x) else 0.0
        gain = 10 ** (p["gain_db"] / 20)
        if gain > 1 and gain * peak > 0.999:
            gain = max(1.0, 0.999 / peak)      # boost only up to the clip's headroom
        x = x * gain
    elif kind == "noise" and len(x):
        rms = math.sqrt(float(np.mean(x.astype(np.float64) ** 2)))
        x = x + pink_noise(len(x), p["seed"]) * rms * 10 ** (-p["snr_db"] / 20)
    if len(x) == 0:
        raise AugmentError(f"{source}: no samples")
    write_wav(target, x)


SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$")


def augment_clip(kind, set_name, clip_id, source, target):
    if not SAFE_ID.match(clip_id):
        raise AugmentError(f"{set_name}: clip id '{clip_id}' is not a safe file name")
    p = parameters(kind, rng_for(kind, set_name, clip_id))
    st = os.stat(source)
    key = hashlib.sha256(f"{kind}|{sorted(p.items())}|{st.st_size}|{st.st_mtime_ns}|v2".encode()).hexdigest()
    key_path = target + ".key"
    if os.path.isfile(target) and os.path.isfile(key_path) and open(key_path).read().strip() == key:
        return p, "cached"
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tmp = f"{target}.tmp-{os.getpid()}{os.path.splitext(target)[1]}"
    try:
        transform(kind, p, source, tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    with open(key_path + ".tmp", "w") as f:
        f.write(key + "\n")
    os.replace(key_path + ".tmp", key_path)
    return p, "made"


def write_atomically(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w", newline="", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def csv_text(header, rows):
    buffer = io.StringIO()
    w = csv.writer(buffer, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buffer.getvalue()


def inside(root, relative):
    full = os.path.realpath(os.path.join(root, relative))
    if os.path.isabs(relative) or not full.startswith(os.path.realpath(root) + os.sep):
        raise AugmentError(f"{root}: '{relative}' points outside the dataset folder")
    return full


def four_quadrant_source(name, folder):
    """(clips, writer): clips = [(id, source audio)], writer(out, made) writes labels.csv for the made copies."""
    path = os.path.join(folder, "labels.csv")
    if not os.path.isfile(path):
        raise AugmentError(f"{path} not found" + (" (run training/render_midi.py first)" if name == "emopia" else ""))
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r.get("split") == "train"]
    clips = [(r["song"], inside(folder, r["audio"])) for r in rows]

    def write(out, audio_of):
        header = ["song", "quadrant", "split", "audio", "artist", "title"]
        table = [[r["song"], r["quadrant"], r["split"], audio_of[r["song"]], r.get("artist", ""), r.get("title", "")]
                 for r in rows if r["song"] in audio_of]
        write_atomically(os.path.join(out, "labels.csv"), csv_text(header, table))
    return clips, write


def mood_source(folder):
    """The MIREX-like layout (training/prepare_mirex.py): every clip is a training clip."""
    path = os.path.join(folder, "labels.csv")
    if not os.path.isfile(path):
        raise AugmentError(f"{path} not found (run training/prepare_mirex.py first)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    clips = [(r["song"], inside(folder, r["audio"])) for r in rows]

    def write(out, audio_of):
        header = ["song", "cluster", "mood", "artist", "title", "audio"]
        table = [[r["song"], r["cluster"], r["mood"], r.get("artist", ""), r.get("title", ""), audio_of[r["song"]]]
                 for r in rows if r["song"] in audio_of]
        write_atomically(os.path.join(out, "labels.csv"), csv_text(header, table))
    return clips, write


def retime(values, factor):
    """Per-second labels of audio whose tempo changed by `factor` (duration / factor): new second k <- old floor((k + 0.5)·factor)."""
    n = int(math.ceil(len(values) / factor))
    return [values[min(len(values) - 1, int(math.floor((k + 0.5) * factor)))] for k in range(n)]


def dynamic_source(folder):
    path = os.path.join(folder, "clips.csv")
    if not os.path.isfile(path):
        raise AugmentError(f"{path} not found (run training/render_midi.py first)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    clips = [(r["song_id"], inside(folder, r["audio"])) for r in rows]
    annotations = {}
    for dim in ("arousal", "valence"):
        with open(os.path.join(folder, "annotations", f"{dim}_cont_average.csv"), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            if header[1] != "sample_500ms" or any(h != f"sample_{500 + 1000 * i}ms" for i, h in enumerate(header[1:])):
                raise AugmentError(f"{folder}: {dim} annotations must be at 1 Hz from sample_500ms (the VGMIDI layout)")
            annotations[dim] = {row[0]: [x for x in row[1:] if x.strip()] for row in reader}

    def write(out, audio_of, params):
        table = [[r["song_id"], audio_of[r["song_id"]], r.get("split", ""), r.get("game", ""), r.get("title", ""), r.get("artist", "")]
                 for r in rows if r["song_id"] in audio_of]
        write_atomically(os.path.join(out, "clips.csv"), csv_text(["song_id", "audio", "split", "game", "title", "artist"], table))
        for dim, by_id in annotations.items():
            series = {}
            for song in audio_of:
                values = by_id.get(song, [])
                series[song] = retime(values, params[song]["factor"]) if "factor" in params[song] else values
            width = max((len(v) for v in series.values()), default=0)
            header = ["song_id"] + [f"sample_{500 + 1000 * i}ms" for i in range(width)]
            table = [[song] + v + [""] * (width - len(v)) for song, v in series.items()]
            write_atomically(os.path.join(out, "annotations", f"{dim}_cont_average.csv"), csv_text(header, table))
    return clips, write


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kinds", required=True, help=f"comma-separated, of: {', '.join(KINDS)}")
    p.add_argument("--sets", default="4q,emopia,vgmidi")
    p.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"))
    p.add_argument("--rendered", default=os.path.join(here, "work"), help="where render_midi.py wrote EMOPIA and VGMIDI")
    p.add_argument("--out", default=os.path.join(here, "work", "aug"))
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = p.parse_args()
    t0 = time.time()
    kinds = [k for k in args.kinds.split(",") if k]
    try:
        for k in kinds:
            if k not in KINDS:
                raise AugmentError(f"unknown kind '{k}' ({', '.join(KINDS)})")
        sources = {}
        for s in [s for s in args.sets.split(",") if s]:
            if s == "4q":
                sources[s] = ("4q",) + four_quadrant_source(s, os.path.join(args.data, "4q"))
            elif s == "emopia":
                sources[s] = ("4q",) + four_quadrant_source(s, os.path.join(args.rendered, "emopia"))
            elif s == "vgmidi":
                sources[s] = ("dynamic",) + dynamic_source(os.path.join(args.rendered, "vgmidi", "train"))
            elif s == "mirex":
                sources[s] = ("4q",) + mood_source(os.path.join(args.rendered, "mirex"))
            else:
                raise AugmentError(f"unknown set '{s}' (4q, emopia, vgmidi, mirex)")
    except AugmentError as e:
        sys.exit(f"augment: {e}")

    failures = 0
    for kind in kinds:
        for set_name, (layout, clips, write) in sources.items():
            out = os.path.join(args.out, kind, set_name)
            ext = ".mp3" if kind == "mp3" else ".wav"
            audio_of, params, counts = {}, {}, {"made": 0, "cached": 0}
            with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                futures = {pool.submit(augment_clip, kind, set_name, cid, src, os.path.join(out, "audio", cid + ext)): cid
                           for cid, src in clips}
                for future in concurrent.futures.as_completed(futures):
                    cid = futures[future]
                    try:
                        params[cid], status = future.result()
                        counts[status] += 1
                        audio_of[cid] = f"audio/{cid}{ext}"
                    except (AugmentError, OSError) as e:
                        failures += 1
                        print(f"augment: {e}", file=sys.stderr)
            audio_of = {cid: audio_of[cid] for cid, _ in clips if cid in audio_of}   # source order
            if layout == "4q":
                write(out, audio_of)
            else:
                write(out, audio_of, params)
            print(f"{kind}/{set_name}: {counts['made']} made, {counts['cached']} cached ({time.time() - t0:.0f}s) -> {out}", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
