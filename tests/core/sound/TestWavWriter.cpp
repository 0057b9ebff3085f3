// WavWriter: headers and samples of 16-bit and float files, clipping, atomic replacement.

#include "sound/WavWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cstring>
#include <vector>

using namespace aichopin;

namespace {
quint32 u32(const QByteArray &b, int at) { return qFromLittleEndian<quint32>(b.constData() + at); }
quint16 u16(const QByteArray &b, int at) { return qFromLittleEndian<quint16>(b.constData() + at); }
}  // namespace

class TestWavWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pcm16HeaderAndSamples()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/a.wav";
        const std::vector<float> s{0.0f, 0.5f, -0.5f, 1.0f, 2.0f, -3.0f};  // 3 stereo frames
        QVERIFY(WavWriter::writeFile(path, s.data(), 3, 44100, 2).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray b = f.readAll();
        QCOMPARE(b.size(), 44 + 12);
        QCOMPARE(b.left(4), QByteArray("RIFF"));
        QCOMPARE(u32(b, 4), quint32(b.size() - 8));
        QCOMPARE(b.mid(8, 8), QByteArray("WAVEfmt "));
        QCOMPARE(u16(b, 20), quint16(1));
        QCOMPARE(u16(b, 22), quint16(2));
        QCOMPARE(u32(b, 24), quint32(44100));
        QCOMPARE(u32(b, 28), quint32(44100 * 4));
        QCOMPARE(u16(b, 34), quint16(16));
        QCOMPARE(b.mid(36, 4), QByteArray("data"));
        QCOMPARE(u32(b, 40), quint32(12));
        const qint16 expected[] = {0, 16384, -16384, 32767, 32767, -32767};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(qFromLittleEndian<qint16>(b.constData() + 44 + 2 * i), expected[i]);
    }

    void floatHeaderKeepsValues()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/f.wav";
        WavWriter w;
        QVERIFY(w.open(path, 48000, 1, WavFormat::Float32).ok());
        const float a[] = {0.25f, -1.5f};
        const float b2[] = {0.125f};
        QVERIFY(w.write(a, 2).ok());
        QVERIFY(w.write(b2, 1).ok());
        QCOMPARE(w.framesWritten(), qint64(3));
        QVERIFY(!QFile::exists(path));  // not there before commit
        QVERIFY(w.commit().ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray b = f.readAll();
        QCOMPARE(u16(b, 20), quint16(3));
        QCOMPARE(u32(b, 16), quint32(18));
        QCOMPARE(b.mid(38, 4), QByteArray("fact"));
        QCOMPARE(u32(b, 46), quint32(3));
        QCOMPARE(b.mid(50, 4), QByteArray("data"));
        QCOMPARE(u32(b, 54), quint32(12));
        QCOMPARE(qFromLittleEndian<float>(b.constData() + 58), 0.25f);
        QCOMPARE(qFromLittleEndian<float>(b.constData() + 62), -1.5f);
        QCOMPARE(qFromLittleEndian<float>(b.constData() + 66), 0.125f);
    }

    void uncommittedWriteLeavesOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/keep.wav";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        {
            WavWriter w;
            QVERIFY(w.open(path, 44100, 2).ok());
            const float s[] = {0.1f, 0.1f};
            QVERIFY(w.write(s, 1).ok());
        }  // destroyed without commit
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old"));
    }

    void badArgumentsAreErrors()
    {
        QTemporaryDir dir;
        WavWriter w;
        QVERIFY(!w.open(dir.path() + "/x.wav", 0, 2).ok());
        QVERIFY(!w.open(dir.path() + "/x.wav", 44100, 0).ok());
        QVERIFY(!w.write(nullptr, 1).ok());  // not open
        QVERIFY(!w.open(dir.path() + "/no/such/dir/x.wav", 44100, 2).ok());
    }
};

QTEST_GUILESS_MAIN(TestWavWriter)
#include "TestWavWriter.moc"
