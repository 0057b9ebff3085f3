#include "main/RecentFilesMenu.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace aichopin {

namespace {
constexpr const char *kKey = "recent/files";
}  // namespace

RecentFilesMenu::RecentFilesMenu(QWidget *parent) : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentFiles"));
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild();
}

QStringList RecentFilesMenu::files() const { return QSettings().value(QLatin1String(kKey)).toStringList(); }

void RecentFilesMenu::store(const QStringList &files)
{
    QSettings().setValue(QLatin1String(kKey), files);
    rebuild();
}

void RecentFilesMenu::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMax));
}

void RecentFilesMenu::remove(const QString &path)
{
    QStringList list = files();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store(list);
}

void RecentFilesMenu::clearFiles() { store({}); }

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list[i];
        const bool there = QFileInfo::exists(path);
        // "&1 chpn-p4.mid", with the folder to tell apart files of one name.
        QAction *action = addAction(QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName()));
        action->setStatusTip(there ? QDir::toNativeSeparators(path) : tr("%1 (not found)").arg(QDir::toNativeSeparators(path)));
        action->setToolTip(action->statusTip());
        action->setEnabled(there);
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT fileChosen(path); });
    }
    if (!list.isEmpty()) {
        addSeparator();
        addAction(tr("&Clear Menu"), this, &RecentFilesMenu::clearFiles)->setStatusTip(tr("Forget the files opened recently"));
    }
    menuAction()->setEnabled(!list.isEmpty());
}

}  // namespace aichopin
