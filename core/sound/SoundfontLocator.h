#pragma once
// Finds General MIDI soundfonts (.sf2/.sf3) installed on the system. Any thread; reads the file
// system only (no FluidSynth), so it is cheap enough to call from the GUI thread.

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace aichopin {

class SoundfontLocator {
public:
    // Folders searched, in order: $AICHOPIN_SOUNDFONT_DIRS (':'-separated, replaces the rest
    // when set), then <each XDG data dir>/sounds/sf2, /sounds/sf3 and /soundfonts, then
    // /usr/share/sounds/sf2, /usr/share/sounds/sf3, /usr/share/soundfonts.
    static QStringList searchDirs();

    // Every soundfont in dirs (not recursive), each file once (symlinks resolved, so Debian's
    // default-GM.sf2 alternative does not repeat FluidR3_GM.sf2), well-known General MIDI
    // fonts first, then the rest by name. Absolute canonical paths.
    static QStringList installed(const QStringList &dirs = searchDirs());

    // The soundfont to use: userChoice when given (an error if it is not a readable file),
    // else the first of installed(dirs). The error names the Debian package to install.
    static Result<QString> find(const QString &userChoice = {}, const QStringList &dirs = searchDirs());

    // Text shown when no soundfont is installed.
    static QString missingMessage(const QStringList &dirs);
};

}  // namespace aichopin
