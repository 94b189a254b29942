#!/usr/bin/python3
"""Golden fixtures for MusicEmotion.Features tests.

Independent numpy/scipy re-implementation of librosa 0.10's published formulas (no librosa needed):
mel_frequencies / filters.mel (Slaney & HTK), stft (centred, zero padding, periodic Hann), power_to_db and
feature.mfcc (DCT-II, norm='ortho'). Run with: /usr/bin/python3 generate_golden.py  (writes .npy files beside it).
"""
import os

import numpy as np
import scipy.fft

HERE = os.path.dirname(os.path.abspath(__file__))
SR = 22050


def hz_to_mel(f, htk):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m, htk):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_filters(sr, n_fft, n_mels, fmin=0.0, fmax=None, htk=False, norm="slaney"):
    fmax = sr / 2.0 if fmax is None else fmax
    fftfreqs = np.linspace(0, sr / 2.0, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fftfreqs[None, :]
    weights = np.zeros((n_mels, 1 + n_fft // 2))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    if norm == "slaney":
        weights *= (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, None]
    return weights.astype(np.float32)


def power_stft(y, n_fft=2048, hop=512):
    y = np.pad(y.astype(np.float64), n_fft // 2, mode="constant")
    n_frames = 1 + (len(y) - n_fft) // hop
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)  # periodic Hann
    frames = np.stack([y[t * hop:t * hop + n_fft] * window for t in range(n_frames)])
    return np.abs(np.fft.rfft(frames, axis=1)) ** 2  # frames x bins


def power_to_db(s, ref=1.0, amin=1e-10, top_db=80.0):
    log_spec = 10.0 * np.log10(np.maximum(amin, s)) - 10.0 * np.log10(np.maximum(amin, ref))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def test_signal():
    rng = np.random.default_rng(20260101)
    t = np.arange(2 * SR) / SR
    y = 0.3 * np.sin(2 * np.pi * 220.0 * t) + 0.2 * np.sin(2 * np.pi * 660.0 * t) + 0.1 * np.sin(2 * np.pi * 1000.0 * t)
    f0, f1 = 100.0, 4000.0
    y += 0.15 * np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t ** 2 / (2 * t[-1])))  # linear chirp
    y += 0.05 * rng.standard_normal(len(t))
    return y.astype(np.float32)


def save(name, array):
    np.save(os.path.join(HERE, name), np.ascontiguousarray(array))


def main():
    y = test_signal()
    save("signal.npy", y)
    save("mel_slaney_sr22050_nfft2048_128.npy", mel_filters(SR, 2048, 128))
    save("mel_htk_sr22050_nfft1024_64_fmin50_fmax8000_nonorm.npy", mel_filters(SR, 1024, 64, 50.0, 8000.0, htk=True, norm=None))

    power = power_stft(y)  # frames x 1025
    mel64 = power @ mel_filters(SR, 2048, 64).astype(np.float64).T
    save("logmel64_db.npy", power_to_db(mel64, 1.0, 1e-10, None).astype(np.float32))
    save("logmel64_db_ref2_amin1e-6_top60.npy", power_to_db(mel64, 2.0, 1e-6, 60.0).astype(np.float32))

    mel128 = power @ mel_filters(SR, 2048, 128).astype(np.float64).T
    for top_db, name in ((80.0, "mfcc20_top80.npy"), (None, "mfcc20_notopdb.npy")):
        db = power_to_db(mel128, 1.0, 1e-10, top_db)
        save(name, scipy.fft.dct(db, type=2, norm="ortho", axis=1)[:, :20].astype(np.float32))


if __name__ == "__main__":
    main()
