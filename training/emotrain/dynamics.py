"""`mer eval dynamics` on exported features, for choosing the card's default smoothing without touching val.

Joins are paired as JoinPairing.cs pairs them (low- and high-arousal clips in id order, rising then falling); a
join's features are the two clips' feature matrices one after the other (the few STFT frames that straddle the
join in real audio are the only difference); the step response is StepResponse.cs's (plateaus 5-10 s from the join,
20 -> 80 % rise time from the last upward crossing of 20 % before the first crossing of 80 %).
"""
import math

import numpy as np

INNER, OUTER = 5.0, 10.0


def pair(clips):
    low = sorted((c for c in clips if c.signs[0] < 0), key=lambda c: c.id)
    high = sorted((c for c in clips if c.signs[0] > 0), key=lambda c: c.id)
    n = min(len(low), len(high))
    return [(low[i], high[i], +1) for i in range(n)] + [(high[i], low[(i + 1) % n], -1) for i in range(n)]


def step_response(curve, join, sign):
    """(contrast, rise seconds or None); None when a side has no plateau value."""
    t = np.arange(len(curve)) + 0.5
    before = curve[(t >= join - OUTER) & (t <= join - INNER)]
    after = curve[(t >= join + INNER) & (t <= join + OUTER)]
    if len(before) == 0 or len(after) == 0:
        return None
    a, b = float(before.mean()), float(after.mean())
    contrast = sign * (b - a)
    if contrast <= 0:
        return contrast, None
    first = max(0, int(math.ceil(join - OUTER - 0.5)))
    last = min(len(curve) - 1, int(math.floor(join + OUTER - 0.5)))
    p = (curve - a) / (b - a)
    reach = next((i for i in range(first, last + 1) if p[i] >= 0.8), None)
    if reach is None:
        return contrast, None

    def crossing(i, level):
        if i == first:
            return i + 0.5
        p0, p1 = p[i - 1], p[i]
        f = 1.0 if p1 == p0 else min(1.0, max(0.0, (level - p0) / (p1 - p0)))
        return i - 0.5 + f

    t80 = crossing(reach, 0.8)
    t20 = first + 0.5
    for i in range(reach, first, -1):
        if p[i - 1] < 0.2 <= p[i]:
            t20 = crossing(i, 0.2)
            break
    return contrast, max(0.0, t80 - t20)


def median_rise(rises):
    r = sorted(x if x is not None else math.inf for x in rises)
    if not r:
        return math.inf
    m = r[len(r) // 2] if len(r) % 2 else (r[len(r) // 2 - 1] + r[len(r) // 2]) / 2
    return m


def summarise(curves_by_join, joins, smooth):
    """curves_by_join: per join, the unsmoothed arousal curve and the join time. smooth: curve -> smoothed curve."""
    out, raw = [], []
    for (curve, join), (_, _, sign) in zip(curves_by_join, joins):
        r0 = step_response(curve, join, sign)
        r1 = step_response(smooth(curve), join, sign)
        if r0 is None or r1 is None:
            continue
        raw.append(r0)
        out.append(r1)
    contrast_raw = float(np.mean([c for c, _ in raw]))
    contrast = float(np.mean([c for c, _ in out]))
    return {"joins": len(out), "directionRight": float(np.mean([c > 0 for c, _ in out])), "meanContrast": contrast,
            "contrastRetained": contrast / contrast_raw if contrast_raw else math.nan,
            "medianRiseTimeSeconds": median_rise([r for _, r in out])}
