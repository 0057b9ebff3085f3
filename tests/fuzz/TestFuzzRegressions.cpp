// Replays every input a fuzzer once failed on (tests/fuzz/regressions/<target>/) and the seed
// corpora (tests/fuzz/corpus/<target>/) through the fuzzers' own entry points, in the normal
// build: a crash, abort or hang here fails the suite. Model-file regressions must also be
// refused with an Error by both loaders, and the model seeds and shipped models accepted.

#include "FuzzEntryPoints.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace aichopin;

namespace {

enum class Target { Smf, Audio, Model };

int addRows(const QString &kind)
{
    int rows = 0;
    const struct { const char *dir; Target target; } targets[] = {
        {"smf_reader", Target::Smf}, {"audio_decoder", Target::Audio}, {"model_loader", Target::Model}};
    for (const auto &t : targets) {
        const QDir dir(QStringLiteral(AICHOPIN_FUZZ_DIR "/%1/%2").arg(kind, QLatin1String(t.dir)));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(t.dir), name)))
                << dir.filePath(name) << int(t.target);
            ++rows;
        }
    }
    return rows;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void replay(const QString &path, Target target)
{
    const QByteArray bytes = readAll(path);
    switch (target) {
    case Target::Smf: fuzz::smfReader(bytes); break;
    case Target::Audio: fuzz::audioDecoder(bytes); break;
    case Target::Model: fuzz::modelLoader(bytes); break;
    }
}

}  // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void regressions_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("target");
        if (addRows(QStringLiteral("regressions")) == 0)
            QSKIP("no fuzzer regressions recorded");
    }
    void regressions()
    {
        QFETCH(QString, path);
        QFETCH(int, target);
        if (Target(target) == Target::Model) {
            // Every recorded model input is damaged: both loaders must refuse it.
            QCOMPARE(fuzz::loadModels(readAll(path)), 0);
            return;
        }
        replay(path, Target(target));
    }

    void seeds_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("target");
        QVERIFY(addRows(QStringLiteral("corpus")) > 0);
    }
    void seeds()
    {
        QFETCH(QString, path);
        QFETCH(int, target);
        if (Target(target) == Target::Model) {
            // The seeds are real model files: the checks in front of LibTorch must let them in.
            QCOMPARE(fuzz::loadModels(readAll(path)), 1);
            return;
        }
        replay(path, Target(target));
    }

    // The shipped models pass the same checks (one loader each: composer or classifier).
    void shippedModelsLoad_data()
    {
        QTest::addColumn<QString>("path");
        const QDir models(qEnvironmentVariable("AICHOPIN_RESOURCE_DIR") + QStringLiteral("/models"));
        for (const QString &name : models.entryList({QStringLiteral("*.pt")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << models.filePath(name);
        if (models.entryList({QStringLiteral("*.pt")}, QDir::Files).isEmpty())
            QSKIP("no shipped models in AICHOPIN_RESOURCE_DIR/models");
    }
    void shippedModelsLoad()
    {
        QFETCH(QString, path);
        QCOMPARE(fuzz::loadModels(QByteArray(1, '\0') + readAll(path)), 1);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "TestFuzzRegressions.moc"
