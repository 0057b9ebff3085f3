#pragma once
// Shared console helpers for subcommands: stdout/stderr streams, a progress bar that draws on a
// terminal (and prints plain lines otherwise), JSON printing, and parsing of common options.

#include "common/Progress.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

namespace aichopin {
class ClassifierModel;
}

namespace aichopin::cli {

QTextStream &out();
QTextStream &err();

void printJson(const QJsonDocument &doc);

// A ProgressSink that redraws one line on a terminal at most 10 times a second.
ProgressSink progressBar();
// Ends the progress line (call once the operation finished).
void endProgress();

// Processes args with the parser (adds --help); on error prints it and returns false with
// *exitCode set. On --help prints the help and returns false with *exitCode 0.
bool parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &description, int *exitCode);

// The classifier commands' --shifts option: semitone shifts at which each clip is also heard.
QCommandLineOption bandShiftsOption();
// Gives the model the shifts the option names (comma-separated, such as "-1,1", or "0" or "none"
// for none), or leaves it as it is when the option is not given. False (the problem printed on
// stderr after "command: ") for anything else or a shift beyond an octave.
bool applyBandShiftsOption(const QCommandLineParser &parser, const QCommandLineOption &option, ClassifierModel &model,
                           const QString &command);
// Installs a SIGINT/SIGTERM handler that calls the given function once (for Ctrl+C).
void onInterrupt(void (*handler)());

}  // namespace aichopin::cli
