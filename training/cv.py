#!/usr/bin/python3
"""Model selection: grouped 5-fold cross-validation of one training configuration over the training splits.

    /usr/bin/python3 training/cv.py --data training/work/dataset [--data training/work/aug-export] \\
        [--config window_seconds=8 scales_seconds=3 hidden=64 augmentations=gain,mp3 ...] [--json result.json]

Prints, per fold and in total, mean ± sd per set: 4Q and EMOPIA macro-F1 and sign accuracies (clip mean of the
raw per-second outputs, threshold 0) and VGMIDI per-second RMSE and Pearson r (raw outputs, which are trained on
the labels' scale). The val splits are never read here. Every configuration field of emotrain.fit.Config can be set.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")    # one BLAS thread: the 2-core machine is shared
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emotrain import crossval, data, fit  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", action="append", required=True, help="an export folder (`mer dataset export`); repeatable")
    p.add_argument("--config", nargs="*", default=[], help="key=value overrides of emotrain.fit.Config")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seeds", default="0")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--json", help="write the per-fold and summary figures here")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    cfg = fit.parse_config(args.config)
    clips, recipe = data.load_exports(args.data, cfg.note_features)
    print(f"config: {cfg}", flush=True)
    reports, _ = crossval.cross_validate(clips, cfg, recipe, folds=args.folds, seeds=[int(s) for s in args.seeds.split(",")])
    summary = crossval.summarise(reports)
    print("cv: " + crossval.summary_line(reports), flush=True)
    print(f"total {time.time() - t0:.0f}s", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"config": dataclasses.asdict(cfg), "summary": summary, "seconds": round(time.time() - t0, 1)}, f, indent=1)


if __name__ == "__main__":
    main()
