"""Grouped cross-validation over the training splits: nothing of one group (4Q artist, EMOPIA song, VGMIDI game) is on
both sides of a fold. Every set is split into the same number of folds; fold k holds out the k-th part of every set
at once, trains on the rest of all of them, and scores each set's held-out clips."""
import numpy as np

from . import fit, metrics, moods

SIGN_SETS = ("4q", "emopia")
REGRESSION_SETS = ("vgmidi",)
MOOD_SETS = ("mirex",)


def kind_of(name):
    return "sign" if name in SIGN_SETS else "mood" if name in MOOD_SETS else "regression"


def training_clips(clips_by_set):
    """The training split of every set the model trains on."""
    out = {}
    for name in SIGN_SETS:
        out[name] = [c for c in clips_by_set.get(name, []) if c.split == "train"]
    for name in REGRESSION_SETS + MOOD_SETS:
        out[name] = list(clips_by_set.get(name, []))
    return {k: v for k, v in out.items() if v}


def assign_mood_targets(train_by_set, cfg, log=None):
    """Gives every mood-set clip its sign targets from the 4Q training clips at hand (emotrain.moods)."""
    for name in MOOD_SETS:
        if name in train_by_set and "4q" in train_by_set:
            table = moods.sign_table(train_by_set["4q"], train_by_set[name], cfg.mood_prior_clips, cfg.mood_clear_margin)
            moods.assign_targets(train_by_set[name], table, cfg.mood_clear_margin, cfg.mood_targets == "hard",
                                 dimensions=cfg.mood_dimensions.split(","))
            if log:
                clear = np.array([[not np.isnan(t) for t in c.targets] for c in train_by_set[name]]).mean(0)
                log(f"{name}: tag sign targets from {len(train_by_set['4q'])} 4Q clips; clear for {clear[0]:.0%} (arousal) / {clear[1]:.0%} (valence) of clips")


def assign_folds(clips, folds, seed):
    groups = sorted({c.group for c in clips})
    order = np.random.default_rng(seed).permutation(len(groups))
    fold_of = {groups[j]: i % folds for i, j in enumerate(order)}
    return np.array([fold_of[c.group] for c in clips])


def make_banks(train_by_set, cfg, recipe, computer, cache):
    assign_mood_targets(train_by_set, cfg)
    return {name: fit.WindowBank(clips, kind_of(name), cfg, recipe, computer, cache)
            for name, clips in train_by_set.items() if name in dict(cfg.set_shares)}


def predict_clips(heads, clips, computer, recipe, cache, label_scale=False):
    return {c.key: fit.predict(heads, fit.per_second_stats(c.base, computer, recipe, cache), label_scale) for c in clips}


def score(name, clips, per_second):
    if name in SIGN_SETS:
        return metrics.quadrant_report(clips, per_second)
    if name in MOOD_SETS:
        return metrics.mood_report(clips, per_second)
    return metrics.per_second_report(clips, per_second)


def cross_validate(clips_by_set, cfg, recipe, folds=5, seeds=(0,), cache=None, log=print):
    """Returns (per-fold reports {set: [report]}, out-of-fold per-second raw outputs {clip key: [seconds, 2]})."""
    cache = {} if cache is None else cache
    computer = fit.make_computer(cfg, recipe)
    train_sets = training_clips(clips_by_set)
    fold_ids = {name: assign_folds(clips, folds, 0) for name, clips in train_sets.items()}
    reports = {name: [] for name in train_sets}
    oof = {}
    width = None
    for k in range(folds):
        fold_train = {name: [c for c, f in zip(clips, fold_ids[name]) if f != k] for name, clips in train_sets.items()}
        held_out = {name: [c for c, f in zip(clips, fold_ids[name]) if f == k] for name, clips in train_sets.items()}
        banks = make_banks(fold_train, cfg, recipe, computer, cache)
        width = next(iter(banks.values())).stats.shape[1]
        heads = [fit.train(banks, cfg, width, seed) for seed in seeds]
        if any(n in MOOD_SETS for n in held_out):
            # The held-out mood clips are scored against targets from this fold's 4Q training clips.
            for n in MOOD_SETS:
                if n in held_out and "4q" in fold_train:
                    table = moods.sign_table(fold_train["4q"], held_out[n] + fold_train[n], cfg.mood_prior_clips, cfg.mood_clear_margin)
                    moods.assign_targets(held_out[n], table, cfg.mood_clear_margin, True)
        for name, clips in held_out.items():
            predictions = predict_clips(heads, clips, computer, recipe, cache)
            oof.update(predictions)
            if name in REGRESSION_SETS:
                predictions = predict_clips(heads, clips, computer, recipe, cache, label_scale=True)
            reports[name].append(score(name, clips, predictions))
        log(f"fold {k + 1}/{folds}: " + summary_line({n: r[-1:] for n, r in reports.items()}))
    return reports, oof


def headline(name, report):
    if name in MOOD_SETS:
        return {"arousalSign": report["arousalSignAccuracy"], "valenceSign": report["valenceSignAccuracy"]}
    if name in SIGN_SETS:
        return {"macroF1": report["macroF1"], "arousalSign": report["arousalSignAccuracy"], "valenceSign": report["valenceSignAccuracy"]}
    return {"arousalRmse": report["arousal"]["rmse"], "arousalR": report["arousal"]["pearson"],
            "valenceRmse": report["valence"]["rmse"], "valenceR": report["valence"]["pearson"],
            "baselineArousalRmse": report["baselineMean"]["arousal"]["rmse"],
            "baselineValenceRmse": report["baselineMean"]["valence"]["rmse"]}


def summarise(reports):
    """{set: {metric: {"mean", "sd", "folds"}}} over the folds."""
    out = {}
    for name, rs in reports.items():
        values = [headline(name, r) for r in rs]
        out[name] = {m: {"mean": float(np.mean([v[m] for v in values])), "sd": float(np.std([v[m] for v in values], ddof=1)) if len(values) > 1 else 0.0,
                         "folds": [float(v[m]) for v in values]} for m in values[0]}
    return out


def summary_line(reports):
    parts = []
    for name, s in summarise({n: r for n, r in reports.items() if r}).items():
        parts.append(name + " " + " ".join(f"{m} {v['mean']:.3f}" + (f"±{v['sd']:.3f}" if len(v["folds"]) > 1 else "")
                                           for m, v in s.items() if not m.startswith("baseline")))
    return " | ".join(parts)
