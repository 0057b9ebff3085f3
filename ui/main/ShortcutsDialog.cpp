#include "main/ShortcutsDialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace aichopin {

namespace {
QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text;
}
}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    const auto row = [this](const QString &command, const QString &keys) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        m_table->setItem(r, 0, new QTableWidgetItem(command));
        m_table->item(r, 0)->setToolTip(command);
        m_table->setItem(r, 1, new QTableWidgetItem(keys));
    };
    for (QAction *top : menus->actions()) {
        if (!top->menu())
            continue;
        for (QAction *a : top->menu()->actions()) {
            if (a->isSeparator() || a->menu() || a->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            row(QStringLiteral("%1 > %2").arg(plain(top->text()), plain(a->text())), keys.join(tr(" or ")));
        }
    }
    // The roll's own keys and gestures (PianoRollView, ComposePanel), with the roll in focus.
    const QString roll = tr("Piano roll");
    row(tr("%1: play or pause").arg(roll), tr("Space"));
    row(tr("%1: select a time range (whole bars in a piece with bars)").arg(roll), tr("Shift+drag"));
    row(tr("%1: select any time range").arg(roll), tr("Ctrl+Shift+drag"));
    row(tr("%1: select bars (seconds without bars) from the playhead, or take them back").arg(roll), tr("Shift+Right, Shift+Left"));
    row(tr("%1: select the notes of some keys only (a box)").arg(roll), tr("Drag from an empty place"));
    row(tr("%1: add a note to the selection, or take it out").arg(roll), tr("Ctrl+click the note"));
    row(tr("%1: move the playhead").arg(roll), tr("Click"));
    row(tr("%1: hear a key").arg(roll), tr("Click a key at the left"));
    row(tr("%1: delete, move, or make louder or softer one note").arg(roll), tr("Right-click the note"));
    row(tr("%1: add a note").arg(roll), tr("Double-click an empty place"));
    row(tr("%1: move a note to another key or time (Esc puts it back)").arg(roll), tr("Drag the note"));
    row(tr("%1: move the selection's notes together").arg(roll), tr("Drag one of them"));
    row(tr("%1: make a note longer or shorter").arg(roll), tr("Drag the note's end"));
    row(tr("%1: draw the notes' velocities (the selection's only, when there is one)").arg(roll), tr("Drag across the velocity strip"));
    row(tr("%1: zoom in, out, fit the piece").arg(roll), tr("+, -, 0"));
    row(tr("%1: scroll").arg(roll), tr("Arrow keys, Page Up, Page Down, Home, End"));
    row(tr("%1: clear the selection").arg(roll), tr("Esc"));
    // The right-click menus of the lists (Classify's results, the compositions, the Dataset tree) and their keys,
    // which work with the list in focus: taken from the lists themselves, as the menus' are.
    if (parent) {
        QList<QAbstractItemView *> views = parent->findChildren<QAbstractItemView *>();
        std::sort(views.begin(), views.end(), [](const QAbstractItemView *a, const QAbstractItemView *b) {
            return a->accessibleName() < b->accessibleName();  // Classify, Compositions, Dataset
        });
        for (const QAbstractItemView *view : views) {
            if (view->contextMenuPolicy() != Qt::ActionsContextMenu || view->accessibleName().isEmpty())
                continue;
            for (const QAction *a : view->actions()) {
                QStringList keys;
                for (const QKeySequence &k : a->shortcuts())
                    keys << k.toString(QKeySequence::NativeText);
                if (!keys.isEmpty())
                    row(QStringLiteral("%1: %2").arg(view->accessibleName(), plain(a->text())), keys.join(tr(" or ")));
            }
        }
    }
    m_table->setWordWrap(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(760, 600);
}

}  // namespace aichopin
