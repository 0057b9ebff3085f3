#include "common/BuildInfo.h"

#include <QtGlobal>

#include <dlfcn.h>

extern "C" {
#include <fluidsynth.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswresample/swresample.h>
}
#include <RtMidi.h>
#include <torch/version.h>

namespace aichopin {

namespace {
QString avVersion(unsigned v)
{
    return QStringLiteral("%1.%2.%3").arg(v >> 16).arg((v >> 8) & 0xff).arg(v & 0xff);
}
}  // namespace

QString BuildInfo::appVersion() { return QStringLiteral(AICHOPIN_VERSION); }

QString BuildInfo::appLicence() { return QStringLiteral("GPL-3.0-or-later"); }

std::vector<LibraryInfo> BuildInfo::libraries()
{
    return {
        {QStringLiteral("Qt (Core, Gui, Widgets, Charts, Svg, Concurrent)"), QString::fromLatin1(qVersion()),
         QStringLiteral("LGPL-3.0 (Qt Charts: GPL-3.0)"), QStringLiteral("https://www.qt.io")},
        {QStringLiteral("LibTorch (PyTorch C++)"), QStringLiteral(TORCH_VERSION), QStringLiteral("BSD-3-Clause"),
         QStringLiteral("https://pytorch.org")},
        {QStringLiteral("FFmpeg libavformat"), avVersion(avformat_version()), QStringLiteral("LGPL-2.1-or-later (GPL-2.0-or-later as built by Debian)"),
         QStringLiteral("https://ffmpeg.org")},
        {QStringLiteral("FFmpeg libavcodec"), avVersion(avcodec_version()), QStringLiteral("LGPL-2.1-or-later (GPL-2.0-or-later as built by Debian)"),
         QStringLiteral("https://ffmpeg.org")},
        {QStringLiteral("FFmpeg libswresample"), avVersion(swresample_version()), QStringLiteral("LGPL-2.1-or-later"),
         QStringLiteral("https://ffmpeg.org")},
        {QStringLiteral("KissFFT"), QStringLiteral(AICHOPIN_KISSFFT_VERSION), QStringLiteral("BSD-3-Clause"),
         QStringLiteral("https://github.com/mborgerding/kissfft")},
        {QStringLiteral("FluidSynth"), QString::fromLatin1(fluid_version_str()), QStringLiteral("LGPL-2.1-or-later"),
         QStringLiteral("https://www.fluidsynth.org")},
        {QStringLiteral("RtMidi"), QString::fromStdString(RtMidi::getVersion()), QStringLiteral("MIT (RtMidi licence)"),
         QStringLiteral("https://www.music.mcgill.ca/~gary/rtmidi/")},
        {QStringLiteral("BLAS in use"), blasInUse(), QStringLiteral("OpenBLAS: BSD-3-Clause"), QStringLiteral("https://www.openblas.net")},
        {QStringLiteral("Fluid (R3) General MIDI SoundFont (when installed)"), QStringLiteral("3.1"), QStringLiteral("MIT"),
         QStringLiteral("https://packages.debian.org/fluid-soundfont-gm")},
    };
}

QString BuildInfo::blasInUse()
{
    using ConfigFn = char *(*)();
    if (auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config")))
        return QString::fromLatin1(config()).trimmed();
    return QStringLiteral("reference BLAS or unknown (LibTorch runs about 18x slower: install libopenblas0-pthread)");
}

bool BuildInfo::isFastBlas() { return dlsym(RTLD_DEFAULT, "openblas_get_config") != nullptr; }

QString BuildInfo::dataAttribution()
{
    return QStringLiteral(
        "The shipped models were trained on the piano-midi.de collection of classical piano MIDI files "
        "sequenced by Bernd Krueger (http://www.piano-midi.de), used for study and research under its "
        "attribution and share-alike terms (http://www.piano-midi.de/copy.htm).");
}

}  // namespace aichopin
