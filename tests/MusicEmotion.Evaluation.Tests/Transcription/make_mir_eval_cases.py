#!/usr/bin/python3
"""Writes mir_eval_cases.json: random note sets scored by mir_eval itself (Debian's python3-mir-eval), for
NoteMatchingTests. Run with Debian's Python (apt-get install python3-mir-eval):

    /usr/bin/python3 tests/MusicEmotion.Evaluation.Tests/Transcription/make_mir_eval_cases.py

Times are drawn on a 5 ms grid half the time, so many distances fall exactly on the 50 ms tolerance, where float
rounding decides unless the distances are rounded as mir_eval rounds them."""
import json
import os
import numpy as np
import mir_eval


def hz(pitches):
    return 440.0 * 2.0 ** ((np.asarray(pitches, dtype=float) - 69) / 12)


def case(rng, n_ref, grid):
    def t(x):
        return np.round(x / 0.005) * 0.005 if grid else x
    onsets = np.sort(t(rng.uniform(0.2, 10, n_ref)))
    durations = t(rng.choice([rng.uniform(0.02, 0.3), rng.uniform(0.1, 2.0)], n_ref)) + 0.005
    pitches = rng.integers(55, 67, n_ref)  # a narrow range: many notes share a pitch, so matchings compete
    ref = [(float(o), float(o + d), int(p)) for o, d, p in zip(onsets, durations, pitches)]
    est = []
    for o, f, p in ref:
        if rng.random() < 0.15:
            continue  # missed
        copies = 2 if rng.random() < 0.1 else 1  # re-struck
        for _ in range(copies):
            q = p + (rng.choice([-12, 12, 1]) if rng.random() < 0.1 else 0)
            shift = t(rng.normal(0, 0.035))
            end = f + t(rng.normal(0, 0.08))
            start = max(0.0, o + shift)
            est.append((float(start), float(max(start + 0.005, end)), int(q)))
    for _ in range(rng.integers(0, 6)):  # spurious
        o = t(rng.uniform(0, 10))
        est.append((float(o), float(o + 0.2), int(rng.integers(55, 67))))
    return ref, est


def score(ref, est, offset_ratio):
    ri = np.array([[a, b] for a, b, _ in ref]).reshape(-1, 2)
    ei = np.array([[a, b] for a, b, _ in est]).reshape(-1, 2)
    rp = hz([p for *_, p in ref])
    ep = hz([p for *_, p in est])
    matched = len(mir_eval.transcription.match_notes(ri, rp, ei, ep, offset_ratio=offset_ratio)) if len(ref) and len(est) else 0
    p, r, f, _ = mir_eval.transcription.precision_recall_f1_overlap(ri, rp, ei, ep, offset_ratio=offset_ratio)
    return {"matched": matched, "precision": p, "recall": r, "f1": f}


def main():
    rng = np.random.default_rng(17)
    cases = []
    for i in range(60):
        ref, est = case(rng, int(rng.integers(1, 60)), grid=i % 2 == 0)
        cases.append({"reference": ref, "estimated": est, "onset": score(ref, est, None), "withOffset": score(ref, est, 0.2)})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mir_eval_cases.json")
    with open(out, "w") as f:
        json.dump({"generator": f"make_mir_eval_cases.py, mir_eval {mir_eval.__version__}, seed 17", "cases": cases}, f, indent=None)
        f.write("\n")
    print(f"wrote {out}: {len(cases)} cases, {sum(len(c['reference']) for c in cases)} reference notes")


if __name__ == "__main__":
    main()
