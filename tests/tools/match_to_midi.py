#!/usr/bin/python3
"""Turns a pianist's performance stored as a match file into a MIDI file, for evaluating the
classifier on music played by people rather than sequenced by hand.

Match files (the format of the Vienna 4x22 Piano Corpus, the Batik/Mozart corpus and other
performance datasets of the Institute of Computational Perception, Linz) list every performed
note aligned to the score, with its key-down and key-up times in MIDI ticks, its velocity, and
the pedal as controller samples. This keeps what a listener hears and leaves the score out:

- every performed note: `snote(...)-note(ID,PITCH,ONSET,OFFSET,VELOCITY,...)` and the notes the
  pianist added, `insertion-note(...)`; a score note not played (`-deletion`) has no sound;
- the sustain pedal, `sustain(TICK,VALUE)`, as controller 64 at each crossing of 64 (a MIDI
  synthesizer treats 64 and above as down);
- the soft pedal, `soft(TICK,VALUE)`, the same way as controller 67.

Times are converted with the file's `info(midiClockUnits,U)` and `info(midiClockRate,R)` (U ticks
per quarter of R microseconds); the MIDI file is written at 480 ticks per quarter and 120 beats
per minute, so a performance keeps its own timing. The older layout that spells the pitch,
`note(ID,[STEP,ALTER],OCTAVE,ONSET,OFFSET,ADJUSTED_OFFSET,VELOCITY)`, is read as well.
Pure Python.

Usage:
  tests/tools/match_to_midi.py IN.match OUT.mid [--velocity-scale 1.0]
Then render it as the app would hear a recording, for example:
  build/release/app/aichopin-cli render --soundfont salamander.sf2 -o OUT.wav OUT.mid
"""
import argparse
import re
import sys

from make_bad_corpus import header, track, vlq  # the MIDI byte helpers of the fixtures' maker

NOTE_V1 = re.compile(r'(?:^|-)note\(([^,()]+),(\d+),(-?\d+),(-?\d+),(\d+)')
NOTE_OLD = re.compile(r'(?:^|-)note\(([^,()]+),\[([A-Ga-g]),([#bn]{1,2})\],(-?\d+),(-?\d+),(-?\d+),(-?\d+),(\d+)\)')
PEDAL = re.compile(r'^(sustain|soft)\((-?\d+),(\d+)\)')
INFO = re.compile(r'^info\((midiClockUnits|midiClockRate),(\d+)\)')
STEPS = {'c': 0, 'd': 2, 'e': 4, 'f': 5, 'g': 7, 'a': 9, 'b': 11}
ALTERS = {'n': 0, '#': 1, '##': 2, 'b': -1, 'bb': -2}
DIVISION = 480
SECONDS_PER_TICK_OUT = 0.5 / DIVISION  # 120 beats per minute


def read_match(lines):
    """Returns (notes, pedals, ticks per second): notes as (pitch, onset, offset, velocity) in
    the file's ticks, pedals as (tick, controller, down)."""
    units, rate = None, None
    notes, samples = [], []
    for raw in lines:
        line = raw.strip()
        m = INFO.match(line)
        if m:
            if m.group(1) == 'midiClockUnits':
                units = int(m.group(2))
            else:
                rate = int(m.group(2))
            continue
        m = PEDAL.match(line)
        if m:
            samples.append((int(m.group(2)), 64 if m.group(1) == 'sustain' else 67, int(m.group(3))))
            continue
        m = NOTE_OLD.search(line)
        if m:
            pitch = 12 * (int(m.group(4)) + 1) + STEPS[m.group(2).lower()] + ALTERS[m.group(3)]
            notes.append((pitch, int(m.group(5)), int(m.group(6)), int(m.group(8))))
            continue
        m = NOTE_V1.search(line)
        if m:
            notes.append((int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5))))
    if units is None:
        raise ValueError('no info(midiClockUnits,...) line: not a match file?')
    ticks_per_second = units / ((rate if rate is not None else 500000) / 1e6)
    pedals = []
    state = {64: False, 67: False}
    for tick, controller, value in sorted(samples):
        down = value >= 64
        if down != state[controller]:
            state[controller] = down
            pedals.append((tick, controller, down))
    return notes, pedals, ticks_per_second


def write_midi(path, notes, pedals, ticks_per_second, velocity_scale):
    if not notes:
        raise ValueError('no performed notes')
    start = min(n[1] for n in notes)

    def out_tick(t):
        return max(0, round((t - start) / ticks_per_second / SECONDS_PER_TICK_OUT))

    events = []  # (tick, order, bytes): note-offs before controllers before note-ons at one tick
    for pitch, onset, offset, velocity in notes:
        if not 0 <= pitch <= 127:
            continue
        on = out_tick(onset)
        off = max(on + 1, out_tick(offset))
        vel = min(127, max(1, round(velocity * velocity_scale)))
        events.append((on, 2, bytes([0x90, pitch, vel])))
        events.append((off, 0, bytes([0x80, pitch, 0])))
    for tick, controller, down in pedals:
        events.append((out_tick(tick), 1, bytes([0xB0, controller, 127 if down else 0])))
    events.sort(key=lambda e: (e[0], e[1]))
    body = bytearray(b'\x00\xFF\x51\x03' + (500000).to_bytes(3, 'big'))
    body += b'\x00\xC0\x00'  # acoustic grand piano
    now = 0
    for tick, _, data in events:
        body += vlq(tick - now) + data
        now = tick
    for controller in (64, 67):  # pedals up at the end
        body += vlq(0) + bytes([0xB0, controller, 0])
    with open(path, 'wb') as f:
        f.write(header(0, 1, DIVISION) + track(bytes(body)))
    return now * SECONDS_PER_TICK_OUT


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('match')
    p.add_argument('out')
    p.add_argument('--velocity-scale', type=float, default=1.0,
                   help='multiply every velocity (clamped to 1..127)')
    a = p.parse_args()
    try:
        with open(a.match, encoding='utf-8', errors='replace') as f:
            notes, pedals, tps = read_match(f)
        seconds = write_midi(a.out, notes, pedals, tps, a.velocity_scale)
    except (OSError, ValueError) as e:
        print(f'{a.match}: {e}', file=sys.stderr)
        return 1
    print(f'{a.out}: {len(notes)} notes, {len(pedals)} pedal changes, {seconds:.1f} s')
    return 0


if __name__ == '__main__':
    sys.exit(main())
