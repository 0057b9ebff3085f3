// SoundfontLocator: search order, preferred General MIDI fonts first, duplicates through
// symlinks removed, a clear message naming the Debian package when nothing is installed.

#include "sound/SoundfontLocator.h"
#include "sound/SynthEngine.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace aichopin;

class TestSoundfontLocator : public QObject {
    Q_OBJECT

    static void touch(const QString &path)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("RIFF");
    }

private Q_SLOTS:
    void emptyDirGivesPackageHint()
    {
        QTemporaryDir dir;
        QVERIFY(SoundfontLocator::installed({dir.path()}).isEmpty());
        const Result<QString> r = SoundfontLocator::find({}, {dir.path()});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("fluid-soundfont-gm")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(dir.path()));
    }

    void missingDirIsNotAnError()
    {
        QVERIFY(SoundfontLocator::installed({QStringLiteral("/nonexistent/aichopin/sf2")}).isEmpty());
    }

    void preferredFontsFirstAndLinksOnce()
    {
        QTemporaryDir a, b;
        touch(a.path() + "/Zebra.sf2");
        touch(a.path() + "/TimGM6mb.sf2");
        touch(b.path() + "/FluidR3_GM.sf2");
        touch(b.path() + "/Another.SF3");
        touch(b.path() + "/notes.txt");
        QVERIFY(QFile::link(b.path() + "/FluidR3_GM.sf2", a.path() + "/default-GM.sf2"));
        const QStringList found = SoundfontLocator::installed({a.path(), b.path()});
        QCOMPARE(found.size(), 4);
        QVERIFY(found[0].endsWith(QLatin1String("/FluidR3_GM.sf2")));
        QVERIFY(found[1].endsWith(QLatin1String("/TimGM6mb.sf2")));
        QVERIFY(found[2].endsWith(QLatin1String("/Another.SF3")));
        QVERIFY(found[3].endsWith(QLatin1String("/Zebra.sf2")));
        const Result<QString> r = SoundfontLocator::find({}, {a.path(), b.path()});
        QVERIFY(r.ok());
        QCOMPARE(r.value(), found[0]);
    }

    void userChoiceWinsAndIsChecked()
    {
        QTemporaryDir a;
        touch(a.path() + "/Mine.sf2");
        touch(a.path() + "/FluidR3_GM.sf2");
        const Result<QString> r = SoundfontLocator::find(a.path() + "/Mine.sf2", {a.path()});
        QVERIFY(r.ok());
        QVERIFY(r.value().endsWith(QLatin1String("/Mine.sf2")));
        const Result<QString> missing = SoundfontLocator::find(a.path() + "/Nope.sf2", {a.path()});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("Nope.sf2")));
        QVERIFY(!SoundfontLocator::find(a.path(), {a.path()}).ok());  // a folder is not a soundfont
    }

    void environmentReplacesSearchDirs()
    {
        qputenv("AICHOPIN_SOUNDFONT_DIRS", "/x/one:/x/two");
        const QStringList dirs = SoundfontLocator::searchDirs();
        qunsetenv("AICHOPIN_SOUNDFONT_DIRS");
        QCOMPARE(dirs, (QStringList{"/x/one", "/x/two"}));
        QVERIFY(SoundfontLocator::searchDirs().contains(QStringLiteral("/usr/share/sounds/sf2")));
    }

    void synthWithoutSoundfontFailsCleanly()
    {
        QTemporaryDir dir;
        SynthOptions o;
        o.soundfontDirs = {dir.path()};
        auto engine = SynthEngine::create(o);
        QVERIFY(!engine.ok());
        QVERIFY(engine.error().message.contains(QLatin1String("fluid-soundfont-gm")));
    }

    void invalidSoundfontFileIsAnError()
    {
        QTemporaryDir dir;
        touch(dir.path() + "/Broken.sf2");
        SynthOptions o;
        o.soundfont = dir.path() + "/Broken.sf2";
        auto engine = SynthEngine::create(o);
        QVERIFY(!engine.ok());
        QVERIFY2(engine.error().message.contains(QLatin1String("Broken.sf2")), qPrintable(engine.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSoundfontLocator)
#include "TestSoundfontLocator.moc"
