#include "compose/CompositionKeeper.h"

#include "midi/SmfWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace aichopin {

CompositionKeeper::CompositionKeeper(QString dir) : m_dir(std::move(dir)) {}

QString CompositionKeeper::safeName(const QString &label)
{
    QString what = label;
    static const QRegularExpression midiSuffix(QStringLiteral("\\.(mid|midi)$"), QRegularExpression::CaseInsensitiveOption);
    what.remove(midiSuffix);
    what.replace(QLatin1Char(':'), QLatin1Char(','));
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\<>\"|?*\\x00-\\x1f]"));
    what.replace(unsafe, QStringLiteral("-"));
    return what.simplified().left(120);
}

Result<QString> CompositionKeeper::keep(const NoteSequence &piece, const QString &label, const QDateTime &when)
{
    if (m_dir.isEmpty() || !QDir().mkpath(m_dir))
        return Error{QStringLiteral("cannot create the compositions folder %1").arg(m_dir)};
    const QString what = safeName(label);
    const QString stem = when.toString(QStringLiteral("yyyy-MM-dd HH.mm.ss")) + (what.isEmpty() ? QString() : QLatin1Char(' ') + what);
    QString path = QDir(m_dir).filePath(stem + QStringLiteral(".mid"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(m_dir).filePath(QStringLiteral("%1 (%2).mid").arg(stem).arg(n));
    const Status written = SmfWriter::writeFile(piece, path);
    if (!written)
        return written.error();
    return path;
}

std::vector<CompositionKeeper::Kept> CompositionKeeper::recent(int count) const
{
    // Names begin with the time they were made, so their order is the order of making.
    QStringList names = QDir(m_dir).entryList({QStringLiteral("*.mid")}, QDir::Files, QDir::Name);
    if (names.size() > count)
        names = names.mid(names.size() - count);
    std::vector<Kept> out;
    out.reserve(size_t(names.size()));
    for (const QString &n : names)
        out.push_back(Kept{QDir(m_dir).filePath(n), QFileInfo(n).completeBaseName()});
    return out;
}

}  // namespace aichopin
