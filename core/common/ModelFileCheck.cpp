#include "common/ModelFileCheck.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace aichopin {

Error describeUnreadableModel(const QString &path, const QString &kind, const QString &libraryMessage)
{
    const QFileInfo info(path);
    if (info.isDir())
        return Error{QStringLiteral("'%1' is a folder, not a %2 file").arg(path, kind)};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open '%1': %2").arg(path, f.errorString())};
    if (info.size() == 0)
        return Error{QStringLiteral("'%1' is empty (0 bytes), not a %2").arg(path, kind), 0};
    const QByteArray head = f.read(8);
    // LibTorch archives are zip files; every zip begins with a local file header "PK\3\4".
    if (!head.startsWith(QByteArrayLiteral("PK\x03\x04"))) {
        const bool text = std::all_of(head.begin(), head.end(), [](char c) { return (c >= 32 && c < 127) || c == '\n' || c == '\r' || c == '\t'; });
        return Error{QStringLiteral("'%1' is not a %2: it is not a LibTorch archive (it begins with %3)")
                         .arg(path, kind,
                              text ? QStringLiteral("the text \"%1\"").arg(QString::fromLatin1(head))
                                   : QStringLiteral("the bytes %1").arg(QString::fromLatin1(head.toHex(' ')))), 0};
    }
    return Error{QStringLiteral("'%1' is a damaged or truncated %2 (%3 bytes; LibTorch cannot read the archive: %4)")
                     .arg(path, kind, QString::number(info.size()), libraryMessage)};
}

QString modelKindOfFormat(const QString &format)
{
    if (format == QLatin1String("aichopin-composer"))
        return QStringLiteral("composer model");
    if (format == QLatin1String("aichopin-classifier"))
        return QStringLiteral("classifier model");
    return format;
}

}  // namespace aichopin
