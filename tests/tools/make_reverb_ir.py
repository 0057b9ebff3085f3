#!/usr/bin/python3
"""Writes a synthetic room impulse response as a stereo 16-bit WAV, for evaluating the classifier on
reverberant recordings (a piano heard from a hall seat rather than close up).

The response is the direct sound (one sample at the start) followed by a reverberant tail:
Gaussian noise under an exponential decay that falls by 60 dB in RT60 seconds, faded in over its
first 20 ms, drawn separately for each channel; the tail's energy is set so that the direct sound
is D/R decibels above it (0: as loud as the room; negative: a distant seat). Pure Python, no numpy.

Usage:
  tests/tools/make_reverb_ir.py OUT.wav [--rt60 2.2] [--direct-to-reverb 0] [--seconds 2.5]
                                        [--rate 44100] [--seed 7]
Then convolve a recording with it (the level falls back by 9 dB so nothing clips):
  ffmpeg -i IN.flac -i OUT.wav -filter_complex "[0:a][1:a]afir=gtype=none,volume=-9dB[a]" \\
         -map "[a]" -c:a flac REVERBERANT.flac
"""
import argparse
import math
import random
import struct
import sys
import wave


def tail(rate, seconds, rt60, seed):
    rng = random.Random(seed)
    out = []
    for i in range(int(seconds * rate)):
        t = i / rate
        v = rng.gauss(0.0, 1.0) * math.exp(-6.907755 * t / rt60)  # ln(1000): 60 dB of amplitude
        if t < 0.02:
            v *= t / 0.02
        out.append(v)
    out[0] = 0.0
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('out')
    p.add_argument('--rt60', type=float, default=2.2)
    p.add_argument('--direct-to-reverb', type=float, default=0.0)
    p.add_argument('--seconds', type=float, default=2.5)
    p.add_argument('--rate', type=int, default=44100)
    p.add_argument('--seed', type=int, default=7)
    a = p.parse_args()
    if a.rt60 <= 0 or a.seconds <= 0 or a.rate < 8000:
        sys.exit('make_reverb_ir: --rt60 and --seconds must be above 0 and --rate at least 8000')
    channels = []
    for c in range(2):
        t = tail(a.rate, a.seconds, a.rt60, a.seed + c)
        energy = sum(v * v for v in t)
        gain = math.sqrt(10 ** (-a.direct_to_reverb / 10) / energy)
        t = [v * gain for v in t]
        t[0] = 1.0
        channels.append(t)
    peak = max(max(abs(v) for v in t) for t in channels)
    with wave.open(a.out, 'wb') as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(a.rate)
        w.writeframes(b''.join(struct.pack('<hh', int(l / peak * 32000), int(r / peak * 32000))
                               for l, r in zip(*channels)))


if __name__ == '__main__':
    main()
