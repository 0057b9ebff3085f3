#pragma once
// Writes small PCM WAV files for tests (a sine tone), without depending on the code under test.

#include <QFile>
#include <QString>

#include <cmath>

namespace aichopin::test {

// A plain PCM header names no channel layout, as most 16-bit WAV files' do; every channel
// carries the same tone.
inline bool writeSineWav(const QString &path, double seconds, double frequency = 440.0, int rate = 22050,
                         int channels = 1)
{
    const int n = int(seconds * rate);
    QByteArray data;
    data.reserve(n * 2 * channels);
    for (int i = 0; i < n; ++i) {
        const qint16 v = qint16(12000 * std::sin(2 * M_PI * frequency * i / rate));
        for (int c = 0; c < channels; ++c) {
            data.append(char(v & 0xff));
            data.append(char((v >> 8) & 0xff));
        }
    }
    auto le = [](QByteArray &b, quint32 v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            b.append(char((v >> (8 * i)) & 0xff));
    };
    QByteArray h("RIFF");
    le(h, quint32(36 + data.size()), 4);
    h += "WAVEfmt ";
    le(h, 16, 4);
    le(h, 1, 2);           // PCM
    le(h, quint32(channels), 2);
    le(h, quint32(rate), 4);
    le(h, quint32(rate * 2 * channels), 4);
    le(h, quint32(2 * channels), 2);
    le(h, 16, 2);
    h += "data";
    le(h, quint32(data.size()), 4);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(h + data) == h.size() + data.size();
}

}  // namespace aichopin::test
