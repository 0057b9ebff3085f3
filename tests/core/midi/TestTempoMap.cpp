// Tick and second conversion across tempo changes.

#include "midi/TempoMap.h"

#include <QtTest>

using namespace aichopin;

class TestTempoMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultIs120Bpm()
    {
        TempoMap map;
        QCOMPARE(map.ticksPerQuarter(), 480);
        QCOMPARE(map.secondsAt(480), 0.5);
        QCOMPARE(map.tickAt(2.0), qint64(1920));
    }

    void changesAreCumulative()
    {
        // 100 ticks per quarter; 120 bpm to tick 200 (1 s), 60 bpm to tick 300 (2 s), then 240 bpm.
        TempoMap map(100, {{300, 0, 250000}, {0, 0, 500000}, {200, 0, 1000000}});
        QCOMPARE(map.changes().size(), size_t(3));
        QCOMPARE(map.changes()[1].seconds, 1.0);
        QCOMPARE(map.changes()[2].seconds, 2.0);
        QCOMPARE(map.secondsAt(250), 1.5);
        QCOMPARE(map.secondsAt(400), 2.25);
        for (qint64 tick : {0, 1, 99, 200, 250, 299, 300, 301, 1000})
            QCOMPARE(map.tickAt(map.secondsAt(tick)), tick);
    }

    void missingInitialTempoMeans120()
    {
        TempoMap map(480, {{960, 0, 1000000}});
        QCOMPARE(map.secondsAt(960), 1.0);
        QCOMPARE(map.secondsAt(1440), 2.0);
    }

    void lastChangeOnATickWins()
    {
        TempoMap map(480, {{0, 0, 500000}, {0, 0, 1000000}});
        QCOMPARE(map.changes().size(), size_t(1));
        QCOMPARE(map.secondsAt(480), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestTempoMap)
#include "TestTempoMap.moc"
