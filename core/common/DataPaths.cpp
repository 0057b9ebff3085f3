#include "common/DataPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace aichopin {

namespace {
bool hasModels(const QString &dir) { return !dir.isEmpty() && QFileInfo(dir + "/models").isDir(); }
}  // namespace

QString DataPaths::resourceDir()
{
    const QString fromEnv = qEnvironmentVariable("AICHOPIN_RESOURCE_DIR");
    if (hasModels(fromEnv))
        return QDir(fromEnv).absolutePath();
    if (QCoreApplication::instance()) {
        const QString installed = QCoreApplication::applicationDirPath() + "/../share/aichopin";
        if (hasModels(installed))
            return QDir(installed).canonicalPath();
    }
#ifdef AICHOPIN_SOURCE_RESOURCES
    if (hasModels(QStringLiteral(AICHOPIN_SOURCE_RESOURCES)))
        return QStringLiteral(AICHOPIN_SOURCE_RESOURCES);
#endif
    return {};
}

QString DataPaths::shippedModel(const QString &fileName)
{
    const QString dir = resourceDir();
    if (dir.isEmpty())
        return {};
    const QString path = dir + "/models/" + fileName;
    return QFileInfo::exists(path) ? path : QString();
}

QString DataPaths::userModelDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/models";
    QDir().mkpath(dir);
    return dir;
}

QString DataPaths::userCompositionDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/compositions";
    QDir().mkpath(dir);
    return dir;
}

QString DataPaths::pianoMidiDir()
{
    const QString fromEnv = qEnvironmentVariable("AICHOPIN_PIANO_MIDI");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isDir())
        return fromEnv;
#ifdef AICHOPIN_SOURCE_DIR
    const QString dir = QStringLiteral(AICHOPIN_SOURCE_DIR "/../shared/data/piano-midi");
    if (QFileInfo(dir).isDir())
        return QDir(dir).canonicalPath();
#endif
    return {};
}

}  // namespace aichopin
