#include "classify/ClassifyRowActions.h"

#include "classify/ClassifyResultsModel.h"
#include "listen/MediaFiles.h"

#include <QAction>
#include <QDesktopServices>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QTableView>
#include <QUrl>

namespace aichopin {

ClassifyRowActions::ClassifyRowActions(QTableView *table, ClassifyResultsModel *model, QObject *parent)
    : QObject(parent), m_table(table), m_model(model)
{
    m_remove = new QAction(tr("&Remove from List"), table);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);  // in the list only
    m_remove->setToolTip(tr("Take this result off the list (the file stays where it is)"));
    connect(m_remove, &QAction::triggered, this, [this] {
        if (m_remove->isEnabled())
            Q_EMIT removeRequested(currentRow());
    });
    m_openInCompose = new QAction(tr("Open in &Compose"), table);
    m_openInCompose->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_openInCompose->setShortcutContext(Qt::WidgetShortcut);
    m_openInCompose->setToolTip(tr("Show this MIDI file in the piano roll"));
    connect(m_openInCompose, &QAction::triggered, this, [this] {
        if (const auto *r = m_model->row(currentRow()); r && m_openInCompose->isEnabled())
            Q_EMIT openInComposeRequested(r->path);
    });
    m_openInSpectrogram = new QAction(tr("Open in &Spectrogram"), table);
    m_openInSpectrogram->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_openInSpectrogram->setShortcutContext(Qt::WidgetShortcut);
    m_openInSpectrogram->setToolTip(tr("Look at this file in the Spectrogram area: zoom in, read off notes and levels"));
    connect(m_openInSpectrogram, &QAction::triggered, this, [this] {
        if (const auto *r = m_model->row(currentRow()); r && m_openInSpectrogram->isEnabled())
            Q_EMIT openInSpectrogramRequested(r->path);
    });
    m_showInFolder = new QAction(tr("Show in &Folder"), table);
    m_showInFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_showInFolder->setShortcutContext(Qt::WidgetShortcut);
    m_showInFolder->setToolTip(tr("Open the folder that holds this file"));
    connect(m_showInFolder, &QAction::triggered, this, [this] {
        if (const auto *r = m_model->row(currentRow()))
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(r->path).absolutePath()));
    });
    table->addActions({m_remove, m_openInCompose, m_openInSpectrogram, m_showInFolder});
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ClassifyRowActions::updateEnabled);
    connect(model, &QAbstractItemModel::dataChanged, this, &ClassifyRowActions::updateEnabled);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ClassifyRowActions::updateEnabled);
    connect(model, &QAbstractItemModel::modelReset, this, &ClassifyRowActions::updateEnabled);
    updateEnabled();
}

int ClassifyRowActions::currentRow() const
{
    return m_table->selectionModel()->currentIndex().row();
}

void ClassifyRowActions::updateEnabled()
{
    const ClassifyResultsModel::Row *r = m_model->row(currentRow());
    using State = ClassifyResultsModel::State;
    m_remove->setEnabled(r && (r->state == State::Done || r->state == State::Failed));
    m_openInCompose->setEnabled(r && mediafiles::isMidi(r->path) && QFileInfo::exists(r->path));
    m_openInSpectrogram->setEnabled(r && QFileInfo::exists(r->path));
    m_showInFolder->setEnabled(r != nullptr);
}

}  // namespace aichopin
