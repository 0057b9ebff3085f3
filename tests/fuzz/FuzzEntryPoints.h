#pragma once
// What each fuzzer feeds its bytes through, shared by the libFuzzer harnesses (clang) and by
// TestFuzzRegressions (any compiler), so every input a fuzzer once crashed on keeps running in
// the normal test suite through exactly the same calls.
//
// Each function returns normally for any bytes: a result or an Error, never a crash, hang,
// exception or sanitizer report. Not thread-safe (one scratch file per process).

#include "classifier/ClassifierModel.h"
#include "composer/ComposerModel.h"
#include "listen/AudioDecoder.h"
#include "midi/SmfReader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include <cmath>
#include <unistd.h>

namespace aichopin::fuzz {

// The decoders and model loaders take paths, so the bytes go through a file: in /dev/shm where
// it exists (a RAM disk: a write costs no disk I/O per run), one per process.
inline QString scratchFile(const QString &suffix)
{
    const QString dir = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return QStringLiteral("%1/aichopin-fuzz-%2%3").arg(dir).arg(::getpid()).arg(suffix);
}

inline bool writeScratch(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline int smfReader(const QByteArray &bytes)
{
    MidiReadOptions options;
    options.applySustain = bytes.size() % 2;
    const auto result = SmfReader::parse(bytes, options);
    if (result.ok()) {
        // Touch the result so the optimiser keeps every path.
        volatile double d = result->duration();
        (void)d;
    }
    return 0;
}

// The first byte picks the file name's suffix (FFmpeg's probe weighs it) and the decode
// options (start, duration, output rate); the rest is the file.
inline int audioDecoder(const QByteArray &input)
{
    if (input.isEmpty())
        return 0;
    static const char *const suffixes[] = {"", ".wav", ".mp3", ".ogg", ".flac", ".m4a", ".opus", ".mkv"};
    const unsigned char control = static_cast<unsigned char>(input[0]);
    const QString path = scratchFile(QString::fromLatin1(suffixes[control & 7]));
    if (!writeScratch(path, input.mid(1)))
        return 0;
    DecodeOptions options;
    options.blockSamples = 4096;
    options.startSeconds = (control & 8) ? 0.05 : 0.0;
    options.durationSeconds = (control & 16) ? 0.1 : -1.0;
    options.sampleRate = (control & 32) ? 0 : 22050;  // 0: the file's own rate
    double sum = 0;
    qint64 total = 0;
    const auto r = AudioDecoder::decode(path, options, [&](const float *x, qsizetype n) {
        // Read every sample delivered, so ASan sees a short buffer.
        for (qsizetype i = 0; i < n; ++i)
            sum += double(x[i]);
        total += n;
    });
    if (r && r->samples != total)
        qFatal("AudioDecoder reported %lld samples but delivered %lld", qlonglong(r->samples), qlonglong(total));
    if (control & 64)
        (void)AudioDecoder::probe(path);
    volatile double keep = sum;
    (void)keep;
    QFile::remove(path);
    return 0;
}

inline quint32 crc32(const char *data, qsizetype n)
{
    quint32 c = 0xFFFFFFFFu;
    for (qsizetype i = 0; i < n; ++i) {
        c ^= static_cast<unsigned char>(data[i]);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

// Model files are zip archives (LibTorch's format) whose entries carry CRC-32s; a mutated entry
// almost always fails its check before the parsers behind it see it. This rewrites the CRC of
// every stored (uncompressed) entry, in the central directory and the local header, so the
// fuzzer reaches the pickle, TorchScript and header parsing. Anything malformed is left alone.
inline void repairZipChecksums(QByteArray &zip)
{
    const auto u16 = [&](qsizetype at) { return quint32(quint8(zip[at])) | quint32(quint8(zip[at + 1])) << 8; };
    const auto u32 = [&](qsizetype at) { return u16(at) | u16(at + 2) << 16; };
    const auto put32 = [&](qsizetype at, quint32 v) {
        for (int i = 0; i < 4; ++i)
            zip[at + i] = char((v >> (8 * i)) & 0xFF);
    };
    const qsizetype eocd = zip.lastIndexOf(QByteArrayLiteral("PK\x05\x06"));
    if (eocd < 0 || eocd + 22 > zip.size())
        return;
    const quint32 entries = u16(eocd + 10);
    qsizetype at = qsizetype(u32(eocd + 16));
    for (quint32 i = 0; i < entries; ++i) {
        if (at < 0 || at + 46 > zip.size() || u32(at) != 0x02014b50u)
            return;
        const quint32 method = u16(at + 10), size = u32(at + 20);
        const qsizetype local = qsizetype(u32(at + 42));
        const qsizetype next = at + 46 + qsizetype(u16(at + 28)) + qsizetype(u16(at + 30)) + qsizetype(u16(at + 32));
        if (method == 0 && local >= 0 && local + 30 <= zip.size() && u32(local) == 0x04034b50u) {
            const qsizetype data = local + 30 + qsizetype(u16(local + 26)) + qsizetype(u16(local + 28));
            if (data + qsizetype(size) <= zip.size()) {
                const quint32 crc = crc32(zip.constData() + data, qsizetype(size));
                put32(at + 16, crc);
                put32(local + 14, crc);
            }
        }
        at = next;
    }
}

// The same bytes through both model loaders (composer and classifier): a model file of either
// kind must load or give an Error. The first byte is a control byte: when its lowest bit is set
// the zip checksums are repaired first (see above); the rest is the file.
// Returns how many of the two loaders accepted the file.
inline int loadModels(const QByteArray &input)
{
    if (input.isEmpty())
        return 0;
    QByteArray file = input.mid(1);
    if (input[0] & 1)
        repairZipChecksums(file);
    const QString path = scratchFile(QStringLiteral(".pt"));
    if (!writeScratch(path, file))
        return 0;
    int loaded = 0;
    if (auto composer = ComposerModel::load(path, QStringLiteral("cpu"))) {
        (void)composer.value()->parameterCount();
        ++loaded;
    }
    if (auto classifier = ClassifierModel::load(path, QStringLiteral("cpu"))) {
        (void)classifier.value()->features().bins();
        ++loaded;
    }
    QFile::remove(path);
    return loaded;
}

inline int modelLoader(const QByteArray &input)
{
    loadModels(input);
    return 0;
}

}  // namespace aichopin::fuzz
