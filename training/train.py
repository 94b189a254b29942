#!/usr/bin/python3
"""Trains MusicEmotion's shipped emotion model (v2) and writes it as ONNX plus its model card.

Run with Debian's python (python3-torch python3-onnx python3-numpy; libopenblas0 makes it fast); see
training/README.md and training/rebuild-model.sh, which runs every step:

    /usr/bin/python3 training/train.py --data training/work/dataset [--data training/work/dataset-aug] \\
        --label-stats ../shared/data/emomusic/annotations --out src/MusicEmotion.Inference/ShippedModel

The features are never computed here: `mer dataset export` writes exactly what the library computes at inference
(recipe.json), so training and inference cannot drift apart. Steps:

1. Grouped 5-fold cross-validation of the configuration over the training splits of 4Q, EMOPIA and VGMIDI
   (emotrain.crossval): mean ± sd per set for the card, and out-of-fold outputs for the calibration.
2. The ensemble: one head per seed trained on all the training splits (emotrain.fit).
3. Calibration to the labels' continuous scale (emotrain.calibration) and the card's default smoothing: among the
   candidate half-windows that keep the dynamics on joins of 4Q train clips (emotrain.dynamics), the one with the
   lowest out-of-fold per-second RMSE on VGMIDI train.
4. The val splits (4Q, EMOPIA, VGMIDI) and the emoMusic clips are scored once, at the end, for the card;
   `mer eval` measures them again through the library (training/record_metrics.py puts those figures in the card).
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emotrain import calibration, crossval, data, dynamics, fit, metrics  # noqa: E402
from emotrain.windows import frame_rate, second_starts  # noqa: E402
from emotrain.model import Ensemble  # noqa: E402

# The configuration chosen by cross-validation (docs/model.md, "Ablations"); every field can be overridden.
CHOSEN = dict(window_seconds=8.0, regression_affine=True, key_features=True, steps=6000, augmentations=("pitch",),
              regression_offset=False, regression_offset_value=0.045, calibration_spread="correlation")


# What each data set is and the terms it comes under (the card lists those the model was trained or calibrated on).
DATASET_TERMS = {
    "4q": {"name": "4Q audio emotion dataset (Panda, Malheiro & Paiva, IEEE TAFFC 2018)", "use": "training (train split)",
           "what": "30-s AllMusic clips of commercial recordings with Russell-quadrant labels derived from AllMusic mood tags",
           "terms": "research dataset; the recordings stay under their owners' copyright"},
    "mirex": {"name": "MIREX-like mood dataset (Panda, Malheiro, Rocha et al., CMMR 2013)", "use": "training",
              "what": "30-s AllMusic clips of commercial recordings with MIREX mood clusters and AllMusic mood tags",
              "terms": "research dataset; the recordings stay under their owners' copyright"},
    "emopia": {"name": "EMOPIA (Hung et al., ISMIR 2021)", "use": "training (train split), rendered from MIDI with FluidSynth",
               "what": "pop-piano MIDI transcriptions with quadrant labels", "terms": "CC BY-NC-SA 4.0 (non-commercial, share-alike)"},
    "vgmidi": {"name": "VGMIDI (Ferreira & Whitehead, ISMIR 2019)", "use": "training (train split), rendered from MIDI with FluidSynth",
               "what": "piano arrangements of video-game music with per-second arousal/valence annotations",
               "terms": "research dataset; the arrangements are of commercial game music"},
    "emomusic": {"name": "Emotion in Music / 1000 songs (Soleymani et al., MediaEval 2013)", "use": "calibration (song-level label statistics) and checks",
                 "what": "Free Music Archive excerpts with continuous arousal/valence annotations",
                 "terms": "annotations for research; the audio under its Creative Commons licences"},
    "reference": {"name": "Emotify (Aljanaki, Wiering & Veltkamp 2016)", "use": "calibration (unlabelled audio statistics)",
                  "what": "60-s excerpts of classical, rock, electronic and pop music", "terms": "research dataset"},
}


def parse_overrides(pairs):
    return fit.parse_config(pairs, dataclasses.replace(fit.Config(), **CHOSEN))


def per_second(heads, clips, computer, recipe, cache):
    """Raw per-second outputs of the ensemble's heads for every clip."""
    return crossval.predict_clips(heads, clips, computer, recipe, cache)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", action="append", required=True, help="an export folder (`mer dataset export`); repeatable")
    p.add_argument("--label-stats", required=True, help="emoMusic/DEAM annotations folder (*_cont_average.csv): the target song-level statistics")
    p.add_argument("--out", required=True, help="where to write emotion-model.onnx and emotion-model.card.json")
    p.add_argument("--config", nargs="*", action="extend", default=[], help="key=value overrides of the chosen configuration (emotrain.fit.Config); repeatable")
    p.add_argument("--seeds", default="0,1,2,3,4", help="the ensemble's seeds")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--smoothing-candidates", default="0,1,2,3", help="half-windows (s) the card's default smoothing is chosen from")
    p.add_argument("--name", default="musicemotion-av")
    p.add_argument("--stem", default="emotion-model", help="file names in --out: <stem>.onnx and <stem>.card.json (the shipped note-aware model: emotion-model-notes)")
    p.add_argument("--version", default="2.1.0")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--metrics-only", action="store_true", help="train and report, write nothing (ablations)")
    p.add_argument("--training-side-only", action="store_true",
                   help="stop after the training-side figures (CV, calibration, smoothing), writing no model; no val split or check clip is scored")
    p.add_argument("--dump-outputs", help="also write the raw outputs (out-of-fold on the training splits, the ensemble's on "
                                          "the reference set) with the calibration to this pickle, for training/diagnose_calibration.py")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    seeds = [int(s) for s in args.seeds.split(",")]
    cfg = parse_overrides(args.config)
    log = lambda message: print(f"[{time.time() - t0:5.0f}s] {message}", flush=True)  # noqa: E731
    log(f"config: {cfg}")
    if cfg.calibration_spread not in ("songs", "correlation"):
        sys.exit(f"calibration_spread must be songs or correlation, not '{cfg.calibration_spread}'")

    clips, recipe = data.load_exports(args.data, cfg.note_features)
    if "noteColumns" in recipe and not (args.metrics_only or args.training_side_only):
        sys.exit("note_features names single columns: a model card can name whole kinds only (notes, harmony, melody); "
                 "use kinds, or --metrics-only / --training-side-only for an ablation")
    train_sets = crossval.training_clips(clips)
    val_sets = {"4q": [c for c in clips.get("4q", []) if c.split == "val"],
                "emopia": [c for c in clips.get("emopia", []) if c.split == "val"],
                "vgmidi": list(clips.get("vgmidi-val", [])),
                "emomusic": list(clips.get("emomusic", []))}
    reference = list(clips.get("reference", []))
    if "4q" not in train_sets or not reference:
        sys.exit("the export needs the 4Q train split and a reference set (mer dataset export --4q ... --reference ...)")
    log("clips: " + ", ".join(f"{n} train {len(c)}" for n, c in train_sets.items()) + ", "
        + ", ".join(f"{n} check {len(c)}" for n, c in val_sets.items() if c) + f", reference {len(reference)}")
    augmented = sorted({v.augmentation for cs in train_sets.values() for c in cs for v in c.views if v.augmentation})
    log(f"augmented views available: {augmented or 'none'}; used: {list(cfg.augmentations) or 'none'}")
    missing = [k for k in cfg.augmentations if k not in augmented]
    if missing:
        sys.exit(f"the configuration trains on augmented views {missing} that the export lacks: export them "
                 "(training/augment.py, then --4q 4q@<kind>=... etc.) or pass --config augmentations=")

    # 1. Cross-validation: figures per set and out-of-fold outputs.
    cache = {}
    reports, oof = crossval.cross_validate(clips, cfg, recipe, folds=args.folds, seeds=[seeds[0]], cache=cache, log=log)
    cv_summary = crossval.summarise(reports)
    log("cross-validation: " + crossval.summary_line(reports))

    # 2. The ensemble on every training split.
    computer = fit.make_computer(cfg, recipe)
    banks = crossval.make_banks(train_sets, cfg, recipe, computer, cache)
    width = next(iter(banks.values())).stats.shape[1]
    heads = [fit.train(banks, cfg, width, s) for s in seeds]
    log(f"trained {len(heads)} heads")

    # 3. Calibration.
    target = data.label_statistics(args.label_stats)
    ref_out = per_second(heads, reference, computer, recipe, cache)
    ref_means = np.array([ref_out[c.key].mean(0) for c in reference])
    vg = train_sets.get("vgmidi", [])
    scale, offset, cal = [1.0, 1.0], [0.0, 0.0], {}
    for d, dim in enumerate(("arousal", "valence")):
        u, l = [], []
        for c in vg:
            o = oof[c.key]
            n = min(len(o), len(c.base.labels))
            ok = ~np.isnan(c.base.labels[:n, d])
            u.append(o[:n, d][ok])
            l.append(c.base.labels[:n, d][ok])
        u, l = np.concatenate(u), np.concatenate(l)
        sign_sets = {name: (np.array([oof[c.key][:, d].mean() for c in cs]), np.array([c.signs[d] for c in cs]))
                     for name, cs in train_sets.items() if name in crossval.SIGN_SETS}
        rho = calibration.correlation_from_sign_accuracy(calibration.sign_accuracy(*sign_sets["4q"], 0.0)) \
            if cfg.calibration_spread == "correlation" else 1.0
        a, b = calibration.fit_affine(u, l, float(ref_means[:, d].mean()), float(ref_means[:, d].std()),
                                      target[dim]["mean"], rho * target[dim]["std"])
        kept_b, fraction, accuracy = calibration.limit_offset(a, b, sign_sets)
        scale[d], offset[d] = a, kept_b
        cal[dim] = {"vgmidiSeconds": int(len(u)), "referenceClipMeanOfMeans": float(ref_means[:, d].mean()),
                    "referenceClipMeanStd": float(ref_means[:, d].std()), "targetSongMean": target[dim]["mean"],
                    "targetSongStd": target[dim]["std"], "spreadCorrelation": rho, "targetSongs": target[dim]["songs"], "fittedScale": a, "fittedOffset": b,
                    "offsetKept": fraction, "outOfFoldSignAccuracy": accuracy}
        log(f"{dim}: y = {a:.4f}·u + {kept_b:+.4f} (spread target {rho:.2f}·σ; fitted offset {b:+.4f}, {fraction:.0%} kept); OOF sign accuracy {accuracy}")

    def mapped(raw):
        return np.clip(np.array(offset) + np.array(scale) * raw, -1, 1)

    # Default smoothing: among the candidate half-windows that keep the dynamics on joins of 4Q *train* clips (median
    # 20->80 % rise at most 5 s and at least 90 % of the unsmoothed contrast, 1 s and 10 points inside the bars), the
    # one with the lowest out-of-fold per-second RMSE on VGMIDI train.
    candidates = [int(h) for h in args.smoothing_candidates.split(",") if h.strip()]
    joins = dynamics.pair(train_sets["4q"])
    curves = join_curves(heads, joins, computer, recipe, mapped)
    smoothing_choice = {}
    for h in candidates:
        smoothed = {c.key: np.stack([calibration.moving_average(mapped(oof[c.key])[:, d], h) for d in range(2)], axis=1) for c in vg}
        r = metrics.per_second_report(vg, smoothed)
        dyn = dynamics.summarise(curves, joins, lambda curve: calibration.moving_average(curve, h))
        smoothing_choice[h] = {"vgmidiOutOfFoldRmse": [r["arousal"]["rmse"], r["valence"]["rmse"]], "trainJoins": dyn,
                               "keepsDynamics": bool(dyn["medianRiseTimeSeconds"] <= 5.0 and dyn["contrastRetained"] >= 0.9)}
        log(f"smoothing ±{h} s: OOF VGMIDI RMSE {r['arousal']['rmse']:.4f}/{r['valence']['rmse']:.4f}; 4Q train joins: "
            f"direction {dyn['directionRight']:.3f}, contrast {dyn['meanContrast']:.3f} ({dyn['contrastRetained']:.2f} kept), "
            f"median rise {dyn['medianRiseTimeSeconds']:.1f} s")
    allowed = [h for h in candidates if smoothing_choice[h]["keepsDynamics"]] or [0]
    half = min(allowed, key=lambda h: sum(smoothing_choice.get(h, {"vgmidiOutOfFoldRmse": [0, 0]})["vgmidiOutOfFoldRmse"]))
    log(f"default smoothing: ±{half} s")

    def calibrated(raw):
        values = mapped(raw)
        return np.stack([calibration.moving_average(values[:, d], half) for d in range(2)], axis=1)

    if args.dump_outputs:
        dump_outputs(args.dump_outputs, oof, train_sets, ref_out, scale, offset, target)
        log(f"wrote the raw outputs to {args.dump_outputs}")
    if args.training_side_only:
        log("done (training side only: no val split or check clip scored)")
        return

    # 4. The checks (val splits, emoMusic): once, at the end.
    results = {}
    for name, cs in val_sets.items():
        if not cs:
            continue
        out = {k: calibrated(v) for k, v in per_second(heads, cs, computer, recipe, cache).items()}
        results[name] = metrics.quadrant_report(cs, out, "val") if name in crossval.SIGN_SETS else metrics.per_second_report(cs, out)
    card_metrics = {}
    if "4q" in results:
        card_metrics["fourQuadrant"] = results["4q"]
    if "emomusic" in results:
        card_metrics["perSecond"] = results["emomusic"]
    if "emopia" in results:
        card_metrics["emopia"] = results["emopia"]
    if "vgmidi" in results:
        card_metrics["vgmidi"] = results["vgmidi"]
    print(json.dumps(card_metrics, indent=1), flush=True)
    log("done")
    if args.metrics_only:
        return

    # Export.
    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, f"{args.stem}.onnx")
    ensemble = Ensemble(computer.scales, heads).eval()
    example = torch.tensor(np.stack([train_sets["4q"][0].base.features()[:computer.scales[0]]] * 2))
    tmp = onnx_path + ".tmp"
    torch.onnx.export(ensemble, example, tmp, input_names=["features"], output_names=["arousal_valence"],
                      dynamic_axes={"features": {0: "batch", 1: "frames"}, "arousal_valence": {0: "batch"}},
                      opset_version=17, do_constant_folding=True)
    import onnx  # noqa: E402  (python3-onnx)
    onnx.checker.check_model(onnx.load(tmp))
    os.replace(tmp, onnx_path)
    check_export(ensemble, train_sets["4q"][0], computer, recipe, cache)
    card = {
        "formatVersion": 1,
        "name": args.name,
        "version": args.version,
        "description": "Per-second arousal and valence from a window-statistics MLP ensemble over log-mel and music descriptors"
                       + (f" and the {' and '.join(k for k in recipe['kinds'] if k in data.NOTE_KINDS)} features of a note transcription (MusicEmotion.Notes)"
                          if any(k in data.NOTE_KINDS for k in recipe["kinds"]) else "") + ", "
                       "trained jointly on 4Q and EMOPIA clip quadrants and VGMIDI per-second labels, calibrated to the labels' "
                       "continuous scale (VGMIDI curves, emoMusic song statistics).",
        "features": recipe,
        "window": {"seconds": cfg.window_seconds, "hopSeconds": 1.0, "batchSize": 64},
        "input": {"name": "features", "layout": "batch,frames,features"},
        "output": {"names": ["arousal_valence"], "order": ["arousal", "valence"],
                   "mapping": {"kind": "affine", "scale": scale, "offset": offset},
                   "smoothing": {"halfWindowSeconds": half, "deviationScale": [0.0, 0.0]} if half > 0 else None},
        "training": {
            "architecture": f"per window: mean, std and mean |diff| of every feature column at scales {computer.scales} frames"
                            + (" + key-profile features" if cfg.key_features else "")
                            + f" -> BatchNorm -> Linear({cfg.hidden}) -> ReLU -> Linear(2); {len(heads)} seeds averaged",
            "config": dataclasses.asdict(cfg),
            "seeds": seeds,
            "data": {name: {"clips": len(cs), "labels": "quadrant -> sign" if name in crossval.SIGN_SETS
                                                      else "mood tag -> sign shares of 4Q train clips with that tag" if name in crossval.MOOD_SETS
                                                      else "per-second arousal/valence"}
                     for name, cs in train_sets.items()},
            "datasets": [DATASET_TERMS[name] for name in list(train_sets) + ["emomusic", "reference"] if name in DATASET_TERMS],
            "crossValidation": {"folds": args.folds, "groups": "4Q artist, EMOPIA song, VGMIDI game, MIREX artist", "summary": cv_summary},
            "calibration": cal,
            "smoothing": {"rule": "lowest out-of-fold VGMIDI train RMSE among half-windows keeping 4Q-train-join dynamics "
                                  "(median rise <= 5 s, contrast retained >= 0.9)",
                          "candidates": {str(h): v for h, v in smoothing_choice.items()}, "chosen": half},
            "command": "training/rebuild-model.sh (see training/README.md)",
            "trainingSeconds": round(time.time() - t0, 1),
            "metricsComputedBy": "training/train.py, then replaced by `mer eval` figures (training/record_metrics.py)",
        },
        "metrics": card_metrics,
    }
    card_path = os.path.join(args.out, f"{args.stem}.card.json")
    with open(card_path + ".tmp", "w") as f:
        json.dump(card, f, indent=2, default=json_scalar)
    os.replace(card_path + ".tmp", card_path)
    log(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1024:.0f} KiB) and {card_path}")


def dump_outputs(path, oof, train_sets, reference_outputs, scale, offset, target):
    """Training-side raw outputs for diagnosis (no val split): per clip its out-of-fold per-second output, signs and labels."""
    import pickle
    train = {name: [{"key": c.key, "signs": c.signs, "labels": c.base.labels, "outOfFold": oof[c.key]} for c in cs]
             for name, cs in train_sets.items()}
    with open(path + ".tmp", "wb") as f:
        pickle.dump({"train": train, "reference": reference_outputs, "scale": scale, "offset": offset, "target": target}, f)
    os.replace(path + ".tmp", path)


def json_scalar(value):
    """NumPy scalars (the figures computed with NumPy) as plain JSON numbers and booleans."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def join_curves(heads, joins, computer, recipe, mapped):
    """Calibrated, unsmoothed per-second arousal of every join (the two clips' features one after the other)."""
    sr = recipe["settings"]["sampleRate"]
    curves = []
    for first, second, _ in joins:
        a, b = first.base, second.base
        m = np.concatenate([a.features(), b.features()])
        seconds = (a.samples + b.samples + sr - 1) // sr
        starts, length = second_starts(len(m), computer.scales[0], frame_rate(recipe), seconds)
        curves.append((mapped(fit.predict(heads, computer.compute(m, starts, length)))[:, 0], a.samples / sr))
        a.release()
        b.release()
    return curves


def check_export(ensemble, clip, computer, recipe, cache):
    """The traced graph (what the ONNX file holds) and training's precomputed statistics must agree, on full windows
    and on audio shorter than a window (where the graph's centred sub-windows follow the input's frame count)."""
    m = clip.base.features()
    starts, length = second_starts(len(m), computer.scales[0], frame_rate(recipe), 3)
    with torch.no_grad():
        traced = torch.jit.trace(ensemble, torch.tensor(np.stack([m[:length]] * 2)))
        full = traced(torch.tensor(np.stack([m[s:s + length] for s in starts]))).numpy()
        short = traced(torch.tensor(m[None, :100])).numpy()
    pre_full = fit.predict(list(ensemble.heads), computer.compute(m, starts, length))
    pre_short = fit.predict(list(ensemble.heads), computer.compute(m[:100], np.array([0]), 100))
    if not (np.allclose(full, pre_full, atol=1e-4) and np.allclose(short, pre_short, atol=1e-4)):
        sys.exit(f"the exported graph disagrees with training's statistics: {full} vs {pre_full}; {short} vs {pre_short}")


if __name__ == "__main__":
    main()
