#pragma once
// The kinds of malformed input in tests/data/bad (and the few made at run time), each with the
// paths a user could feed it through and the words its error must contain. Shared by the CLI
// and GUI suites, so both hold the app to the same specific message. tests/data/bad/README.md
// says how each file was made.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QtTest>

#include <unistd.h>

#include <functional>
#include <vector>

namespace aichopin::test {

// Where a kind is fed in. CLI commands and GUI paths.
enum Via : unsigned {
    CliInfo = 1u << 0,             // aichopin-cli info --json FILE
    CliPrime = 1u << 1,            // aichopin-cli compose --prime FILE
    CliClassify = 1u << 2,         // aichopin-cli classify --json FILE
    CliComposeModel = 1u << 3,     // aichopin-cli compose --model FILE
    CliClassifyModel = 1u << 4,    // aichopin-cli classify --model FILE
    CliTrainClassifier = 1u << 5,  // aichopin-cli train-classifier --data DIR
    CliTrainComposer = 1u << 6,    // aichopin-cli train-composer --data DIR
    CliEvaluateComposer = 1u << 7, // aichopin-cli evaluate-composer --data DIR
    GuiOpen = 1u << 8,             // MainWindow::openFile and a drop on the window
    GuiPrimer = 1u << 9,           // Compose: continue a MIDI file
    GuiClassify = 1u << 10,        // Classify: addFiles and a drop on the panel
    GuiComposeModel = 1u << 11,    // Compose: choose a model
    GuiClassifyModel = 1u << 12,   // Classify: choose a model
    GuiTrainClassifier = 1u << 13, // Training: classifier on this folder
    GuiTrainComposer = 1u << 14,   // Training: composer on this folder
    GuiDataset = 1u << 15,         // Dataset: add this folder
};

struct BadInput {
    const char *name;
    const char *path;            // under tests/data/bad; "@name" for one made at run time
    unsigned via;
    const char *error;           // what every path's message must contain...
    qint64 offset = -1;          // ...and, for MIDI, the byte offset it names (info --json)
    const char *composerError = nullptr;  // datasets: train-composer / evaluate-composer's words
    const char *guiError = nullptr;       // where the GUI says it in other words (Classify drop, Dataset area)
};

constexpr unsigned kMidi = CliInfo | CliPrime | GuiOpen | GuiPrimer | GuiClassify;
constexpr unsigned kAudio = CliClassify | GuiClassify;
constexpr unsigned kAnyModel = CliComposeModel | CliClassifyModel | GuiComposeModel | GuiClassifyModel;
constexpr unsigned kComposerModel = CliComposeModel | GuiComposeModel;
constexpr unsigned kClassifierModel = CliClassifyModel | GuiClassifyModel;
constexpr unsigned kDataset = CliTrainClassifier | CliTrainComposer | CliEvaluateComposer | GuiTrainClassifier | GuiTrainComposer | GuiDataset;

inline const std::vector<BadInput> &badInputs()
{
    static const std::vector<BadInput> inputs = {
        // MIDI
        {"midi: 0 bytes", "midi/empty.mid", kMidi, "the file is empty (0 bytes)", 0},
        {"midi: text renamed .mid", "midi/text-renamed.mid", kMidi, "not a MIDI file: it should begin with 'MThd' but begins with 73 68 6f 70", 0},
        {"midi: PNG renamed .mid", "midi/png-renamed.mid", kMidi, "not a MIDI file: it should begin with 'MThd' but begins with 89 50 4e 47", 0},
        {"midi: truncated header", "midi/truncated-header.mid", kMidi, "unexpected end of data while reading the track count", 10},
        {"midi: header length 2", "midi/short-header-length.mid", kMidi, "header chunk length is 2; it must be at least 6", 4},
        {"midi: wrong chunk length", "midi/wrong-chunk-length.mid", kMidi, "chunk 'MTrk' declares 40 bytes but only 13 remain", 18},
        {"midi: huge declared track length", "midi/huge-track-length.mid", kMidi, "chunk 'MTrk' declares 4294967280 bytes but only 13 remain", 18},
        {"midi: absurd delta time", "midi/absurd-delta-time.mid", kMidi, "delta times put an event 37283 hours into the piece", 26},
        {"midi: delta time VLQ over 4 bytes", "midi/delta-vlq-too-long.mid", kMidi, "a delta time is a variable-length number longer than 4 bytes", 22},
        {"midi: format 2", "midi/format-2.mid", kMidi, "format 2 (independent sequences) is not supported", 8},
        {"midi: format 7", "midi/format-7.mid", kMidi, "unknown MIDI file format 7", 8},
        {"midi: no tracks", "midi/no-tracks.mid", kMidi, "the header declares no tracks", 10},
        {"midi: format 0 with two tracks", "midi/format-0-two-tracks.mid", kMidi, "format 0 must have exactly one track, but the header declares 2", 10},
        {"midi: fewer tracks than declared", "midi/missing-tracks.mid", kMidi, "the file ends after 1 of the 3 tracks its header declares", 35},
        {"midi: running status without status", "midi/running-status-without-status.mid", kMidi, "data byte 0x3c where a status byte was expected (no running status)", 23},
        {"midi: unterminated SysEx", "midi/unterminated-sysex.mid", kMidi, "a SysEx event declares 100 bytes but only 3 remain", 25},
        {"midi: system common message in a track", "midi/system-common-in-track.mid", kMidi, "system message 0xf2 is not allowed in a MIDI file track", 23},
        {"midi: division 0", "midi/division-zero.mid", kMidi, "time division 0 is invalid", 12},
        {"midi: SMPTE with 0 fps", "midi/smpte-zero-fps.mid", kMidi, "SMPTE time division 0x8000 gives 128 frames per second and 0 ticks per frame", 12},
        {"midi: RIFF RMID without MThd", "midi/rmid-without-mthd.rmi", CliInfo | CliPrime | GuiOpen | GuiPrimer, "RIFF MIDI file without an MThd header", 12},
        {"midi: no notes", "midi/no-notes.mid", CliClassify | GuiOpen | GuiClassify, "no notes"},
        {"midi: over 256 MB", "@huge.mid", CliInfo | CliPrime | GuiOpen | GuiPrimer | GuiClassify, "more than the 256 MB a MIDI file may have"},
        {"midi: missing file", "@missing.mid", CliInfo | CliPrime | GuiOpen | GuiPrimer, "file not found"},
        {"midi: folder named .mid", "@folder.mid", CliInfo | CliPrime | GuiOpen | GuiPrimer, "is a folder, not a MIDI file"},
        {"midi: unreadable (chmod 000)", "@unreadable.mid", CliInfo | CliPrime | GuiOpen | GuiPrimer | GuiClassify, "Permission denied"},

        // Audio
        {"audio: 0-byte wav", "audio/empty.wav", kAudio, "The file is empty (0 bytes)"},
        {"audio: truncated wav header", "audio/truncated-header.wav", kAudio, "it begins as WAV data but is damaged or cut off (20 bytes)"},
        {"audio: wav with bogus data size", "audio/bogus-data-size.wav", kAudio, "the recording is too short to judge: 0.005 s (100 samples)"},
        {"audio: wav with data size 0", "audio/data-size-zero.wav", kAudio, "holds no samples"},
        {"audio: wav with 0 channels", "audio/zero-channels.wav", kAudio, "cannot be used: its header declares 0 channels"},
        {"audio: wav with sample rate 0", "audio/absurd-sample-rate.wav", kAudio, "Invalid sample rate: 0"},
        {"audio: text renamed .mp3", "audio/text-renamed.mp3", kAudio, "it holds text, not audio"},
        {"audio: truncated mp3", "audio/truncated.mp3", kAudio, "it begins as MP3 data but is damaged or cut off (300 bytes)"},
        {"audio: flac with garbage", "audio/garbage.flac", kAudio, "it begins as FLAC data but is damaged or cut off"},
        {"audio: ogg header only", "audio/header-only.ogg", kAudio, "it begins as Ogg data but is damaged or cut off (58 bytes)"},
        {"audio: m4a without moov atom", "audio/no-moov.m4a", kAudio, "moov atom not found"},
        {"audio: video without sound", "audio/video-only.mkv", kAudio, "No audio stream in", -1, nullptr, "a video without sound?"},
        {"audio: 1 s of silence", "audio/silent.wav", kAudio, "the recording is silent"},
        {"audio: one sample", "audio/one-sample.wav", kAudio, "the recording is too short to judge: 0.000 s (1 samples)"},
        {"audio: text file", "audio/notes.txt", kAudio, "it holds text, not audio", -1, nullptr, "notes.txt is not a recording or MIDI file"},

        // Model files
        {"model: 0 bytes", "models/empty.pt", kAnyModel, "is empty (0 bytes)"},
        {"model: text renamed .pt", "models/text-renamed.pt", kAnyModel, "it is not a LibTorch archive (it begins with the text \"this is "},
        {"model: PNG renamed .pt", "models/png-renamed.pt", kAnyModel, "it is not a LibTorch archive (it begins with the bytes 89 50 4e 47"},
        {"model: truncated composer model", "models/truncated-composer.pt", kAnyModel, "is a damaged or truncated"},
        {"model: classifier given as composer", "@classifier-default.pt", kComposerModel, "is a classifier model, not a composer model"},
        {"model: composer given as classifier", "@composer-default.pt", kClassifierModel, "is a composer model, not a classifier model"},
        {"model: composer of a future format", "models/future-version-composer.pt", kComposerModel, "has composer model format version 99; this build reads version 1"},
        {"model: classifier of a future format", "models/future-version-classifier.pt", kClassifierModel, "has classifier model format version 99; this build reads version 1"},
        {"model: missing file", "@missing.pt", kAnyModel, "does not exist"},

        // Dataset folders
        {"dataset: empty folder", "@empty-folder", kDataset, "is empty; expected chopin/ and other/ folders", -1, "no MIDI files (.mid, .midi) in", "no MIDI or audio files"},
        {"dataset: no label folders", "datasets/no-label-folders", CliTrainClassifier | GuiTrainClassifier, "has no chopin/ (or Chopin/) folder"},
        {"dataset: only one class", "datasets/one-class", CliTrainClassifier | GuiTrainClassifier, "no files of other composers"},
        {"dataset: non-music files only", "datasets/non-music-only", kDataset, "no audio or MIDI files in the Chopin folder", -1, "no MIDI files (.mid, .midi) in", "no MIDI or audio files"},
        {"dataset: broken MIDI files only", "datasets/broken-midi-only", kDataset, "every piece was skipped (2 in all; first", -1,
         "all 2 MIDI file(s) failed (first: chopin/a.mid: not a MIDI file", "not a MIDI file: it should begin with 'MThd'"},
        {"dataset: symlink loop", "@symlink-loop", kDataset, "no audio or MIDI files in the Chopin folder", -1, "no MIDI files (.mid, .midi) in", "no MIDI or audio files"},
        {"dataset: unreadable file (chmod 000)", "@unreadable-dataset", kDataset, "locked.mid", -1, "locked.mid", "locked.mid"},
        {"dataset: missing folder", "@missing-folder", kDataset, "does not exist", -1, "does not exist", "folder not found"},
        {"dataset: a file, not a folder", "@file-not-folder.mid", kDataset, "is a file, not a folder"},
    };
    return inputs;
}

inline QString badDataDir() { return QStringLiteral(AICHOPIN_TEST_DATA "/bad"); }

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The path of a kind: the committed file, or one made under scratch for "@" kinds. Empty with
// *skip set when it cannot be made here (root reads chmod 000 files).
inline QString badInputPath(const BadInput &in, const QString &scratch, QString *skip)
{
    const QString name = QString::fromLatin1(in.path);
    if (!name.startsWith(QLatin1Char('@')))
        return badDataDir() + QLatin1Char('/') + name;
    const QString id = name.mid(1);
    const QString at = scratch + QLatin1Char('/') + id;
    QDir().mkpath(scratch);
    const QByteArray smf = QByteArray("MThd\0\0\0\6\0\0\0\1\1\xe0MTrk\0\0\0\x0d\0\x90\x3c\x40\x83\x60\x80\x3c\0\0\xff\x2f\0", 35);
    if (id == QLatin1String("huge.mid")) {
        // Sparse: 257 MB on paper, a few KB on disk; refused before it is read.
        QFile f(at);
        if (!f.open(QIODevice::WriteOnly) || f.write(smf) != smf.size() || !f.resize(qint64(257) << 20))
            return {};
        return at;
    }
    if (id == QLatin1String("missing.mid") || id == QLatin1String("missing.pt") || id == QLatin1String("missing-folder"))
        return at;  // never created
    if (id == QLatin1String("folder.mid")) {
        QDir().mkpath(at);
        return at;
    }
    if (id == QLatin1String("unreadable.mid") || id == QLatin1String("unreadable-dataset")) {
        if (::geteuid() == 0) {
            *skip = QStringLiteral("running as root: chmod 000 does not stop root from reading");
            return {};
        }
        QString file = at;
        if (id == QLatin1String("unreadable-dataset")) {
            QDir().mkpath(at + "/chopin");
            QDir().mkpath(at + "/other");
            file = at + "/chopin/locked.mid";
            writeBytes(at + "/other/locked.mid", smf);
            QFile::setPermissions(at + "/other/locked.mid", {});
        }
        writeBytes(file, smf);
        QFile::setPermissions(file, {});
        return at;
    }
    if (id == QLatin1String("classifier-default.pt") || id == QLatin1String("composer-default.pt"))
        return QStringLiteral(AICHOPIN_RESOURCE_DIR_FOR_TESTS "/models/") + id;
    if (id == QLatin1String("empty-folder")) {
        QDir().mkpath(at);
        return at;
    }
    if (id == QLatin1String("symlink-loop")) {
        // chopin/loop points back at the dataset, other/loop at chopin/: walking them never ends
        // unless the walker notices.
        QDir().mkpath(at + "/chopin");
        QDir().mkpath(at + "/other");
        QFile::link(at, at + "/chopin/loop");
        QFile::link(at + "/chopin", at + "/other/loop");
        return at;
    }
    if (id == QLatin1String("file-not-folder.mid")) {
        writeBytes(at, smf);
        return at;
    }
    *skip = QStringLiteral("unknown run-time kind %1").arg(name);
    return {};
}

// Gives every file below `dir` back to its owner, so QTemporaryDir can remove what chmod 000 locked.
inline void unlockForRemoval(const QString &dir)
{
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// The data rows of a test: one per bad input and path (a Via bit from `first` to `last`) it goes through.
inline void addBadInputRows(unsigned first, unsigned last, const std::function<QString(Via)> &pathName)
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("via");
    const auto &inputs = badInputs();
    for (int i = 0; i < int(inputs.size()); ++i)
        for (unsigned v = first; v <= last; v <<= 1)
            if (inputs[size_t(i)].via & v)
                QTest::newRow(qPrintable(QStringLiteral("%1 | %2").arg(QLatin1String(inputs[size_t(i)].name), pathName(Via(v))))) << i << int(v);
}

}  // namespace aichopin::test
