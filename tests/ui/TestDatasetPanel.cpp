// The Dataset panel: add a folder, see its files with labels and problems, preview them, and
// find the folder again after a restart.

#include "dataset/DatasetPanel.h"
#include "dataset/DatasetRowActions.h"
#include "main/Translations.h"
#include "midi/SmfWriter.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "support/TestAudio.h"

#include <QDir>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtTest>

using namespace aichopin;

namespace {
QTreeWidgetItem *find(QTreeWidget *tree, const QString &name)
{
    const auto items = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return items.isEmpty() ? nullptr : items.first();
}
}  // namespace

class TestDatasetPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
        QCoreApplication::setOrganizationName(QStringLiteral("aichopin-test"));
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));  // as the app does: "1 piece"
        QDir(m_dir.path()).mkpath("music/chopin");
        QDir(m_dir.path()).mkpath("music/other");
        NoteSequence seq;
        for (int i = 0; i < 30; ++i)
            seq.notes.push_back(Note{50 + i, i * 0.2, 0.3, 0, 0, 80, 0, 0});
        QVERIFY(SmfWriter::writeFile(seq, m_dir.filePath("music/chopin/etude.mid")).ok());
        QFile bad(m_dir.filePath("music/chopin/broken.mid"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("MThd garbage");
        bad.close();
        QVERIFY(test::writeSineWav(m_dir.filePath("music/other/tone.wav"), 2.0));
    }

    void folderShowsFilesLabelsAndProblems()
    {
        DatasetPanel panel;
        panel.resize(1000, 600);
        panel.show();
        panel.addFolder(m_dir.filePath("music"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isScanning(), 20000);
        QTreeWidgetItem *etude = find(panel.tree(), "etude.mid");
        QVERIFY(etude);
        QCOMPARE(etude->text(1), QStringLiteral("chopin"));
        QCOMPARE(etude->text(3), QStringLiteral("30"));
        QTreeWidgetItem *broken = find(panel.tree(), "broken.mid");
        QVERIFY(broken);
        QVERIFY(!broken->text(4).isEmpty());
        QTreeWidgetItem *tone = find(panel.tree(), "tone.wav");
        QVERIFY(tone);
        QCOMPARE(tone->text(1), QStringLiteral("other"));
        QCOMPARE(tone->text(2), QStringLiteral("0:02"));
        QVERIFY2(panel.summary().contains("chopin: 1 piece, "), qPrintable(panel.summary()));
        QVERIFY(panel.summary().contains("1 unreadable"));
        // Laid out for the classifier: what its training would hold out (here, too few pieces).
        QVERIFY2(panel.summary().contains("Classifier training: 2 pieces by Chopin against 1 by others; too few"), qPrintable(panel.summary()));

        panel.tree()->setCurrentItem(etude);
        QCOMPARE(panel.previewModel()->sequence().notes.size(), size_t(30));
        // The preview shows the whole piece across its width (it was fitted to the size the roll
        // had before it was first shown: a 6 s piece squeezed into a few dozen pixels).
        PianoRollView *roll = panel.previewRoll();
        QVERIFY(roll->isVisible());
        const double shownSeconds = (roll->viewport()->width() - PianoRollRenderer::kKeyboardWidth) / roll->pixelsPerSecond();
        const double duration = panel.previewModel()->duration();
        QVERIFY2(shownSeconds > duration && shownSeconds < duration + 1.1, qPrintable(QStringLiteral("%1 s shown of %2").arg(shownSeconds).arg(duration)));
        QCOMPARE(roll->horizontalScrollBar()->maximum(), 0);  // nothing to scroll to
        panel.tree()->setCurrentItem(tone);
        QTRY_VERIFY_WITH_TIMEOUT(panel.hasAudioPreview(), 20000);
    }

    // A row's menu hands the file, or the folder, on: a MIDI file to Compose (Enter or a
    // double-click), any usable file to the Spectrogram area (a recording's double-click), a file
    // or a whole folder to Classify. A file with a problem is not handed on.
    void rowsOpenInComposeSpectrogramOrClassify()
    {
        DatasetPanel panel;
        panel.resize(1000, 600);
        panel.show();
        panel.addFolder(m_dir.filePath("music"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isScanning(), 20000);
        DatasetRowActions *actions = panel.rowActions();
        QTreeWidget *tree = panel.tree();
        QCOMPARE(tree->contextMenuPolicy(), Qt::ActionsContextMenu);
        QSignalSpy compose(&panel, &DatasetPanel::openInComposeRequested);
        QSignalSpy look(&panel, &DatasetPanel::openInSpectrogramRequested);
        QSignalSpy classify(&panel, &DatasetPanel::classifyRequested);
        const QString music = QFileInfo(m_dir.filePath("music")).absoluteFilePath();

        QTreeWidgetItem *etude = find(tree, "etude.mid");
        tree->setCurrentItem(etude);
        QVERIFY(actions->openInComposeAction()->isEnabled());
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(compose.size(), 1);
        QCOMPARE(QFileInfo(compose[0][0].toString()).absoluteFilePath(), music + "/chopin/etude.mid");
        actions->classifyAction()->trigger();
        QCOMPARE(classify.size(), 1);

        tree->setCurrentItem(find(tree, "broken.mid"));
        QVERIFY(!actions->openInComposeAction()->isEnabled());
        QVERIFY(!actions->classifyAction()->isEnabled());
        QVERIFY(!actions->openInSpectrogramAction()->isEnabled());
        QVERIFY(actions->showInFolderAction()->isEnabled());

        QTreeWidgetItem *tone = find(tree, "tone.wav");
        tree->setCurrentItem(tone);
        QVERIFY(!actions->openInComposeAction()->isEnabled());
        QVERIFY(actions->openInSpectrogramAction()->isEnabled());
        tree->expandAll();
        const QPoint toneAt = tree->visualItemRect(tone).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, toneAt);  // a double-click's first press
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, toneAt);
        QCOMPARE(look.size(), 1);
        QCOMPARE(QFileInfo(look[0][0].toString()).fileName(), QStringLiteral("tone.wav"));
        QCOMPARE(compose.size(), 1);

        // A label's folder and the whole folder are classified as they are.
        tree->setCurrentItem(find(tree, "chopin"));
        QVERIFY(actions->classifyAction()->isEnabled());
        QVERIFY(!actions->openInSpectrogramAction()->isEnabled());
        QTest::keyClick(tree, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(classify.size(), 2);
        QCOMPARE(QFileInfo(classify[1][0].toString()).absoluteFilePath(), music + "/chopin");
        tree->setCurrentItem(tree->topLevelItem(0));
        actions->classifyAction()->trigger();
        QCOMPARE(QFileInfo(classify[2][0].toString()).absoluteFilePath(), music);
    }

    // Enough pieces a class: the classifier's split is named, and its held-out pieces say so.
    void classifierSplitIsShown()
    {
        const QString root = m_dir.filePath("labelled");
        for (const char *label : {"chopin", "other"}) {
            QVERIFY(QDir(root).mkpath(label));
            for (int i = 0; i < 5; ++i)
                QVERIFY(test::writeSineWav(QStringLiteral("%1/%2/p%3.wav").arg(root, label).arg(5 * i), 1.0, 220.0 + 20 * i));
        }
        DatasetPanel panel;
        panel.addFolder(root);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isScanning(), 20000);
        QVERIFY2(panel.summary().contains("Classifier training: 5 pieces by Chopin against 5 by others; holds out 2 for validation (1 by Chopin)"),
                 qPrintable(panel.summary()));
        int tipped = 0;
        for (QTreeWidgetItemIterator it(panel.tree()); *it; ++it)
            tipped += (*it)->toolTip(0).contains("when the classifier trains") ? 1 : 0;
        QCOMPARE(tipped, 2);
        // Numbered files in number order, as a file manager lists them (p5 before p10).
        QTreeWidgetItem *first = find(panel.tree(), "p0.wav");
        QVERIFY(first && first->parent());
        QTreeWidgetItem *chopin = first->parent();
        QStringList names;
        for (int i = 0; i < chopin->childCount(); ++i)
            names << chopin->child(i)->text(0);
        QCOMPARE(names, (QStringList{"p0.wav", "p5.wav", "p10.wav", "p15.wav", "p20.wav"}));
        panel.removeFolder(root);
    }

    // A folder of pieces with no label folders (the composer's training data): the pieces are
    // listed under the folder, which is named by its own name (the path is in its tooltip).
    void flatFolderListsItsPiecesUnderItsName()
    {
        const QString root = m_dir.filePath("deep/path/to/Nocturnes");
        QVERIFY(QDir(root).mkpath("."));
        NoteSequence seq;
        seq.notes.push_back(Note{60, 0.0, 1.0, 0, 0, 80, 0, 0});
        for (const char *name : {"op9.mid", "op15.mid"})
            QVERIFY(SmfWriter::writeFile(seq, root + "/" + name).ok());
        DatasetPanel panel;
        panel.addFolder(root);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isScanning(), 20000);
        QTreeWidgetItem *top = nullptr;
        for (int i = 0; i < panel.tree()->topLevelItemCount(); ++i)
            if (panel.tree()->topLevelItem(i)->text(0) == "Nocturnes")
                top = panel.tree()->topLevelItem(i);
        QVERIFY(top);
        QCOMPARE(top->toolTip(0), QDir::toNativeSeparators(QFileInfo(root).absoluteFilePath()));
        QCOMPARE(top->text(3), QStringLiteral("2 pieces"));
        QCOMPARE(top->childCount(), 2);
        QCOMPARE(top->child(0)->text(0), QStringLiteral("op9.mid"));
        QVERIFY(top->child(0)->text(1).isEmpty());
        QVERIFY2(panel.summary().contains("<b>Nocturnes</b>: 2 pieces, "), qPrintable(panel.summary()));
        QVERIFY(!panel.summary().contains("root"));
        // With label folders beside them, the loose files are named as such.
        QVERIFY(QDir(root).mkpath("chopin"));
        QVERIFY(SmfWriter::writeFile(seq, root + "/chopin/op27.mid").ok());
        panel.removeFolder(panel.folders().last());
        panel.addFolder(root);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isScanning(), 20000);
        QVERIFY2(panel.summary().contains("<b>Nocturnes</b>: in the folder itself: 2 pieces, "), qPrintable(panel.summary()));
        QVERIFY(panel.summary().contains("; chopin: 1 piece, "));
        panel.removeFolder(panel.folders().last());
    }

    void foldersAreRemembered()
    {
        {
            DatasetPanel panel;
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isScanning(), 20000);
            QCOMPARE(panel.folders(), QStringList{QFileInfo(m_dir.filePath("music")).absoluteFilePath()});
            panel.removeFolder(panel.folders().first());
        }
        DatasetPanel again;
        QVERIFY(again.folders().isEmpty());
    }
};

QTEST_MAIN(TestDatasetPanel)
#include "TestDatasetPanel.moc"
