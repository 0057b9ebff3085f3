#include "compose/CompositionList.h"

#include "compose/ComposeTypes.h"
#include "midi/SmfReader.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace aichopin {

namespace {
// This session's pieces are in Qt::UserRole; every kept file's path here.
constexpr int kKeptPathRole = Qt::UserRole + 1;

// Items dragged out are their MIDI files (to a DAW, a file manager, or this app's roll).
class KeptFileList : public QListWidget {
public:
    using QListWidget::QListWidget;

protected:
    QStringList mimeTypes() const override { return {QStringLiteral("text/uri-list")}; }
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        QList<QUrl> urls;
        for (const QListWidgetItem *item : items)
            if (const QString path = item->data(kKeptPathRole).toString(); !path.isEmpty() && QFile::exists(path))
                urls << QUrl::fromLocalFile(path);
        if (urls.isEmpty())
            return nullptr;  // not kept (the folder could not be written): nothing to drag
        auto *data = new QMimeData;
        data->setUrls(urls);
        return data;
    }
};
}  // namespace

CompositionList::CompositionList(const QString &dir, int earlier, QWidget *parent) : QWidget(parent), m_keeper(dir)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString shownDir = QDir::toNativeSeparators(m_keeper.dir());
    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Compositions"), this);
    title->setToolTip(tr("Every composition is kept as a MIDI file in %1").arg(shownDir));
    auto *showFolder = new QPushButton(tr("Folder"), this);
    showFolder->setObjectName(QStringLiteral("compositionsFolder"));
    showFolder->setToolTip(tr("Open the folder where every composition is kept as a MIDI file: %1").arg(shownDir));
    connect(showFolder, &QPushButton::clicked, this, [this, shownDir] {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_keeper.dir())))
            Q_EMIT message(tr("Your compositions are in %1").arg(shownDir));
    });
    titleRow->addWidget(title, 1);
    titleRow->addWidget(showFolder);
    layout->addLayout(titleRow);
    // The first time, an empty white box says nothing: this says what will be there.
    m_emptyHint = new QLabel(tr("Each piece you compose is listed here and kept as a MIDI file, so none is lost. "
                                "Double-click one to bring it back."),
                             this);
    m_emptyHint->setObjectName(QStringLiteral("compositionsHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setEnabled(false);
    layout->addWidget(m_emptyHint);

    m_list = new KeptFileList(this);
    m_list->setAccessibleName(tr("Compositions list"));  // also names its key in Help > Keyboard Shortcuts
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setDefaultDropAction(Qt::CopyAction);
    m_list->setObjectName(QStringLiteral("history"));
    // The names are long ("Composition 1: 30 s, T 1, seed 800495: 232 notes, 0:30") and the
    // column narrow: wrapped onto more lines rather than cut off behind a sideways scroll bar.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(1);
    m_list->setToolTip(tr("Double-click to bring a composition back (undoable). Each is kept as a MIDI file, "
                          "so earlier sessions' are here too; drag one to your sequencer or file manager to copy its file."));
    layout->addWidget(m_list, 1);
    // Earlier sessions' compositions, by the name of their file ("2026-12-07 00.52.13 Composition
    // 3, 30 s, ..."), read only when chosen.
    for (const CompositionKeeper::Kept &kept : m_keeper.recent(earlier)) {
        auto *item = new QListWidgetItem(kept.name, m_list);
        item->setData(kKeptPathRole, kept.path);
        item->setToolTip(QDir::toNativeSeparators(kept.path));
        item->setForeground(palette().color(QPalette::PlaceholderText));
    }
    m_list->scrollToBottom();
    m_emptyHint->setVisible(m_list->count() == 0);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { choose(m_list->row(item)); });
    m_trash = new QAction(tr("Move to Trash"), m_list);
    m_trash->setObjectName(QStringLiteral("trashComposition"));
    m_trash->setStatusTip(tr("Move this composition's MIDI file to the trash and take it off the list"));
    m_trash->setToolTip(m_trash->statusTip() + tr(" (Shift+Delete)"));
    m_trash->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_trash->setShortcutContext(Qt::WidgetShortcut);  // in the list only
    m_trash->setEnabled(false);
    connect(m_trash, &QAction::triggered, this, &CompositionList::trashCurrent);
    m_list->addAction(m_trash);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) { m_trash->setEnabled(item != nullptr); });
}

void CompositionList::trashCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->text(), path = item->data(kKeptPathRole).toString();
    const bool hasFile = !path.isEmpty() && QFile::exists(path);
    if (hasFile && !QFile::moveToTrash(path)) {
        Q_EMIT message(tr("Could not move %1 to the trash; it is still in %2.").arg(name, QDir::toNativeSeparators(m_keeper.dir())));
        return;
    }
    delete item;
    m_emptyHint->setVisible(m_list->count() == 0);
    Q_EMIT message(hasFile ? tr("Moved %1 to the trash.").arg(name) : tr("Took %1 off the list (it had no file).").arg(name));
}

QString CompositionList::add(const NoteSequence &piece, const QString &label, const QString &name)
{
    auto *item = new QListWidgetItem(label, m_list);
    item->setData(Qt::UserRole, QVariant::fromValue(piece));
    m_emptyHint->hide();
    m_list->scrollToItem(item);
    // Kept at once, so that quitting or a crash loses no composition.
    const Result<QString> kept = m_keeper.keep(piece, name);
    if (!kept) {
        item->setToolTip(tr("Not kept as a file: %1").arg(kept.error().toString()));
        return kept.error().toString();
    }
    item->setData(kKeptPathRole, kept.value());
    item->setToolTip(QDir::toNativeSeparators(kept.value()));
    return {};
}

void CompositionList::choose(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item)
        return;
    if (item->data(Qt::UserRole).isValid()) {
        Q_EMIT chosen(item->data(Qt::UserRole).value<NoteSequence>(), item->text());
        return;
    }
    // An earlier session's: read from its file (which may have been moved or edited since).
    const auto read = SmfReader::readFile(item->data(kKeptPathRole).toString());
    if (!read) {
        Q_EMIT message(tr("Cannot bring back %1: %2").arg(item->text(), read.error().toString()));
        return;
    }
    Q_EMIT chosen(read.value(), item->text());
}

}  // namespace aichopin
