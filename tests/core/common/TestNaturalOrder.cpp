// File names sort as a file manager lists them, in any locale: numbers by value, letters
// without regard to case.

#include "common/NaturalOrder.h"

#include <QtTest>

#include <algorithm>

using namespace aichopin;

class TestNaturalOrder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numbersByValueLettersWithoutCase()
    {
        QStringList names{"chpn-p10.mid", "chpn-p2.mid", "brahms op118.mid", "chpn-p1.mid", "Bach 846.mid",
                          "bach 9.mid", "chpn-p2b.mid", "chpn-p02a.mid", "op 100.flac", "op 99.flac", "Brahms op 10.mid"};
        std::sort(names.begin(), names.end(), naturalLess);
        QCOMPARE(names, (QStringList{"bach 9.mid", "Bach 846.mid", "Brahms op 10.mid", "brahms op118.mid", "chpn-p1.mid",
                                     "chpn-p2.mid", "chpn-p02a.mid", "chpn-p2b.mid", "chpn-p10.mid", "op 99.flac",
                                     "op 100.flac"}));
    }

    void aStrictOrder()
    {
        QCOMPARE(naturalCompare("p7", "p7"), 0);
        QVERIFY(naturalLess("p", "p1"));
        QVERIFY(!naturalLess("p1", "p"));
        // Equal but for case or zeros: still one before the other, the same way both times.
        QVERIFY(naturalLess("P1", "p1") != naturalLess("p1", "P1"));
        QVERIFY(naturalLess("p01", "p1") != naturalLess("p1", "p01"));
        // Numbers longer than any integer type.
        QVERIFY(naturalLess("take 99999999999999999999999", "take 100000000000000000000000"));
    }
};

QTEST_MAIN(TestNaturalOrder)
#include "TestNaturalOrder.moc"
