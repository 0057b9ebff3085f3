// The Dataset panel: add a folder, see its files with labels and problems, preview them, and
// find the folder again after a restart.

#include "dataset/DatasetPanel.h"
#include "main/Translations.h"
#include "midi/SmfWriter.h"
#include "pianoroll/PianoRollModel.h"
#include "support/TestAudio.h"

#include <QDir>
#include <QSettings>
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
        panel.tree()->setCurrentItem(tone);
        QTRY_VERIFY_WITH_TIMEOUT(panel.hasAudioPreview(), 20000);
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
