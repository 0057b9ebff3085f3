#!/usr/bin/python3
"""Makes the committed fixtures of tests/core/listen (run with Debian's python3 + python3-numpy).

Reference features are computed here with plain NumPy from librosa's published formulas
(librosa 0.10 defaults), independently of the C++ code under test:
  stft: periodic Hann window, n_fft 2048, hop 512, center=True with zero ('constant') padding
  mel:  librosa.filters.mel(sr, n_fft, n_mels=128, fmin=0, fmax=sr/2, htk=False, norm='slaney')
  logmel: power_to_db(mel power, ref=np.max, amin=1e-10, top_db=80)
  mfcc: DCT-II ortho of power_to_db(mel power, ref=1.0, amin=1e-10, top_db=80), 20 coefficients
Everything is float64 here. Audio fixtures are encoded with the ffmpeg command-line tool.

Outputs in tests/data/listen/ (little-endian float32 unless noted):
  signal.f32            1 s test signal at 22,050 Hz (22,050 samples)
  ref_power_frames.f32  STFT power of frames 0, 10, 22, 43 (4 x 1025)
  ref_mel_sparse.txt    non-zero filterbank weights: "band bin weight" per line
  ref_logmel.f32        log-mel dB [44 frames x 128]
  ref_mfcc.f32          MFCC [44 frames x 20]
  tone440.*             0.5 s stereo 440 Hz tone (44.1 kHz) as wav, flac, mp3, ogg/vorbis, ogg/opus, m4a/aac,
                        aiff (PCM, big-endian)
  tone440_video.mp4     the tone as the sound of a tiny video (MPEG-4 video + AAC): a filmed performance
  two_streams.mkv       a 880 Hz stream then a 440 Hz stream, the second louder/longer (best stream test)
  video_only.mkv        a tiny video with no audio stream
  not_audio.txt         text
"""
import os
import subprocess
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "listen")
SR, N_FFT, HOP, N_MELS, N_MFCC = 22050, 2048, 512, 128, 20


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-12) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filterbank(sr, n_fft, n_mels, fmin=0.0, fmax=None):
    fmax = sr / 2.0 if fmax is None else fmax
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    weights *= enorm[:, np.newaxis]
    return weights.astype(np.float32).astype(np.float64)  # librosa returns float32 weights


def stft_power(y):
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)  # periodic Hann
    padded = np.pad(y, N_FFT // 2, mode="constant")
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    frames = np.stack([padded[t * HOP:t * HOP + N_FFT] for t in range(n_frames)])
    return np.abs(np.fft.rfft(frames * window, axis=1)) ** 2  # [frames, bins]


def power_to_db(s, ref, amin=1e-10, top_db=80.0):
    log_spec = 10.0 * np.log10(np.maximum(amin, s)) - 10.0 * np.log10(np.maximum(amin, ref))
    return np.maximum(log_spec, log_spec.max() - top_db)


def dct_ortho(x, n):
    N = x.shape[1]
    k = np.arange(n)[:, None]
    i = np.arange(N)[None, :]
    basis = np.sqrt(2.0 / N) * np.cos(np.pi * k * (2 * i + 1) / (2 * N))
    basis[0] /= np.sqrt(2.0)
    return x @ basis.T


def make_reference():
    rng = np.random.default_rng(5)
    t = np.arange(SR) / SR
    y = (0.5 * np.sin(2 * np.pi * 440 * t) + 0.25 * np.sin(2 * np.pi * 1318.5 * t) * np.exp(-2 * t)
         + 0.1 * np.sin(2 * np.pi * 110 * t) + 0.02 * rng.standard_normal(SR))
    y[SR // 2:SR // 2 + 2000] *= np.linspace(1, 0, 2000)  # a transient
    y = y.astype(np.float32)
    y.tofile(os.path.join(OUT, "signal.f32"))
    yd = y.astype(np.float64)
    power = stft_power(yd)
    power[[0, 10, 22, 43]].astype("<f4").tofile(os.path.join(OUT, "ref_power_frames.f32"))
    fb = mel_filterbank(SR, N_FFT, N_MELS)
    with open(os.path.join(OUT, "ref_mel_sparse.txt"), "w") as f:
        f.write("# librosa.filters.mel(sr=22050, n_fft=2048) non-zero weights: band bin weight\n")
        for b, k in zip(*np.nonzero(fb)):
            f.write("%d %d %.9g\n" % (b, k, fb[b, k]))
    mel = power @ fb.T
    power_to_db(mel, ref=mel.max()).astype("<f4").tofile(os.path.join(OUT, "ref_logmel.f32"))
    dct_ortho(power_to_db(mel, ref=1.0), N_MFCC).astype("<f4").tofile(os.path.join(OUT, "ref_mfcc.f32"))
    print("frames", power.shape[0])


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def make_audio():
    tone = "sine=frequency=440:sample_rate=44100:duration=0.5"
    stereo = ["-f", "lavfi", "-i", tone, "-af", "pan=stereo|c0=c0|c1=c0,volume=0.5"]
    p = lambda name: os.path.join(OUT, name)
    ffmpeg(*stereo, "-c:a", "pcm_s16le", p("tone440.wav"))
    ffmpeg(*stereo, "-c:a", "flac", p("tone440.flac"))
    ffmpeg(*stereo, "-c:a", "libmp3lame", "-b:a", "64k", p("tone440.mp3"))
    ffmpeg(*stereo, "-c:a", "libvorbis", "-q:a", "0", p("tone440.ogg"))
    ffmpeg(*stereo, "-c:a", "libopus", "-b:a", "32k", p("tone440.opus"))
    ffmpeg(*stereo, "-c:a", "aac", "-b:a", "48k", p("tone440.m4a"))
    ffmpeg(*stereo, "-c:a", "pcm_s16be", p("tone440.aiff"))
    ffmpeg("-f", "lavfi", "-i", "color=c=blue:size=16x16:rate=5:duration=0.5", *stereo,
           "-c:v", "mpeg4", "-c:a", "aac", "-b:a", "48k", p("tone440_video.mp4"))
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=880:sample_rate=22050:duration=0.5",
           "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=1",
           "-map", "0", "-map", "1", "-c:a:0", "libvorbis", "-c:a:1", "flac",
           "-disposition:a:0", "0", "-disposition:a:1", "default", p("two_streams.mkv"))
    ffmpeg("-f", "lavfi", "-i", "color=c=blue:size=32x32:rate=5:duration=1", "-c:v", "mpeg4", p("video_only.mkv"))
    with open(p("not_audio.txt"), "w") as f:
        f.write("This is a text file, not audio.\n" * 40)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    make_reference()
    if "--no-audio" not in sys.argv:
        make_audio()
