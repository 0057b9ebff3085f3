#!/usr/bin/python3
"""Makes the committed malformed inputs of tests/data/bad (plain python3, no extra modules).

Each file is built byte by byte here (or cut from a committed good fixture), so the README in
tests/data/bad can say exactly what is wrong with it. The model files that need LibTorch to
write (future format versions) come from the make_bad_models tool in tests/hardening; the
pathological inputs that are big or cannot live in git (empty folders, chmod 000, symlink
loops, huge files) are made by the tests at run time.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "bad")
LISTEN = os.path.join(HERE, "..", "data", "listen")
MODELS = os.path.join(HERE, "..", "..", "resources", "models")


def write(rel, data):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def vlq(v):
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    return bytes(reversed(out))


def header(fmt, tracks, division, length=6):
    return b"MThd" + struct.pack(">IHHH", length, fmt, tracks, division)


def track(body, end=True, length=None):
    if end:
        body += b"\x00\xff\x2f\x00"
    return b"MTrk" + struct.pack(">I", len(body) if length is None else length) + body


NOTES = b"\x00\x90\x3c\x40" + vlq(480) + b"\x80\x3c\x00"


def good_smf(notes=NOTES):
    return header(0, 1, 480) + track(notes)


def wav(samples=b"\x00\x00" * 100, channels=1, rate=22050, bits=16, data_size=None):
    block = channels * bits // 8
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * block, block, bits)
    data_size = len(samples) if data_size is None else data_size
    body = b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", data_size) + samples
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + body


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    # --- MIDI ---------------------------------------------------------------------------------
    write("midi/empty.mid", b"")
    write("midi/text-renamed.mid", b"shopping list: eggs, milk, flour\n")
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0) + b"\0" * 4
    write("midi/png-renamed.mid", png)
    write("midi/truncated-header.mid", header(1, 2, 480)[:10])
    write("midi/short-header-length.mid", header(0, 1, 480, length=2) + track(NOTES))
    # The track says 40 bytes but holds 15 (cut off or miscounted).
    write("midi/wrong-chunk-length.mid", header(0, 1, 480) + track(NOTES, length=40))
    write("midi/huge-track-length.mid", header(0, 1, 480) + track(NOTES, length=0xFFFFFFF0))
    # One delta time of 0x0FFFFFFF ticks at 1 tick per quarter, 120 bpm: about 37,000 hours.
    write("midi/absurd-delta-time.mid", header(0, 1, 1) + track(b"\x00\x90\x3c\x40" + vlq(0x0FFFFFFF) + b"\x80\x3c\x00"))
    write("midi/delta-vlq-too-long.mid", header(0, 1, 480) + track(b"\xff\xff\xff\xff\x7f\x90\x3c\x40"))
    write("midi/format-2.mid", header(2, 1, 480) + track(NOTES))
    write("midi/format-7.mid", header(7, 1, 480) + track(NOTES))
    write("midi/no-tracks.mid", header(1, 0, 480))
    write("midi/format-0-two-tracks.mid", header(0, 2, 480) + track(NOTES) + track(NOTES))
    write("midi/missing-tracks.mid", header(1, 3, 480) + track(NOTES))
    write("midi/running-status-without-status.mid", header(0, 1, 480) + track(b"\x00\x3c\x40" + vlq(480) + b"\x3c\x00"))
    # A SysEx that declares 100 bytes where the track has 3 (no F7, no end of track).
    write("midi/unterminated-sysex.mid", header(0, 1, 480) + track(b"\x00\xf0" + vlq(100) + b"\x43\x10\x4c", end=False))
    write("midi/system-common-in-track.mid", header(0, 1, 480) + track(b"\x00\xf2\x00\x00"))
    write("midi/division-zero.mid", header(0, 1, 0) + track(NOTES))
    # SMPTE division with 0 frames per second (0x80 0x00: -0 fps, 0 ticks per frame).
    write("midi/smpte-zero-fps.mid", header(0, 1, 0x8000) + track(NOTES))
    write("midi/rmid-without-mthd.rmi", b"RIFF" + struct.pack("<I", 16) + b"RMIDdata" + struct.pack("<I", 4) + b"junk")
    # Well-formed, but no note at all (only a tempo): nothing to classify or continue.
    write("midi/no-notes.mid", header(0, 1, 480) + track(b"\x00\xff\x51\x03\x07\xa1\x20"))

    # --- Audio --------------------------------------------------------------------------------
    write("audio/empty.wav", b"")
    write("audio/truncated-header.wav", wav()[:20])
    # Data chunk says 2 GB; 100 silent samples follow. FFmpeg reads what is there.
    write("audio/bogus-data-size.wav", wav(bytes(200), data_size=0x7FFFFFF0))
    write("audio/data-size-zero.wav", wav(b"", data_size=0))
    write("audio/zero-channels.wav", wav(bytes(200), channels=0))
    write("audio/absurd-sample-rate.wav", wav(bytes(200), rate=0))
    write("audio/text-renamed.mp3", b"These are my piano lesson notes, not a recording.\n" * 4)
    write("audio/truncated.mp3", read(os.path.join(LISTEN, "tone440.mp3"))[:300])
    write("audio/garbage.flac", b"fLaC" + bytes((i * 37 + 11) % 256 for i in range(600)))
    ogg = read(os.path.join(LISTEN, "tone440.ogg"))
    write("audio/header-only.ogg", ogg[: ogg.index(b"OggS", 4)])  # the identification page alone
    m4a = read(os.path.join(LISTEN, "tone440.m4a"))
    write("audio/no-moov.m4a", m4a[: m4a.index(b"moov") - 4])  # ftyp, free, mdat: no index
    write("audio/video-only.mkv", read(os.path.join(LISTEN, "video_only.mkv")))
    write("audio/silent.wav", wav(bytes(2 * 22050)))  # 1 s of digital silence
    write("audio/one-sample.wav", wav(struct.pack("<h", 12000)))
    write("audio/notes.txt", b"Not audio at all; the Classify area should say so.\n")

    # --- Model files --------------------------------------------------------------------------
    write("models/empty.pt", b"")
    write("models/text-renamed.pt", b"this is not a model, just text saved as .pt\n")
    write("models/png-renamed.pt", png)
    # The first 16 KiB of the shipped composer model: a zip archive cut off (no central directory).
    write("models/truncated-composer.pt", read(os.path.join(MODELS, "composer-default.pt"))[:16384])

    # --- Dataset folders ----------------------------------------------------------------------
    write("datasets/no-label-folders/piece.mid", good_smf())
    write("datasets/no-label-folders/another.mid", good_smf())
    write("datasets/one-class/chopin/nocturne.mid", good_smf())
    write("datasets/one-class/chopin/etude.mid", good_smf())
    write("datasets/non-music-only/chopin/readme.txt", b"scores to buy\n")
    write("datasets/non-music-only/other/cover.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    write("datasets/broken-midi-only/chopin/a.mid", b"not midi")
    write("datasets/broken-midi-only/other/b.mid", header(0, 1, 480)[:9])


if __name__ == "__main__":
    main()
