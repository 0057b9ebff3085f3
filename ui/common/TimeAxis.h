#pragma once
// Time ruler arithmetic shared by the views on a seconds axis (piano roll, spectrogram).

#include <QString>

#include <algorithm>
#include <cmath>

namespace aichopin::timeaxis {

// A tick step (seconds) that leaves at least minPixels between labels.
inline double step(double pixelsPerSecond, double minPixels = 70)
{
    static const double steps[] = {0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
    for (double s : steps)
        if (s * pixelsPerSecond >= minPixels)
            return s;
    return 1200;
}

// "m:ss", or "m:ss.s" when the step is under a second.
inline QString label(double seconds, double step)
{
    const int m = int(seconds) / 60;
    const double s = seconds - 60 * m;
    if (step < 1)
        return QStringLiteral("%1:%2").arg(m).arg(s, 4, 'f', 1, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(int(std::round(s)), 2, 10, QLatin1Char('0'));
}

// 63.25 -> "1:03.25": to the hundredth, as a note's time is worth reading.
inline QString noteClock(double seconds)
{
    const int centis = int(std::lround(std::max(0.0, seconds) * 100.0));
    return QStringLiteral("%1:%2.%3").arg(centis / 6000).arg(centis / 100 % 60, 2, 10, QLatin1Char('0')).arg(centis % 100, 2, 10, QLatin1Char('0'));
}

}  // namespace aichopin::timeaxis
