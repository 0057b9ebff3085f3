// Spectrogram pictures (orientation, colour range), the PNG encoder and .npy round trips.
#include "listen/NpyWriter.h"
#include "listen/PngWriter.h"
#include "listen/SpectrogramImage.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace aichopin;

class TestSpectrogramImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lowFrequenciesAtTheBottom()
    {
        FeatureMatrix m(3, 4);
        std::fill(m.data.begin(), m.data.end(), -100.0f);
        m.row(1)[0] = 0.0f;  // loud lowest bin in the middle frame
        const SpectrogramImage img = SpectrogramRenderer::render(m, {});
        QCOMPARE(img.width, 3);
        QCOMPARE(img.height, 4);
        QCOMPARE(img.pixel(1, 3), 0xfffcfdbfu);  // magma's top at the bottom row
        QCOMPARE(img.pixel(1, 0), 0xff000004u);
        QCOMPARE(img.pixel(0, 3), 0xff000004u);
        QCOMPARE(SpectrogramRenderer::color(ColorMap::Viridis, 0.0f), 0xff440154u);
        QCOMPARE(SpectrogramRenderer::color(ColorMap::Gray, 0.5f), 0xff808080u);

        SpectrogramRenderOptions narrow;
        narrow.maxWidth = 2;
        const SpectrogramImage small = SpectrogramRenderer::render(m, narrow);
        QCOMPARE(small.width, 2);
        QCOMPARE(small.pixel(0, 3), 0xfffcfdbfu);  // max over merged frames keeps the peak
    }

    void pngIsWellFormed()
    {
        QCOMPARE(PngWriter::crc32(QByteArray("123456789")), 0xcbf43926u);  // CRC-32 check value
        const std::vector<quint32> px = {0xffff0000u, 0xff00ff00u, 0x800000ffu, 0xffffffffu};
        const QByteArray png = PngWriter::encode(2, 2, px);
        QVERIFY(png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
        QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
        // IHDR CRC covers type + data.
        const quint32 crc = (quint8(png[29]) << 24) | (quint8(png[30]) << 16) | (quint8(png[31]) << 8) | quint8(png[32]);
        QCOMPARE(crc, PngWriter::crc32(png.mid(12, 17)));
        QVERIFY(png.endsWith(QByteArray("IEND\xae\x42\x60\x82", 8)));
        // IDAT holds the zlib stream of filter byte + RGBA rows.
        const qsizetype idat = png.indexOf("IDAT");
        const quint32 len = (quint8(png[idat - 4]) << 24) | (quint8(png[idat - 3]) << 16) | (quint8(png[idat - 2]) << 8) | quint8(png[idat - 1]);
        QByteArray z = png.mid(idat + 4, len);
        QByteArray withSize(4, 0);
        withSize[3] = char(18);
        const QByteArray raw = qUncompress(withSize + z);
        QCOMPARE(raw, QByteArray("\0\xff\0\0\xff\0\xff\0\xff\0\0\0\xff\x80\xff\xff\xff\xff", 18));

        QTemporaryDir dir;
        SpectrogramImage img{2, 2, px};
        QVERIFY(PngWriter::write(dir.filePath(QStringLiteral("a.png")), img).ok());
        QVERIFY(!PngWriter::write(dir.filePath(QStringLiteral("b.png")), SpectrogramImage{}).ok());
        QVERIFY(!PngWriter::write(QStringLiteral("/nonexistent/dir/c.png"), img).ok());
    }

    void npyRoundTrip()
    {
        QTemporaryDir dir;
        FeatureMatrix m(3, 5);
        for (size_t i = 0; i < m.data.size(); ++i)
            m.data[i] = float(i) * 0.5f - 2.0f;
        const QString path = dir.filePath(QStringLiteral("m.npy"));
        QVERIFY(NpyWriter::write(path, m).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(128);
        QVERIFY(head.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)));
        const int hlen = quint8(head[8]) | (quint8(head[9]) << 8);
        QCOMPARE((10 + hlen) % 64, 0);
        QVERIFY(head.contains("'shape': (3, 5)"));
        QCOMPARE(f.size(), qint64(10 + hlen + 15 * 4));
        const Result<FeatureMatrix> back = NpyWriter::read(path);
        QVERIFY(back.ok());
        QCOMPARE(back->frames, 3);
        QCOMPARE(back->bins, 5);
        QCOMPARE(back->data, m.data);
        QVERIFY(!NpyWriter::read(QStringLiteral(AICHOPIN_TEST_DATA "/listen/not_audio.txt")).ok());
    }
};

QTEST_GUILESS_MAIN(TestSpectrogramImage)
#include "TestSpectrogramImage.moc"
