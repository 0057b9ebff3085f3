// Every file of the shared piano-midi corpus loads with plausible content.

#include "midi/SmfReader.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QtTest>

using namespace aichopin;

class TestPianoMidiCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFileLoads()
    {
        const QString root = QStringLiteral(AICHOPIN_TEST_PIANO_MIDI);
        if (!QFileInfo(root + "/midis").isDir())
            QSKIP("../shared/data/piano-midi is not present next to the source tree");
        QDirIterator it(root + "/midis", {QStringLiteral("*.mid")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const auto r = SmfReader::readFile(path);
            QVERIFY2(r.ok(), qPrintable(path + ": " + (r.ok() ? QString() : r.error().toString())));
            QVERIFY2(r->notes.size() > 50, qPrintable(path));
            QVERIFY2(r->duration() > 10 && r->duration() < 3600, qPrintable(path));
            QVERIFY2(r->lowestPitch() >= 0 && r->highestPitch() <= 127, qPrintable(path));
            ++files;
        }
        QCOMPARE(files, 337);
    }
};

QTEST_GUILESS_MAIN(TestPianoMidiCorpus)
#include "TestPianoMidiCorpus.moc"
