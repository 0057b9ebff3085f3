// aichopin-cli play: plays a MIDI file through FluidSynth and the audio device, or to a MIDI
// output port. Ctrl+C stops and silences the receiver.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "midi/SmfReader.h"
#include "sound/LivePlayer.h"
#include "sound/MidiOutput.h"
#include "sound/MidiOutputPlayer.h"

#include <QFileInfo>
#include <QThread>

#include <atomic>

namespace aichopin::cli {
namespace {

std::atomic<bool> g_interrupted{false};
void interrupt() { g_interrupted.store(true); }

QString clock(double seconds)
{
    const int total = int(seconds);
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

void showProgress(const ProgressSink &bar, double position, double duration)
{
    bar(ProgressInfo{duration > 0 ? std::min(1.0, position / duration) : -1.0,
                     QStringLiteral("Playing %1 / %2").arg(clock(position), clock(duration))});
}

int playToMidi(const QString &program, const NoteSequence &seq, const QString &port, double speed)
{
    MidiOutput output;
    if (Status s = output.open(port); !s) {
        err() << program << ": error: " << s.error().toString() << "\n";
        return 1;
    }
    err() << "Playing to MIDI output '" << output.portName() << "' (Ctrl+C stops)\n";
    MidiOutputPlayer player(&output);
    player.start(seq, speed);
    const ProgressSink bar = progressBar();
    while (!player.wait(100) && !g_interrupted.load())
        showProgress(bar, player.position(), player.duration());
    player.stop();  // sends note-offs, pedal up and all-notes-off
    endProgress();
    return g_interrupted.load() ? 130 : 0;
}

int playToAudio(const QString &program, const NoteSequence &seq, const QString &soundfont, const QString &driver,
                double speed, double gain)
{
    SynthOptions options;
    options.soundfont = soundfont;
    options.gain = gain;
    auto player = LivePlayer::create(options);
    if (!player) {
        err() << program << ": error: " << player.error().toString() << "\n";
        return 1;
    }
    LivePlayer &p = *player.value();
    if (Status s = p.openAudio(driver); !s) {
        err() << program << ": error: " << s.error().toString() << "\n";
        return 1;
    }
    p.setSpeed(speed);
    p.setSequence(seq);
    p.play();
    err() << "Playing through " << p.audioDriver() << " with " << QFileInfo(p.soundfont()).fileName() << " (Ctrl+C stops)\n";
    const ProgressSink bar = progressBar();
    const double duration = seq.duration();
    while (!g_interrupted.load() && p.state() == LivePlayer::State::Playing) {
        QThread::msleep(100);
        showProgress(bar, p.position(), duration);
    }
    if (g_interrupted.load()) {
        p.stop();
    } else {
        QThread::msleep(1500);  // let the last notes and the reverb ring out
    }
    QThread::msleep(50);  // one audio block to apply the stop
    p.closeAudio();
    endProgress();
    return g_interrupted.load() ? 130 : 0;
}

int runPlay(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption midiOutOpt(QStringLiteral("midi-out"), QStringLiteral("Send to this MIDI output port (index or part of its name) instead of the synthesizer."), QStringLiteral("PORT"));
    const QCommandLineOption sfOpt(QStringLiteral("soundfont"), QStringLiteral("Soundfont (.sf2/.sf3); default: the first installed General MIDI one."), QStringLiteral("SF"));
    const QCommandLineOption driverOpt(QStringLiteral("audio-driver"), QStringLiteral("FluidSynth audio driver (pulseaudio, alsa, jack, ...); default: the first that works."), QStringLiteral("NAME"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"), QStringLiteral("Playback speed factor, 0.25 to 4 (default 1)."), QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption gainOpt(QStringLiteral("gain"), QStringLiteral("Synthesizer gain, 0 to 10 (default 0.5)."), QStringLiteral("G"), QStringLiteral("0.5"));
    parser.addOptions({midiOutOpt, sfOpt, driverOpt, speedOpt, gainOpt});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("MIDI file (.mid) to play."));
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Play a MIDI file through the audio device or to a MIDI output port."), &code))
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err() << args[0] << ": give exactly one MIDI file\n";
        return 2;
    }
    bool ok = false;
    const double speed = parser.value(speedOpt).toDouble(&ok);
    if (!ok || speed < 0.25 || speed > 4.0) {
        err() << args[0] << ": --speed must be a number from 0.25 to 4\n";
        return 2;
    }
    const double gain = parser.value(gainOpt).toDouble(&ok);
    if (!ok || gain < 0.0 || gain > 10.0) {
        err() << args[0] << ": --gain must be a number from 0 to 10\n";
        return 2;
    }
    const Result<NoteSequence> seq = SmfReader::readFile(files[0]);
    if (!seq) {
        err() << files[0] << ": error: " << seq.error().toString() << "\n";
        return 1;
    }
    onInterrupt(interrupt);
    const int rc = parser.isSet(midiOutOpt)
        ? playToMidi(args[0], seq.value(), parser.value(midiOutOpt), speed)
        : playToAudio(args[0], seq.value(), parser.value(sfOpt), parser.value(driverOpt), speed, gain);
    out().flush();
    err().flush();
    return rc;
}

}  // namespace

AICHOPIN_CLI_COMMAND(play, "play", "Play a MIDI file through the audio device or a MIDI output port", runPlay);

}  // namespace aichopin::cli
