#include "sound/WavWriter.h"

#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <vector>

namespace aichopin {

struct WavWriter::Impl {
    std::unique_ptr<QSaveFile> file;
    QString path;
    int sampleRate = 0;
    int channels = 0;
    WavFormat format = WavFormat::Pcm16;
    qint64 frames = 0;
    std::vector<char> buffer;

    int bytesPerSample() const { return format == WavFormat::Pcm16 ? 2 : 4; }
    int headerBytes() const { return format == WavFormat::Pcm16 ? 44 : 58; }

    QByteArray header() const
    {
        const quint32 dataBytes = quint32(frames * channels * bytesPerSample());
        QByteArray h;
        auto u32 = [&h](quint32 v) { char b[4]; qToLittleEndian(v, b); h.append(b, 4); };
        auto u16 = [&h](quint16 v) { char b[2]; qToLittleEndian(v, b); h.append(b, 2); };
        const bool isFloat = format == WavFormat::Float32;
        h.append("RIFF", 4);
        u32(quint32(headerBytes() - 8) + dataBytes);
        h.append("WAVE", 4);
        h.append("fmt ", 4);
        u32(isFloat ? 18 : 16);
        u16(isFloat ? 3 : 1);  // WAVE_FORMAT_IEEE_FLOAT or WAVE_FORMAT_PCM
        u16(quint16(channels));
        u32(quint32(sampleRate));
        u32(quint32(sampleRate * channels * bytesPerSample()));
        u16(quint16(channels * bytesPerSample()));
        u16(quint16(8 * bytesPerSample()));
        if (isFloat) {
            u16(0);  // cbSize
            h.append("fact", 4);  // required for non-PCM formats
            u32(4);
            u32(quint32(frames));
        }
        h.append("data", 4);
        u32(dataBytes);
        return h;
    }
};

WavWriter::WavWriter() : d(std::make_unique<Impl>()) {}
WavWriter::~WavWriter() = default;

qint64 WavWriter::framesWritten() const { return d->frames; }

Status WavWriter::open(const QString &path, int sampleRate, int channels, WavFormat format)
{
    if (sampleRate < 1 || sampleRate > 768000)
        return Error{QStringLiteral("Invalid sample rate %1").arg(sampleRate)};
    if (channels < 1 || channels > 8)
        return Error{QStringLiteral("Invalid channel count %1").arg(channels)};
    d->file = std::make_unique<QSaveFile>(path);
    d->path = path;
    d->sampleRate = sampleRate;
    d->channels = channels;
    d->format = format;
    d->frames = 0;
    if (!d->file->open(QIODevice::WriteOnly)) {
        const QString message = QStringLiteral("Cannot write '%1': %2").arg(path, d->file->errorString());
        d->file.reset();
        return Error{message};
    }
    const QByteArray h = d->header();
    if (d->file->write(h) != h.size())
        return Error{QStringLiteral("Cannot write '%1': %2").arg(path, d->file->errorString())};
    return Ok{};
}

Status WavWriter::write(const float *interleaved, qint64 frames)
{
    if (!d->file)
        return Error{QStringLiteral("WAV file is not open")};
    if (frames <= 0)
        return Ok{};
    const qint64 maxBytes = qint64(0xFFFFFFFFu) - d->headerBytes();
    const qint64 samples = frames * d->channels;
    if ((d->frames * d->channels + samples) * d->bytesPerSample() > maxBytes)
        return Error{QStringLiteral("'%1' would exceed the 4 GiB limit of WAV files").arg(d->path)};
    d->buffer.resize(size_t(samples) * d->bytesPerSample());
    char *p = d->buffer.data();
    if (d->format == WavFormat::Pcm16) {
        for (qint64 i = 0; i < samples; ++i, p += 2) {
            const float s = std::clamp(interleaved[i], -1.0f, 1.0f);
            qToLittleEndian(qint16(std::lround(s * 32767.0f)), p);
        }
    } else {
        for (qint64 i = 0; i < samples; ++i, p += 4)
            qToLittleEndian(interleaved[i], p);
    }
    const qint64 bytes = qint64(d->buffer.size());
    if (d->file->write(d->buffer.data(), bytes) != bytes)
        return Error{QStringLiteral("Cannot write '%1': %2").arg(d->path, d->file->errorString())};
    d->frames += frames;
    return Ok{};
}

Status WavWriter::commit()
{
    if (!d->file)
        return Error{QStringLiteral("WAV file is not open")};
    const QByteArray h = d->header();
    if (!d->file->seek(0) || d->file->write(h) != h.size()) {
        const QString message = QStringLiteral("Cannot write '%1': %2").arg(d->path, d->file->errorString());
        d->file->cancelWriting();
        d->file.reset();
        return Error{message};
    }
    const bool ok = d->file->commit();
    const QString message = d->file->errorString();
    d->file.reset();
    if (!ok)
        return Error{QStringLiteral("Cannot write '%1': %2").arg(d->path, message)};
    return Ok{};
}

Status WavWriter::writeFile(const QString &path, const float *interleaved, qint64 frames, int sampleRate,
                            int channels, WavFormat format)
{
    WavWriter w;
    if (Status s = w.open(path, sampleRate, channels, format); !s)
        return s;
    if (Status s = w.write(interleaved, frames); !s)
        return s;
    return w.commit();
}

}  // namespace aichopin
