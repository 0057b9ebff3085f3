#include "listen/NpyWriter.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>

namespace aichopin {

Status NpyWriter::write(const QString &path, const FeatureMatrix &m)
{
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
                            .arg(m.frames).arg(m.bins).toLatin1();
    // Magic (6) + version (2) + length (2) + header + '\n' is padded to a multiple of 64.
    const int total = 10 + int(header.size()) + 1;
    header.append(QByteArray((64 - total % 64) % 64, ' ')).append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out.append(char(header.size() & 0xff)).append(char(header.size() >> 8)).append(header);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("Cannot write %1: %2").arg(path, f.errorString())};
    f.write(out);
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "npy output assumes a little-endian host");
    f.write(reinterpret_cast<const char *>(m.data.data()), qint64(m.data.size() * sizeof(float)));
    if (!f.commit())
        return Error{QStringLiteral("Cannot write %1: %2").arg(path, f.errorString())};
    return Ok{};
}

Result<FeatureMatrix> NpyWriter::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Cannot open %1: %2").arg(path, f.errorString())};
    const QByteArray head = f.read(10);
    if (head.size() < 10 || !head.startsWith("\x93NUMPY") || head[6] != 1)
        return Error{QStringLiteral("%1 is not a version 1 .npy file").arg(path), 0};
    const int len = quint8(head[8]) | (quint8(head[9]) << 8);
    const QString dict = QString::fromLatin1(f.read(len));
    static const QRegularExpression shapeRe(QStringLiteral("'shape':\\s*\\((\\d+),\\s*(\\d+),?\\)"));
    const auto match = shapeRe.match(dict);
    if (!dict.contains(QLatin1String("'<f4'")) || dict.contains(QLatin1String("True")) || !match.hasMatch())
        return Error{QStringLiteral("%1 is not a 2-D little-endian float32 C-order array").arg(path), 10};
    FeatureMatrix m(match.captured(1).toInt(), match.captured(2).toInt());
    const qint64 bytes = qint64(m.data.size() * sizeof(float));
    if (f.read(reinterpret_cast<char *>(m.data.data()), bytes) != bytes)
        return Error{QStringLiteral("%1 is truncated").arg(path), f.pos()};
    return m;
}

}  // namespace aichopin
