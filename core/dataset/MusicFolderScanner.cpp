#include "dataset/MusicFolderScanner.h"

#include "listen/AudioDecoder.h"
#include "listen/MediaFiles.h"
#include "midi/SmfReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace aichopin {

namespace {

bool hasMusic(const QFileInfo &entry)
{
    return mediafiles::isMidi(entry.fileName()) || mediafiles::isAudio(entry.fileName());
}

// Descends through folders that hold a single subfolder and no music of their own.
QString labelRoot(QString dir)
{
    for (int depth = 0; depth < 8; ++depth) {
        const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList subdirs;
        bool music = false;
        for (const QFileInfo &e : entries) {
            if (e.isDir())
                subdirs << e.absoluteFilePath();
            else if (hasMusic(e))
                music = true;
        }
        if (music || subdirs.size() != 1)
            return dir;
        dir = subdirs.first();
    }
    return dir;
}

}  // namespace

Result<MusicFolder> MusicFolderScanner::scan(const QString &dir, const ProgressSink &progress, const CancelToken *cancel)
{
    const QFileInfo info(dir);
    if (!info.exists())
        return Error{QStringLiteral("folder not found: %1").arg(dir)};
    if (!info.isDir())
        return Error{QStringLiteral("%1 is a file, not a folder").arg(dir)};
    MusicFolder folder;
    folder.root = labelRoot(info.absoluteFilePath());
    const QDir root(folder.root);

    QStringList paths;
    QDirIterator it(folder.root, QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = it.next();
        if (mediafiles::isMidi(path) || mediafiles::isAudio(path))
            paths << path;
    }
    paths.sort();
    for (int i = 0; i < paths.size(); ++i) {
        if (isCancelled(cancel))
            return Error{QStringLiteral("cancelled")};
        report(progress, double(i) / paths.size(), QStringLiteral("Reading %1").arg(QFileInfo(paths[i]).fileName()));
        MusicFile f;
        f.path = paths[i];
        f.relativePath = root.relativeFilePath(paths[i]);
        f.label = f.relativePath.contains(QLatin1Char('/')) ? f.relativePath.section(QLatin1Char('/'), 0, 0) : QString();
        if (mediafiles::isMidi(f.path)) {
            f.kind = MusicFile::Kind::Midi;
            const auto midi = SmfReader::readFile(f.path);
            if (!midi) {
                f.problem = midi.error().toString();
            } else {
                f.duration = midi->duration();
                f.notes = int(midi->notes.size());
                if (midi->notes.empty())
                    f.problem = QStringLiteral("no notes");
            }
        } else {
            f.kind = MusicFile::Kind::Audio;
            const auto audio = AudioDecoder::probe(f.path);
            if (!audio)
                f.problem = audio.error().toString();
            else
                f.duration = audio->durationSeconds;
        }
        LabelSummary &s = folder.byLabel[f.label];
        if (f.usable()) {
            ++s.pieces;
            if (f.duration > 0)
                s.seconds += f.duration;
        } else {
            ++s.problems;
        }
        folder.files.push_back(std::move(f));
    }
    report(progress, 1.0, QStringLiteral("Done"));
    return folder;
}

}  // namespace aichopin
