// The Dataset panel: add a folder, see its files with labels and problems, preview them, and
// find the folder again after a restart.

#include "dataset/DatasetPanel.h"
#include "midi/SmfWriter.h"
#include "pianoroll/PianoRollModel.h"
#include "support/TestAudio.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
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
        QVERIFY2(panel.summary().contains("chopin: 1 pieces"), qPrintable(panel.summary()));
        QVERIFY(panel.summary().contains("1 unreadable"));

        panel.tree()->setCurrentItem(etude);
        QCOMPARE(panel.previewModel()->sequence().notes.size(), size_t(30));
        panel.tree()->setCurrentItem(tone);
        QTRY_VERIFY_WITH_TIMEOUT(panel.hasAudioPreview(), 20000);
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
