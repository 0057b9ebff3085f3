#include "sound/SoundfontLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace aichopin {

namespace {
// General MIDI fonts with a good piano, best first; anything else follows by name.
const char *const kPreferred[] = {
    "FluidR3_GM.sf2", "FluidR3_GM.sf3", "MuseScore_General.sf3", "MuseScore_General.sf2",
    "GeneralUser GS v1.471.sf2", "GeneralUser_GS.sf2", "default-GM.sf2", "default-GM.sf3",
    "TimGM6mb.sf2",
};

int rank(const QString &fileName)
{
    for (int i = 0; i < int(std::size(kPreferred)); ++i)
        if (fileName.compare(QLatin1String(kPreferred[i]), Qt::CaseInsensitive) == 0)
            return i;
    return int(std::size(kPreferred));
}
}  // namespace

QStringList SoundfontLocator::searchDirs()
{
    const QString fromEnv = qEnvironmentVariable("AICHOPIN_SOUNDFONT_DIRS");
    if (!fromEnv.isEmpty())
        return fromEnv.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    QStringList dirs;
    QStringList bases = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    bases << QStringLiteral("/usr/local/share") << QStringLiteral("/usr/share");
    for (const QString &base : bases)
        for (const char *sub : {"/sounds/sf2", "/sounds/sf3", "/soundfonts"}) {
            const QString dir = QDir::cleanPath(base + QLatin1String(sub));
            if (!dirs.contains(dir))
                dirs << dir;
        }
    return dirs;
}

QStringList SoundfontLocator::installed(const QStringList &dirs)
{
    struct Found {
        QString path;
        QString name;  // the name the user sees first: the link's when it is a link
        int rank;
    };
    std::vector<Found> found;
    QStringList seen;
    for (const QString &dir : dirs) {
        const QFileInfoList entries = QDir(dir).entryInfoList(
            {QStringLiteral("*.sf2"), QStringLiteral("*.sf3"), QStringLiteral("*.SF2"), QStringLiteral("*.SF3")},
            QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &fi : entries) {
            const QString canonical = fi.canonicalFilePath();
            if (canonical.isEmpty() || seen.contains(canonical))
                continue;
            seen << canonical;
            const QString target = QFileInfo(canonical).fileName();
            found.push_back({canonical, target, std::min(rank(target), rank(fi.fileName()))});
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    QStringList paths;
    for (const Found &f : found)
        paths << f.path;
    return paths;
}

QString SoundfontLocator::missingMessage(const QStringList &dirs)
{
    return QStringLiteral("No General MIDI soundfont (.sf2/.sf3) found in %1. Install one with "
                          "'sudo apt install fluid-soundfont-gm' or choose a soundfont file.")
        .arg(dirs.isEmpty() ? QStringLiteral("(no folders)") : dirs.join(QStringLiteral(", ")));
}

Result<QString> SoundfontLocator::find(const QString &userChoice, const QStringList &dirs)
{
    if (!userChoice.isEmpty()) {
        const QFileInfo fi(userChoice);
        if (!fi.exists())
            return Error{QStringLiteral("Soundfont '%1' does not exist").arg(userChoice)};
        if (!fi.isFile() || !fi.isReadable())
            return Error{QStringLiteral("Soundfont '%1' is not a readable file").arg(userChoice)};
        return fi.absoluteFilePath();
    }
    const QStringList all = installed(dirs);
    if (all.isEmpty())
        return Error{missingMessage(dirs)};
    return all.first();
}

}  // namespace aichopin
