#pragma once
// Shared console helpers for subcommands: stdout/stderr streams, a progress bar that draws on a
// terminal (and prints plain lines otherwise), JSON printing, and parsing of common options.

#include "classifier/ClassifierDataset.h"
#include "common/CancelToken.h"
#include "common/Progress.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <optional>
#include <vector>

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

// The largest --seed the commands take (a dozen digits: any seed a person types).
constexpr qint64 kMaxSeed = 999'999'999'999;
// An option's value as a whole number from low to high (or a number, for numberOption): false,
// after printing "command: --name must be ..." on stderr, for anything else. The option's default
// counts as its value when it is not given.
bool wholeOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 low, qint64 high,
                 const QString &command, qint64 *value);
bool numberOption(const QCommandLineParser &parser, const QCommandLineOption &option, double low, double high,
                  const QString &command, double *value);

// The classifier commands' --shifts option: semitone shifts at which each clip is also heard.
QCommandLineOption bandShiftsOption();
// Gives the model the shifts the option names (comma-separated, such as "-1,1", or "0" or "none"
// for none), or leaves it as it is when the option is not given. False (the problem printed on
// stderr after "command: ") for anything else or a shift beyond an octave.
bool applyBandShiftsOption(const QCommandLineParser &parser, const QCommandLineOption &option, ClassifierModel &model,
                           const QString &command);
// Makes the clips of a classifier dataset for a command (ClassifierDataset::build, or
// buildInRooms when rooms are given: each piece heard in each room), ends the progress line,
// names each file it skipped on stderr (and in *skipped, when given) and, when it fails, prints
// "command: why" and returns nullopt.
std::optional<ClipSet> buildClassifierClips(const QString &command, const std::vector<DatasetEntry> &entries,
                                            const ClassifierDatasetOptions &options, const ProgressSink &progress,
                                            const CancelToken *cancel, QStringList *skipped = nullptr,
                                            const std::vector<RoomParams> &rooms = {});
// Installs a SIGINT/SIGTERM handler that calls the given function once (for Ctrl+C).
void onInterrupt(void (*handler)());

}  // namespace aichopin::cli
