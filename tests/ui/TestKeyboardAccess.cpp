// Every action and button of the main window and its areas can be reached from the keyboard and
// explains itself: a button has a tooltip and takes focus or has a shortcut; an action outside
// the menus has a tooltip of its own and a shortcut or a focusable button; a menu action has text.

#include "main/MainWindow.h"
#include "main/ShortcutsDialog.h"
#include "training/TrainingPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace aichopin;

namespace {
// What QAction::toolTip() returns when no tooltip was set: the text without '&' and "...".
QString strippedText(QString s)
{
    s.remove(QStringLiteral("..."));
    s.remove(QLatin1Char('&'));
    return s.trimmed();
}

// Buttons Qt makes inside its own widgets (tab scrollers, the table's corner, line-edit icons).
bool isQtInternal(const QAbstractButton *b)
{
    const QObject *parent = b->parent();
    return qobject_cast<const QTabBar *>(parent) || qobject_cast<const QMenuBar *>(parent)
        || b->objectName().startsWith(QLatin1String("qt_")) || QByteArray(b->metaObject()->className()) == "QTableCornerButton"
        || QByteArray(b->metaObject()->className()) == "QLineEditIconButton";
}

QString describe(const QObject *o, const QString &text)
{
    QStringList chain;
    for (const QObject *p = o; p; p = p->parent())
        chain.prepend(QString::fromLatin1(p->metaObject()->className()) + (p->objectName().isEmpty() ? QString() : "#" + p->objectName()));
    return QStringLiteral("'%1' (%2)").arg(text, chain.join(" > "));
}

bool inAMenu(const QAction *a)
{
    for (QObject *o : a->associatedObjects())
        if (qobject_cast<QMenu *>(o) || qobject_cast<QMenuBar *>(o))
            return true;
    return false;
}

bool hasFocusableButton(const QAction *a)
{
    for (QObject *o : a->associatedObjects())
        if (auto *b = qobject_cast<QAbstractButton *>(o); b && (b->focusPolicy() & Qt::TabFocus))
            return true;
    return false;
}
}  // namespace

class TestKeyboardAccess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyButtonHasATooltipAndIsReachable()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList missing;
        int checked = 0;
        for (QAbstractButton *b : w.findChildren<QAbstractButton *>()) {
            if (isQtInternal(b))
                continue;
            ++checked;
            const QString text = b->text().isEmpty() ? b->objectName() : b->text();
            const QAction *action = qobject_cast<QToolButton *>(b) ? static_cast<QToolButton *>(b)->defaultAction() : nullptr;
            const QString tip = action ? action->toolTip() : b->toolTip();
            if (tip.isEmpty() || (action && tip == strippedText(action->text())))
                missing << "no tooltip: " + describe(b, text);
            const bool focusable = b->focusPolicy() & Qt::TabFocus;
            const bool shortcut = !b->shortcut().isEmpty() || (action && !action->shortcut().isEmpty());
            if (!focusable && !shortcut)
                missing << "not reachable by keyboard: " + describe(b, text);
        }
        QVERIFY(checked > 20);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join("\n")));
    }

    void everyActionIsInAMenuOrHasATooltipAndAKey()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList missing;
        int menuActions = 0;
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->isSeparator() || a->associatedObjects().isEmpty() || a->menu())
                continue;  // separators, actions shown nowhere, and submenu entries
            if (inAMenu(a)) {
                ++menuActions;
                if (a->text().isEmpty())
                    missing << "menu action without text: " + describe(a, a->objectName());
                continue;
            }
            if (a->toolTip().isEmpty() || a->toolTip() == strippedText(a->text()))
                missing << "no tooltip: " + describe(a, a->text());
            if (a->shortcut().isEmpty() && !hasFocusableButton(a))
                missing << "no shortcut or focusable button: " + describe(a, a->text());
        }
        QVERIFY(menuActions >= 15);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join("\n")));
    }

    void menusAndAreasHaveTheirOwnAltKeys()
    {
        MainWindow w;
        QStringList keys;
        QStringList texts;
        for (QAction *a : w.menuBar()->actions())
            texts << a->text();
        for (int i = 0; i < w.areas()->count(); ++i)
            texts << w.areas()->tabText(i);
        for (const QString &t : texts) {
            const int amp = int(t.indexOf(QLatin1Char('&')));
            QVERIFY2(amp >= 0, qPrintable(t + " has no mnemonic"));
            keys << t.mid(amp + 1, 1).toLower();
        }
        keys.removeDuplicates();
        QCOMPARE(keys.size(), texts.size());
    }

    void everyMenuActionWithAShortcutSaysSo()
    {
        // Shortcuts of the frequent commands are what makes them keyboard-fast.
        MainWindow w;
        QStringList withoutShortcut;
        for (QAction *top : w.menuBar()->actions())
            for (QAction *a : top->menu()->actions())
                if (!a->isSeparator() && !a->menu() && a->shortcut().isEmpty())
                    withoutShortcut << strippedText(a->text());  // a submenu (Open Recent) opens by its mnemonic
        // Only the rarely used commands may go without one.
        for (const QString &t : withoutShortcut)
            QVERIFY2(t.startsWith(QLatin1String("About")), qPrintable(t + " has no shortcut"));
    }

    void helpListsEveryShortcutOfTheMenus()
    {
        MainWindow w;
        ShortcutsDialog dialog(w.menuBar(), &w);
        QTableWidget *table = dialog.table();
        QHash<QString, QString> listed;  // command -> keys
        for (int r = 0; r < table->rowCount(); ++r)
            listed.insert(table->item(r, 0)->text(), table->item(r, 1)->text());
        int withKeys = 0;
        for (QAction *top : w.menuBar()->actions())
            for (QAction *a : top->menu()->actions()) {
                if (a->isSeparator() || a->menu() || a->shortcut().isEmpty())
                    continue;
                ++withKeys;
                QString command = strippedText(top->text()) + " > " + strippedText(a->text());
                if (command.endsWith(QLatin1String("...")))
                    command.chop(3);
                QVERIFY2(listed.contains(command), qPrintable(command + " is not listed"));
                QVERIFY2(listed.value(command).contains(a->shortcut().toString(QKeySequence::NativeText)), qPrintable(command));
            }
        QVERIFY(withKeys >= 20);
        QCOMPARE(listed.value(QStringLiteral("Edit > Transpose Up a Semitone")), QStringLiteral("Ctrl+Up"));
        QCOMPARE(listed.value(QStringLiteral("Compose > Compose")), QStringLiteral("Ctrl+Return or Ctrl+Enter"));
        QVERIFY(listed.contains(QStringLiteral("Piano roll: play or pause")));
        // The keys of the lists' right-click menus, with the list they work in.
        QCOMPARE(listed.value(QStringLiteral("Classify list: Open in Spectrogram")), QStringLiteral("Ctrl+Shift+S"));
        QCOMPARE(listed.value(QStringLiteral("Classify list: Remove from List")), QStringLiteral("Del"));
        QCOMPARE(listed.value(QStringLiteral("Dataset tree: Classify")), QStringLiteral("Ctrl+Shift+L"));
        QCOMPARE(listed.value(QStringLiteral("Dataset tree: Open in Compose")), QStringLiteral("Return or Enter"));
        QCOMPARE(listed.value(QStringLiteral("Compositions list: Move to Trash")), QStringLiteral("Shift+Del"));
        // And the dialog itself is found by its key.
        auto *help = w.findChild<QAction *>(QStringLiteral("actionShortcuts"));
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
    }
};

QTEST_MAIN(TestKeyboardAccess)
#include "TestKeyboardAccess.moc"
