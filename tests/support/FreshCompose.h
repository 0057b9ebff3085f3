#pragma once
// A Compose test's start as at a first start of the app: its own XDG data folder (no kept
// compositions listed) and none of the settings of the roll's layout (the velocity lane shown,
// the strips at their first heights). Create one in each test's init(); the folder goes with it.

#include <QByteArray>
#include <QSettings>
#include <QTemporaryDir>

namespace aichopin::test {

class FreshCompose {
public:
    FreshCompose()
    {
        qputenv("XDG_DATA_HOME", m_data.path().toLocal8Bit());
        QSettings().remove(QStringLiteral("compose/showVelocities"));
        QSettings().remove(QStringLiteral("compose/rollSplitter"));
    }

private:
    QTemporaryDir m_data;
};

}  // namespace aichopin::test
