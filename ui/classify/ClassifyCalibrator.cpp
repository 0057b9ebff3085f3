#include "classify/ClassifyCalibrator.h"

#include "classifier/ClassifierCalibration.h"
#include "common/DataPaths.h"
#include "common/Numbers.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace aichopin {

struct ClassifyCalibrator::Outcome {
    Result<FolderCalibration> result = Error{QString()};
    QString folder;
};

ClassifyCalibrator::ClassifyCalibrator(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<Outcome> o = m_watcher.result();
        if (!o->result) {
            Q_EMIT finished(false, o->result.error().toString(), QString());
            return;
        }
        const FolderCalibration &c = o->result.value();
        const int pieces = c.chopinPieces + c.otherPieces;
        QString message = tr("Calibrated on %1 of your pieces in %2 (%3 by Chopin, %4 by others): the Chopin decision moved from "
                             "%5 to %6 (log-odds); %7 of the %1 were called right before, %8 now. Classifying with %9 (Model... "
                             "goes back to the shipped model or another).")
                              .arg(pieces).arg(QFileInfo(o->folder).fileName()).arg(c.chopinPieces).arg(c.otherPieces)
                              .arg(decimal(c.biasBefore, 2)).arg(decimal(c.biasAfter, 2)).arg(c.rightBefore).arg(c.rightAfter)
                              .arg(QFileInfo(c.modelPath).fileName());
        if (!c.skipped.isEmpty())
            message += tr(" %n file(s) could not be judged (unreadable, or too little music) and were left out.", nullptr,
                          int(c.skipped.size()));
        // Measured (the classifier's card): with fewer than five pieces of each kind the decision
        // moved as often to worse as to better.
        if (c.chopinPieces < 5 || c.otherPieces < 5)
            message += tr(" With fewer than five pieces of each kind this decision is a rough one: add pieces and calibrate again "
                          "for a steadier one.");
        Q_EMIT finished(true, message, c.modelPath);
    });
}

ClassifyCalibrator::~ClassifyCalibrator()
{
    if (m_cancel)
        m_cancel->cancel();
    m_watcher.waitForFinished();
}

bool ClassifyCalibrator::start(const QString &modelPath, const QString &folder, const QString &outPath)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<CancelToken>();
    QPointer<ClassifyCalibrator> self(this);
    const ProgressSink sink = [self](const ProgressInfo &p) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, stage = p.stage] {
                if (self)
                    Q_EMIT self->progress(stage);
            },
            Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([modelPath, folder, outPath, sink, cancel = m_cancel] {
        auto o = std::make_shared<Outcome>();
        o->folder = folder;
        QDir().mkpath(QFileInfo(outPath).absolutePath());
        o->result = ClassifierCalibration::calibrateOnFolder(modelPath, folder, outPath, sink, cancel.get());
        return o;
    }));
    return true;
}

void ClassifyCalibrator::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

QString ClassifyCalibrator::defaultOutPath(const QString &folder)
{
    QString name = QFileInfo(folder).fileName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    const QString stem = QStringLiteral("%1/classifier-calibrated-%2-%3")
                             .arg(DataPaths::userModelDir(), name.isEmpty() ? QStringLiteral("folder") : name,
                                  QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    QString path = stem + QStringLiteral(".pt");
    for (int i = 2; QFileInfo::exists(path); ++i)
        path = QStringLiteral("%1-%2.pt").arg(stem).arg(i);
    return path;
}

}  // namespace aichopin
