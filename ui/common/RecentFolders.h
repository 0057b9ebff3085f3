#pragma once
// The folder a file dialog opens in, and the open dialogs that use it: where the user last went for the same kind of file, kept in
// the settings ("paths/<kind>"), else the desktop's Music folder, else home; never the folder
// the app happened to start in. UI thread.

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace aichopin::recentfolders {

// The kinds of file the dialogs share a folder for.
inline constexpr const char *kOpen = "lastOpenDir";          // MIDI files opened or continued
inline constexpr const char *kRecordings = "lastRecordingDir"; // recordings to classify or look at
inline constexpr const char *kExport = "lastExportDir";      // pieces and results exported
inline constexpr const char *kMusicFolder = "lastMusicFolder"; // folders of music added

inline QString folder(const char *kind)
{
    const QString kept = QSettings().value(QStringLiteral("paths/") + QLatin1String(kind)).toString();
    if (!kept.isEmpty() && QFileInfo(kept).isDir())
        return kept;
    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    return !music.isEmpty() && QFileInfo(music).isDir() ? music : QDir::homePath();
}

// A file's folder, or a folder itself, is where the next dialog of this kind opens.
inline void remember(const char *kind, const QString &path)
{
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    QSettings().setValue(QStringLiteral("paths/") + QLatin1String(kind), info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

// The open dialogs, each starting in folder(kind) and remembering where the user went: the
// chosen file (empty when cancelled), files, or folder.
inline QString openFile(QWidget *parent, const QString &title, const char *kind, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(parent, title, folder(kind), filter);
    remember(kind, path);
    return path;
}

inline QStringList openFiles(QWidget *parent, const QString &title, const char *kind, const QString &filter)
{
    const QStringList paths = QFileDialog::getOpenFileNames(parent, title, folder(kind), filter);
    if (!paths.isEmpty())
        remember(kind, paths.first());
    return paths;
}

inline QString openFolder(QWidget *parent, const QString &title, const char *kind)
{
    const QString path = QFileDialog::getExistingDirectory(parent, title, folder(kind));
    remember(kind, path);
    return path;
}

}  // namespace aichopin::recentfolders
