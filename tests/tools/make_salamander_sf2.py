#!/usr/bin/python3
"""Builds a SoundFont 2 file of a sampled concert grand (Salamander Grand Piano V3) for evaluation.

The classifier trains on General MIDI soundfonts and will be judged on real pianos. This script
turns the Salamander Grand Piano V3 recordings (a Yamaha C5 recorded by Alexander Holm, CC BY 3.0,
16 velocity layers, a sample every third semitone from A0 to C8) into an .sf2 that FluidSynth
plays, so `aichopin-cli evaluate-classifier --soundfont salamander.sf2` measures the model on a
real piano's sound. The samples come from the npm registry (the `@audio-samples/piano-velocityN`
packages, OGG Vorbis, 48 kHz stereo); they are never committed.

Usage (Debian's python3 + python3-numpy, the ffmpeg and npm command-line tools):
  tests/tools/make_salamander_sf2.py OUT.sf2 [--work DIR] [--max-seconds 12] [--rate 44100]

The file: one instrument with 16 x 30 zones (each sample covers its own key and the one either
side; velocity layers split 1..127 as below), no loops (a sample plays until it ends or is
released; samples are cut at --max-seconds with a 1 s fade), release 0.3 s, the default
velocity-to-attenuation and velocity-to-filter modulators switched off (the recorded layers
already carry the dynamics and the darker tone of soft notes), mono (the two channels averaged,
as the classifier hears them). Every program, of bank 0 and of the percussion bank, plays this piano.
"""
import argparse
import os
import struct
import subprocess
import sys

import numpy as np

# Upper velocity of each of the 16 layers (the Salamander SFZ's split, approximately).
LAYER_HIVEL = [26, 34, 36, 43, 46, 50, 56, 64, 72, 80, 88, 96, 104, 112, 120, 127]
NOTE_NAMES = {"C": 0, "C#": 1, "D": 2, "D#": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "G#": 8, "A": 9, "A#": 10, "B": 11}
SAMPLE_NOTES = ["A0"] + [f"{n}{o}" for o in range(1, 8) for n in ("C", "D#", "F#", "A")] + ["C8"]


def midi_key(name):
    pitch, octave = name[:-1], int(name[-1])
    return 12 * (octave + 1) + NOTE_NAMES[pitch]


def fetch(work):
    """Downloads and unpacks the 16 velocity packages into WORK (skips those already there)."""
    os.makedirs(work, exist_ok=True)
    for v in range(1, 17):
        folder = os.path.join(work, f"v{v}")
        if os.path.isdir(os.path.join(folder, "package", "audio")):
            continue
        pkg = f"@audio-samples/piano-velocity{v}"
        tgz = subprocess.run(["npm", "pack", "--silent", pkg], cwd=work, check=True,
                             capture_output=True, text=True).stdout.strip().splitlines()[-1]
        os.makedirs(folder, exist_ok=True)
        subprocess.run(["tar", "xzf", os.path.join(work, tgz), "-C", folder], check=True)
    return lambda v, note: os.path.join(work, f"v{v}", "package", "audio", f"{note}v{v}.ogg")


def decode(path, rate, max_seconds):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-ar", str(rate), "-f", "s16le", "-"],
                         check=True, capture_output=True).stdout
    x = np.frombuffer(raw, dtype="<i2").astype(np.float64)
    limit = int(max_seconds * rate)
    if len(x) > limit:
        x = x[:limit]
        fade = min(rate, len(x))
        x[-fade:] *= np.linspace(1.0, 0.0, fade)
    return np.clip(np.round(x), -32768, 32767).astype("<i2")


def chunk(tag, data):
    if len(data) % 2:  # SoundFont readers want even sizes (INFO strings are zero-padded)
        data += b"\0"
    return tag + struct.pack("<I", len(data)) + data


def name20(s):
    return s.encode("ascii")[:19].ljust(20, b"\0")


def build(path_of, out, rate, max_seconds):
    smpl = bytearray()
    shdr = bytearray()
    zones = []  # (lokey, hikey, lovel, hivel, sample index)
    keys = [midi_key(n) for n in SAMPLE_NOTES]
    index = 0
    for layer, hivel in enumerate(LAYER_HIVEL, start=1):
        lovel = 1 if layer == 1 else LAYER_HIVEL[layer - 2] + 1
        for i, note in enumerate(SAMPLE_NOTES):
            pcm = decode(path_of(layer, note), rate, max_seconds)
            start = len(smpl) // 2
            smpl += pcm.tobytes()
            end = len(smpl) // 2
            smpl += b"\0" * (46 * 2)  # the 46 zero points SoundFont 2 asks for after each sample
            # No loop: the loop points only have to lie inside the sample.
            shdr += struct.pack("<20sIIIIIBbHH", name20(f"{note}v{layer}"), start, end, start + 8, end - 8,
                                rate, keys[i], 0, 0, 1)
            lokey = 21 if i == 0 else keys[i] - 1
            hikey = 108 if i == len(keys) - 1 else keys[i] + 1
            zones.append((lokey, hikey, lovel, hivel, index))
            index += 1
        print(f"layer {layer}: velocities {lovel}-{hivel}", file=sys.stderr)
    shdr += struct.pack("<20sIIIIIBbHH", name20("EOS"), 0, 0, 0, 0, 0, 0, 0, 0, 0)

    # Instrument: a global zone (release, modulators), then one zone per sample.
    igen = bytearray()
    ibag = bytearray()
    imod = bytearray()
    # Global zone: releaseVolEnv (38) 0.3 s in timecents; modulators that replace the defaults.
    ibag += struct.pack("<HH", 0, 0)
    igen += struct.pack("<Hh", 38, int(round(1200 * np.log2(0.3))))
    # Default modulators (SoundFont 2.01 8.4.2 and 8.4.3) with amount 0: same source, destination
    # and transform, so they replace them.
    imod += struct.pack("<HHhHH", 0x0502, 48, 0, 0, 0)  # velocity -> initial attenuation
    imod += struct.pack("<HHhHH", 0x0102, 8, 0, 0x0C02, 0)  # velocity -> filter cutoff (FluidSynth: switched by velocity)
    for lokey, hikey, lovel, hivel, sample in zones:
        ibag += struct.pack("<HH", len(igen) // 4, len(imod) // 10)
        igen += struct.pack("<HBB", 43, lokey, hikey)  # keyRange first
        igen += struct.pack("<HBB", 44, lovel, hivel)  # then velRange
        igen += struct.pack("<HH", 54, 0)              # sampleModes: no loop
        igen += struct.pack("<HH", 53, sample)         # sampleID last
    ibag += struct.pack("<HH", len(igen) // 4, len(imod) // 10)
    igen += struct.pack("<HH", 0, 0)
    imod += struct.pack("<HHhHH", 0, 0, 0, 0, 0)
    inst = struct.pack("<20sH", name20("Salamander Grand"), 0) + struct.pack("<20sH", name20("EOI"), len(zones) + 1)

    # Presets: every program of bank 0, and of the percussion bank 128 (channel 10), plays instrument 0.
    phdr = bytearray()
    pbag = bytearray()
    pgen = bytearray()
    presets = [(bank, program) for bank in (0, 128) for program in range(128)]
    for index, (bank, program) in enumerate(presets):
        phdr += struct.pack("<20sHHHIII", name20("Salamander Grand"), program, bank, index, 0, 0, 0)
        pbag += struct.pack("<HH", len(pgen) // 4, 0)
        pgen += struct.pack("<HH", 41, 0)  # instrument 0
    phdr += struct.pack("<20sHHHIII", name20("EOP"), 0, 0, len(presets), 0, 0, 0)
    pbag += struct.pack("<HH", len(pgen) // 4, 0)
    pgen += struct.pack("<HH", 0, 0)
    pmod = struct.pack("<HHhHH", 0, 0, 0, 0, 0)

    info = (chunk(b"ifil", struct.pack("<HH", 2, 1)) + chunk(b"isng", b"EMU8000\0")
            + chunk(b"INAM", b"Salamander Grand Piano V3 (mono, for evaluation)\0")
            + chunk(b"ICOP", b"Samples: Alexander Holm, CC BY 3.0\0"))
    sdta = chunk(b"smpl", bytes(smpl))
    pdta = (chunk(b"phdr", bytes(phdr)) + chunk(b"pbag", bytes(pbag)) + chunk(b"pmod", pmod)
            + chunk(b"pgen", bytes(pgen)) + chunk(b"inst", inst) + chunk(b"ibag", bytes(ibag))
            + chunk(b"imod", bytes(imod)) + chunk(b"igen", bytes(igen)) + chunk(b"shdr", bytes(shdr)))
    body = b"sfbk" + chunk(b"LIST", b"INFO" + info) + chunk(b"LIST", b"sdta" + sdta) + chunk(b"LIST", b"pdta" + pdta)
    tmp = out + ".part"
    with open(tmp, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)
    os.replace(tmp, out)
    print(f"{out}: {len(zones)} samples, {len(smpl) / 2 / rate / 60:.1f} minutes of audio, "
          f"{os.path.getsize(out) / 2**20:.0f} MiB", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--work", default="salamander-samples", help="where the npm packages are unpacked")
    ap.add_argument("--max-seconds", type=float, default=12.0)
    ap.add_argument("--rate", type=int, default=44100)
    a = ap.parse_args()
    build(fetch(os.path.abspath(a.work)), a.out, a.rate, a.max_seconds)


if __name__ == "__main__":
    main()
