#pragma once
// "1 clip", "0 channels", "7 clips": a count and its noun, for the messages the core and the CLI
// write (they speak English; the UI's counts go through tr("%n ...")).

#include <QLatin1String>
#include <QString>

namespace aichopin {

inline QString counted(long long n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

}  // namespace aichopin
