"""From the network's raw outputs to the continuous [-1, 1] scale the labels use, learned from continuous labels.

Per dimension, y = a·u + b:

* a and b are the least-squares fit of two kinds of evidence at once: every per-second label of VGMIDI train
  against the out-of-fold output of its second (piano, ~15,000 seconds), and the two moments of the 744 emoMusic
  songs' label means (mean and spread) against the same moments of the clip-mean outputs on an unlabelled
  reference population of ordinary music (Emotify). The VGMIDI rows are weighted 1/N, so the per-second squared
  error and each moment's squared error count alike.
* The spread target is not the songs' spread σ itself but ρ·σ, the spread a least-squares predictor has when its
  correlation with the labels is ρ (matching σ would add the unexplained variance back as error). ρ is estimated
  from the 4Q train out-of-fold clip sign accuracy p: for a bivariate normal, p = 1/2 + arcsin(ρ)/π
  (`correlation_from_sign_accuracy`).
* The neutral point (u = -b/a) is where 4Q and EMOPIA draw their quadrant boundaries only if b = 0. When the fitted
  b moves it, b is pulled back toward 0 as far as needed for every sign set's out-of-fold clip sign accuracy
  (training split) to stay within one point of its accuracy at u = 0.
"""
import numpy as np


def fit_affine(u, labels, reference_mean, reference_std, target_mean, target_std):
    """Least squares for (a, b): rows a·u_t + b ≈ l_t (weight 1/N each), a·m_ref + b ≈ μ, a·s_ref ≈ σ."""
    n = len(u)
    w = 1.0 / np.sqrt(n)
    rows = [np.column_stack([u * w, np.full(n, w)]), np.array([[reference_mean, 1.0], [reference_std, 0.0]])]
    targets = [labels * w, np.array([target_mean, target_std])]
    (a, b), *_ = np.linalg.lstsq(np.concatenate(rows), np.concatenate(targets), rcond=None)
    return float(a), float(b)


def correlation_from_sign_accuracy(accuracy):
    """ρ of a bivariate normal whose two variables agree in sign with probability `accuracy` (0.5 → 0, 1 → 1)."""
    return float(np.sin(np.pi * (min(max(accuracy, 0.5), 1.0) - 0.5)))


def sign_accuracy(clip_means, signs, threshold):
    return float(np.mean((clip_means > threshold) == (signs > 0)))


def limit_offset(a, b, sign_sets, tolerance=0.01, steps=40):
    """Largest fraction λ ∈ [0, 1] of b (scanned up from 0) keeping every set's sign accuracy within `tolerance` of λ = 0.

    sign_sets: {name: (clip mean outputs u, signs ±1)}. Returns (λ·b, λ, {name: (accuracy at 0, accuracy at the neutral)}).
    """
    base = {name: sign_accuracy(m, s, 0.0) for name, (m, s) in sign_sets.items()}
    chosen = 0.0
    for lam in np.linspace(0.0, 1.0, steps + 1)[1:]:
        neutral = -lam * b / a
        if all(sign_accuracy(m, s, neutral) >= base[name] - tolerance for name, (m, s) in sign_sets.items()):
            chosen = float(lam)
        else:
            break
    neutral = -chosen * b / a
    report = {name: {"atZero": base[name], "atNeutral": sign_accuracy(m, s, neutral)} for name, (m, s) in sign_sets.items()}
    return chosen * b, chosen, report


def moving_average(values, half):
    """TemporalSmoother with deviation scale 0: mean of the seconds i-half..i+half that exist."""
    if half <= 0:
        return values
    n = len(values)
    c = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    i = np.arange(n)
    lo = np.maximum(0, i - half)
    hi = np.minimum(n, i + half + 1)
    return (c[hi] - c[lo]) / (hi - lo)
