#pragma once
// Runs the aichopin-cli under test (AICHOPIN_CLI_PATH, set by the test's CMake target) with
// arguments and collects its exit code and output.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace aichopin::test {

struct CliRun {
    int code;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &args, int timeoutMs = 180000)
{
    QProcess p;
    p.start(QStringLiteral(AICHOPIN_CLI_PATH), args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace aichopin::test
