#!/usr/bin/python3
"""Puts the figures `mer eval` measured (through the library's decoding, features, windows and ONNX Runtime) into the
model card's `metrics`, replacing training's own estimates, so the card records what users get and the CI regression
test (tests/MusicEmotion.Evaluation.Tests/ShippedModel) compares fresh evaluations with them.

    /usr/bin/python3 training/record_metrics.py --card <card.json> --main <eval.json> [--emopia <eval.json>] \\
        [--vgmidi <eval.json>] [--dynamics <dynamics.json>]

--main is `mer eval model --4q ../shared/data/4q --split val --dynamic ../shared/data/emomusic --json ...`
(fourQuadrant = 4Q val, perSecond = emoMusic); --emopia its `--4q training/work/emopia --split val` run;
--vgmidi its `--dynamic training/work/vgmidi/val` run; --dynamics `mer eval dynamics --4q ../shared/data/4q --split val`.
"""
import argparse
import json
import os
import sys


def read(path):
    with open(path) as f:
        return json.load(f)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--card", required=True)
    p.add_argument("--main", required=True)
    p.add_argument("--emopia")
    p.add_argument("--vgmidi")
    p.add_argument("--dynamics")
    args = p.parse_args()
    card = read(args.card)
    main_report = read(args.main)
    if "fourQuadrant" not in main_report or "perSecond" not in main_report:
        sys.exit(f"{args.main}: expected both fourQuadrant and perSecond (mer eval model --4q ... --dynamic ...)")
    metrics = {"measuredBy": "mer eval (the library's inference path)", "smoothing": main_report.get("smoothing"),
               "fourQuadrant": main_report["fourQuadrant"], "perSecond": main_report["perSecond"]}
    if args.emopia:
        metrics["emopia"] = read(args.emopia)["fourQuadrant"]
    if args.vgmidi:
        metrics["vgmidi"] = read(args.vgmidi)["perSecond"]
    if args.dynamics:
        d = read(args.dynamics)
        metrics["dynamics"] = {k: d[k] for k in ("split", "smoothing", "innerMarginSeconds", "outerMarginSeconds", "joins",
                                                 "output", "unsmoothed", "contrastRetained")}
    card.setdefault("training", {})["trainingScriptMetrics"] = card.get("metrics")
    card["metrics"] = metrics
    tmp = args.card + ".tmp"
    with open(tmp, "w") as f:
        json.dump(card, f, indent=2)
    os.replace(tmp, args.card)
    print(f"recorded mer's figures in {args.card}")


if __name__ == "__main__":
    main()
