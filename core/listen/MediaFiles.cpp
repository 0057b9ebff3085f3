#include "listen/MediaFiles.h"

#include <QFileInfo>

namespace aichopin::mediafiles {

const QStringList &audioSuffixes()
{
    // Each decodes through AudioDecoder (checked with files made by ffmpeg: AAC in ADTS, PCM in
    // AIFF and CAF, WMA 2, H.264 + AAC in MP4 and MOV, VP8 + Opus in WebM, Matroska).
    static const QStringList suffixes{
        QStringLiteral("mp3"),  QStringLiteral("wav"),  QStringLiteral("flac"), QStringLiteral("ogg"),
        QStringLiteral("oga"),  QStringLiteral("opus"), QStringLiteral("m4a"),  QStringLiteral("aac"),
        QStringLiteral("wma"),  QStringLiteral("aif"),  QStringLiteral("aiff"), QStringLiteral("aifc"),
        QStringLiteral("caf"),  QStringLiteral("mka"),  QStringLiteral("mp4"),  QStringLiteral("m4v"),
        QStringLiteral("mov"),  QStringLiteral("mkv"),  QStringLiteral("webm"),
    };
    return suffixes;
}

const QStringList &midiSuffixes()
{
    static const QStringList suffixes{QStringLiteral("mid"), QStringLiteral("midi"), QStringLiteral("kar"), QStringLiteral("rmi")};
    return suffixes;
}

bool isAudio(const QString &path) { return audioSuffixes().contains(QFileInfo(path).suffix().toLower()); }
bool isMidi(const QString &path) { return midiSuffixes().contains(QFileInfo(path).suffix().toLower()); }

namespace {
QString patterns(const QStringList &suffixes)
{
    QStringList out;
    for (const QString &s : suffixes)
        out << QStringLiteral("*.") + s;
    return out.join(QLatin1Char(' '));
}
}  // namespace

QString dialogPatterns() { return patterns(audioSuffixes() + midiSuffixes()); }
QString midiPatterns() { return patterns(midiSuffixes()); }

}  // namespace aichopin::mediafiles
