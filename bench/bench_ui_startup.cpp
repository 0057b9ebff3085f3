// GUI start-up time: from the moment the process was created (so loading Qt, LibTorch and the
// other libraries counts) to the main window shown and painted once, measured the way the app
// starts (QApplication, MainWindow, show). Runs under the platform Qt picks (xcb with a
// display, or QT_QPA_PLATFORM=offscreen). Prints numbers; asserts nothing.
//
//   bench_ui_startup
#include "BenchResult.h"
#include "main/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QWindow>

#include <ctime>
#include <unistd.h>

namespace {

// Seconds since boot at which this process was created (/proc/self/stat field 22, in clock ticks).
double processStartSeconds()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 is fields[19].
    return fields.size() > 19 ? fields[19].toDouble() / double(sysconf(_SC_CLK_TCK)) : -1;
}

double bootSecondsNow()
{
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

}  // namespace

int main(int argc, char **argv)
{
    const double enteredMain = bootSecondsNow();
    QElapsedTimer inMain;
    inMain.start();
    QApplication app(argc, argv);
    // Settings of its own, so the benchmark neither reads nor changes the user's.
    QApplication::setOrganizationName(QStringLiteral("aichopin-bench"));
    QApplication::setApplicationName(QStringLiteral("aichopin"));
    aichopin::MainWindow window;
    window.show();
    while (!window.windowHandle() || !window.windowHandle()->isExposed())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    window.repaint();
    QApplication::processEvents();
    const double shown = bootSecondsNow();
    const double started = processStartSeconds();
    std::printf("platform %s: main() entered %.0f ms after the process was created; window shown and painted %.0f ms after main()\n",
                qPrintable(QApplication::platformName()), (enteredMain - started) * 1000, inMain.nsecsElapsed() / 1e6);
    aichopin::bench::result("gui.startup_ms", (shown - started) * 1000, "ms");
    return 0;
}
