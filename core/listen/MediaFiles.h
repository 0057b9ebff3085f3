#pragma once
// Which files the app opens, by their suffix: recordings (whatever AudioDecoder reads through
// FFmpeg: audio files, and the sound of a filmed performance) and MIDI files. The one list for
// Classify, the Spectrogram, the Dataset and training folders, the window's drop and the CLI.

#include <QStringList>

namespace aichopin::mediafiles {

// Lower case, without the dot: mp3, wav, flac, ogg, ..., aiff, wma, mp4, mkv, webm, ...
const QStringList &audioSuffixes();
// mid, midi, kar (karaoke) and rmi (RIFF-wrapped MIDI).
const QStringList &midiSuffixes();
bool isAudio(const QString &path);
bool isMidi(const QString &path);
// A file dialog's name filter for both: "*.mp3 *.wav ... *.mid *.midi ...", and for MIDI alone.
QString dialogPatterns();
QString midiPatterns();

}  // namespace aichopin::mediafiles
