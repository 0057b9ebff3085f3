#pragma once
// How the FluidSynth synthesizer is set up: soundfont, sample rate, effects and gain. A plain
// value type shared by the offline renderer and the live player.

#include <QString>
#include <QStringList>

namespace aichopin {

struct SynthOptions {
    QString soundfont;          // empty: the first installed one (SoundfontLocator::find)
    QStringList soundfontDirs;  // where to look when soundfont is empty; empty: SoundfontLocator::searchDirs()
    int sampleRate = 44100;     // 8000..96000
    double gain = 0.5;          // FluidSynth master gain 0..10 (its default is 0.2, quiet for solo piano)
    bool reverb = true;
    double reverbLevel = 0.5;   // 0..1
    double reverbRoomSize = 0.5;// 0..1
    bool chorus = false;        // chorus smears a piano; off unless asked for
    double chorusLevel = 1.0;   // 0..10
    int polyphony = 256;        // voices, 1..65535
};

}  // namespace aichopin
