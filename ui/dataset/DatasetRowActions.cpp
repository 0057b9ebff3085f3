#include "dataset/DatasetRowActions.h"

#include "dataset/MusicFolderScanner.h"

#include <QAction>
#include <QDesktopServices>
#include <QFileInfo>
#include <QTreeWidget>
#include <QUrl>

namespace aichopin {

using namespace datasettree;
static_assert(int(PathRole) == int(Qt::UserRole));

namespace {
QAction *rowAction(QTreeWidget *tree, const QString &text, const QKeySequence &key, const QString &tip)
{
    auto *a = new QAction(text, tree);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetShortcut);  // in the tree only
    a->setToolTip(tip);
    tree->addAction(a);
    return a;
}
}  // namespace

DatasetRowActions::DatasetRowActions(QTreeWidget *tree) : QObject(tree), m_tree(tree)
{
    m_openInCompose = rowAction(tree, tr("Open in &Compose"), QKeySequence(Qt::Key_Return), tr("Show this MIDI file in the piano roll"));
    m_openInCompose->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_classify = rowAction(tree, tr("C&lassify"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                           tr("Does it sound like Chopin? A folder: every recording and MIDI file in it"));
    m_openInSpectrogram = rowAction(tree, tr("Open in &Spectrogram"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                                    tr("Look at this file in the Spectrogram area: zoom in, read off notes and levels"));
    m_showInFolder = rowAction(tree, tr("Show in &Folder"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                               tr("Open the folder that holds this file"));
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_openInCompose, &QAction::triggered, this, [this] {
        if (m_openInCompose->isEnabled())
            Q_EMIT openInComposeRequested(path());
    });
    connect(m_classify, &QAction::triggered, this, [this] {
        if (m_classify->isEnabled())
            Q_EMIT classifyRequested(path());
    });
    connect(m_openInSpectrogram, &QAction::triggered, this, [this] {
        if (m_openInSpectrogram->isEnabled())
            Q_EMIT openInSpectrogramRequested(path());
    });
    connect(m_showInFolder, &QAction::triggered, this, [this] {
        if (!m_showInFolder->isEnabled())
            return;
        const QFileInfo info(path());
        QDesktopServices::openUrl(QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath()));
    });
    connect(tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item != current() || !isUsableFile())
            return;
        if (isMidi())
            Q_EMIT openInComposeRequested(path());
        else
            Q_EMIT openInSpectrogramRequested(path());
    });
    connect(tree, &QTreeWidget::currentItemChanged, this, &DatasetRowActions::updateEnabled);
    updateEnabled();
}

QTreeWidgetItem *DatasetRowActions::current() const { return m_tree->currentItem(); }

QString DatasetRowActions::path() const
{
    const QTreeWidgetItem *item = current();
    return item ? item->data(Name, PathRole).toString() : QString();
}

bool DatasetRowActions::isUsableFile() const
{
    const QTreeWidgetItem *item = current();
    return item && !item->data(Name, KindRole).isNull() && item->text(Problem).isEmpty() && QFileInfo::exists(path());
}

bool DatasetRowActions::isMidi() const
{
    return isUsableFile() && MusicFile::Kind(current()->data(Name, KindRole).toInt()) == MusicFile::Kind::Midi;
}

void DatasetRowActions::updateEnabled()
{
    const bool folder = current() && current()->data(Name, KindRole).isNull() && QFileInfo(path()).isDir();
    m_openInCompose->setEnabled(isMidi());
    m_classify->setEnabled(isUsableFile() || folder);
    m_openInSpectrogram->setEnabled(isUsableFile());
    m_showInFolder->setEnabled(!path().isEmpty() && QFileInfo::exists(path()));
}

}  // namespace aichopin
