// aichopin-cli about: version, licences of every library, the BLAS in use, data attribution.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/BuildInfo.h"
#include "common/DataPaths.h"

#include <QJsonArray>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

int runAbout(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Show the version, the libraries and their licences, and where the models come from."), &code))
        return code;
    const auto libs = BuildInfo::libraries();
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const LibraryInfo &l : libs)
            list.append(QJsonObject{{"name", l.name}, {"version", l.version}, {"licence", l.licence}, {"url", l.url}});
        printJson(QJsonDocument(QJsonObject{{"version", BuildInfo::appVersion()},
                                            {"licence", BuildInfo::appLicence()},
                                            {"libraries", list},
                                            {"fast_blas", BuildInfo::isFastBlas()},
                                            {"resources", DataPaths::resourceDir()},
                                            {"data_attribution", BuildInfo::dataAttribution()}}));
        return 0;
    }
    out() << "AI Chopin " << BuildInfo::appVersion() << " (" << BuildInfo::appLicence() << ")\n\n";
    for (const LibraryInfo &l : libs)
        out() << "  " << l.name.leftJustified(52) << " " << l.version << "\n    " << l.licence << ", " << l.url << "\n";
    out() << "\nResources: " << (DataPaths::resourceDir().isEmpty() ? QStringLiteral("(not found)") : DataPaths::resourceDir()) << "\n";
    out() << "\n" << BuildInfo::dataAttribution() << "\n";
    return 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(about, "about", "Show the version, library licences, the BLAS in use and data attribution", runAbout);

}  // namespace aichopin::cli
