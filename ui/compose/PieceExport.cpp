#include "compose/PieceExport.h"

#include "common/CancelToken.h"
#include "common/RecentFolders.h"
#include "compose/CompositionKeeper.h"
#include "sound/OfflineRenderer.h"

#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace aichopin {

QString PieceExport::fileStem(const QString &pieceName)
{
    // An opened file's name without its suffix and the title after it; what follows stays
    // ("scale.mid, rewritten" -> "scale, rewritten").
    static const QRegularExpression opened(QStringLiteral("^(.+?)\\.(?:midi|mid|kar|rmi)(?: \\(.*\\))?((?:,.*)?)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = opened.match(pieceName);
    const QString name = CompositionKeeper::safeName(m.hasMatch() ? m.captured(1) + m.captured(2) : pieceName);
    return name.isEmpty() ? QStringLiteral("composition") : name;
}

QString PieceExport::askPath(QWidget *parent, const QString &title, const QString &stem, const QString &suffix, const QString &filter)
{
    const QString dir = recentfolders::folder(recentfolders::kExport);
    QString path = QFileDialog::getSaveFileName(parent, title, QDir(dir).filePath(stem + QLatin1Char('.') + suffix), filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    recentfolders::remember(recentfolders::kExport, path);
    return path;
}

Status PieceExport::renderWav(QWidget *parent, const NoteSequence &piece, const QString &path)
{
    auto cancel = std::make_shared<CancelToken>();
    auto progress = std::make_shared<std::atomic<int>>(0);
    QProgressDialog dialog(tr("Rendering %1...").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 100, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [cancel] { cancel->cancel(); });
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] { dialog.setValue(progress->load()); });
    poll.start(50);
    watcher.setFuture(QtConcurrent::run([piece, path, cancel, progress]() -> QString {
        auto renderer = OfflineRenderer::create();
        if (!renderer)
            return renderer.error().toString();
        auto stats = renderer.value()->renderToWav(piece, path, [progress](const ProgressInfo &p) { *progress = int(p.fraction * 100); },
                                                   cancel.get());
        return stats ? QString() : stats.error().toString();
    }));
    loop.exec();
    dialog.reset();
    const QString error = watcher.result();
    if (!error.isEmpty())
        return Error{error};
    return Ok{};
}

}  // namespace aichopin
