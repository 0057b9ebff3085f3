#include "CliOutput.h"

#include "classifier/ClassifierModel.h"

#include <QElapsedTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace aichopin::cli {

namespace {
bool g_progressOpen = false;
void (*g_interruptHandler)() = nullptr;

void signalHandler(int)
{
    if (g_interruptHandler)
        g_interruptHandler();
}
}  // namespace

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printJson(const QJsonDocument &doc)
{
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

ProgressSink progressBar()
{
    const bool tty = isatty(fileno(stderr));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto lastDraw = std::make_shared<qint64>(-1000);
    auto lastStage = std::make_shared<QString>();
    return [=](const ProgressInfo &p) {
        const qint64 now = timer->elapsed();
        const bool stageChanged = p.stage != *lastStage;
        if (!stageChanged && now - *lastDraw < (tty ? 100 : 2000) && p.fraction < 1.0)
            return;
        *lastDraw = now;
        *lastStage = p.stage;
        QString line;
        if (p.fraction >= 0) {
            const int width = 30;
            const int filled = int(std::clamp(p.fraction, 0.0, 1.0) * width);
            line = QStringLiteral("[%1%2] %3% %4")
                       .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('.')))
                       .arg(int(p.fraction * 100), 3)
                       .arg(p.stage);
        } else {
            line = p.stage;
        }
        if (tty) {
            err() << "\r\033[K" << line;
            g_progressOpen = true;
        } else {
            err() << line << "\n";
        }
        err().flush();
    };
}

void endProgress()
{
    if (g_progressOpen) {
        err() << "\n";
        err().flush();
        g_progressOpen = false;
    }
}

QCommandLineOption bandShiftsOption()
{
    return QCommandLineOption(QStringLiteral("shifts"),
                              QStringLiteral("Semitone shifts at which each clip is also heard, its verdict the mean (semitone-band models; default: the model's, -1,1; none to hear each clip only as it is)."),
                              QStringLiteral("LIST"));
}

bool applyBandShiftsOption(const QCommandLineParser &parser, const QCommandLineOption &option, ClassifierModel &model,
                           const QString &command)
{
    if (!parser.isSet(option))
        return true;
    const QString value = parser.value(option).trimmed();
    std::vector<int> shifts;
    if (value != QStringLiteral("none") && value != QStringLiteral("0")) {
        for (const QString &part : value.split(QLatin1Char(','))) {
            bool ok = false;
            const int k = part.trimmed().toInt(&ok);
            if (!ok || k < -12 || k > 12) {
                err() << command << ": --shifts takes semitone shifts from -12 to 12 separated by commas (such as -1,1), or none; got '"
                      << value << "'\n";
                return false;
            }
            if (k != 0)
                shifts.push_back(k);
        }
    }
    model.setBandShifts(shifts);
    return true;
}

bool parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &description, int *exitCode)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        err() << args.value(0) << ": " << parser.errorText() << "\n";
        err().flush();
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText();
        out().flush();
        *exitCode = 0;
        return false;
    }
    return true;
}

bool wholeOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 low, qint64 high,
                 const QString &command, qint64 *value)
{
    bool ok = false;
    const qint64 v = parser.value(option).trimmed().toLongLong(&ok);
    if (!ok || v < low || v > high) {
        err() << command << ": --" << option.names().constLast() << " must be a whole number from " << low << " to "
              << high << ", not '" << parser.value(option) << "'\n";
        return false;
    }
    *value = v;
    return true;
}

bool numberOption(const QCommandLineParser &parser, const QCommandLineOption &option, double low, double high,
                  const QString &command, double *value)
{
    bool ok = false;
    const double v = parser.value(option).trimmed().toDouble(&ok);
    if (!ok || !(v >= low && v <= high)) {
        err() << command << ": --" << option.names().constLast() << " must be a number from " << low << " to " << high
              << ", not '" << parser.value(option) << "'\n";
        return false;
    }
    *value = v;
    return true;
}

std::optional<ClipSet> buildClassifierClips(const QString &command, const std::vector<DatasetEntry> &entries,
                                            const ClassifierDatasetOptions &options, const ProgressSink &progress,
                                            const CancelToken *cancel, QStringList *skipped,
                                            const std::vector<RoomParams> &rooms)
{
    QStringList files;
    auto set = ClassifierDataset::buildInRooms(entries, options, rooms, progress, cancel, &files);
    endProgress();
    for (const QString &s : files)
        err() << "skipped " << s << "\n";
    if (skipped)
        *skipped = files;
    if (!set) {
        err() << command << ": " << set.error().message << "\n";
        return std::nullopt;
    }
    return std::move(set).value();
}

void onInterrupt(void (*handler)())
{
    g_interruptHandler = handler;
    std::signal(SIGINT, signalHandler);
    std::signal(SIGTERM, signalHandler);
}

}  // namespace aichopin::cli
