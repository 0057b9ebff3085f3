// The UI speaks Polish when the locale is Polish: our translation and Qt's own are found and
// installed, menus and areas are translated, and English stays English.

#include "main/MainWindow.h"
#include "main/Translations.h"
#include "classify/ClassifyResultsModel.h"
#include "common/DataPaths.h"
#include "training/TrainingPanel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QRegularExpression>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

using namespace aichopin;

namespace {
QStringList menuTitles(const MainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}
}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void polishMenusAndAreas()
    {
        const QString qm = Translations::install(QLocale(QLocale::Polish, QLocale::Poland));
        QVERIFY2(qm.endsWith(QLatin1String("aichopin_pl.qm")), qPrintable("searched: " + Translations::searchDirs().join(", ")));
        MainWindow w;
        const QStringList titles = menuTitles(w);
        QVERIFY2(titles.contains(QStringLiteral("&Plik")), qPrintable(titles.join(" | ")));
        QVERIFY(titles.contains(QStringLiteral("Pomo&c")));
        QVERIFY(!titles.contains(QStringLiteral("&File")));
        QCOMPARE(w.areas()->tabText(1), QStringLiteral("K&lasyfikacja"));
        // The verdicts too (the model's labels, and so exports and the CLI, stay English).
        QCOMPARE(ClassifyResultsModel::verdictText(QStringLiteral("Other"), 0.1), QStringLiteral("Inne"));
        QCOMPARE(ClassifyResultsModel::verdictText(QStringLiteral("Chopin"), 0.9), QStringLiteral("Chopin"));
        // Every top-level menu and area has its own Alt+letter in Polish too.
        QStringList keys;
        for (const QString &t : titles + QStringList{w.areas()->tabText(0), w.areas()->tabText(1), w.areas()->tabText(2),
                                                     w.areas()->tabText(3), w.areas()->tabText(4)}) {
            const int amp = int(t.indexOf(QLatin1Char('&')));
            QVERIFY2(amp >= 0 && amp + 1 < t.size(), qPrintable(t));
            keys << t.mid(amp + 1, 1).toLower();
        }
        keys.removeDuplicates();
        QCOMPARE(keys.size(), titles.size() + 5);
    }

    void qtsOwnStringsFollow()
    {
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_pl.qm";
        if (!QFile::exists(qtbase))
            QSKIP("Qt's Polish translation is not installed (Debian: qt6-translations-l10n)");
        Translations::install(QLocale(QLocale::Polish, QLocale::Poland));
        QDialogButtonBox box(QDialogButtonBox::Close);
        QCOMPARE(box.button(QDialogButtonBox::Close)->text().remove('&'), QStringLiteral("Zamknij"));
    }

    void countsReadRightInEveryLanguage()
    {
        // The source text writes "%n piece(s)"; what the user reads is "1 piece" and "2 pieces",
        // in English, in Polish with its three forms, and in a language we have no translation
        // for (English then, with its plurals).
        const auto pieces = [](int n) { return QCoreApplication::translate("aichopin::DatasetPanel", "%n piece(s)", "", n); };
        const auto skipped = [](int n) {
            return QCoreApplication::translate("aichopin::TrainingWorker", " %n unreadable file(s) were skipped.", nullptr, n);
        };
        for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::German, QLocale::Germany)}) {
            Translations::install(locale);
            QCOMPARE(pieces(1), QStringLiteral("1 piece"));
            QCOMPARE(pieces(2), QStringLiteral("2 pieces"));
            QCOMPARE(pieces(0), QStringLiteral("0 pieces"));
            QCOMPARE(skipped(1), QStringLiteral(" 1 unreadable file was skipped."));
            QCOMPARE(skipped(3), QStringLiteral(" 3 unreadable files were skipped."));
        }
        Translations::install(QLocale(QLocale::Polish, QLocale::Poland));
        QCOMPARE(pieces(1), QStringLiteral("1 utwór"));
        QCOMPARE(pieces(3), QStringLiteral("3 utwory"));
        QCOMPARE(pieces(5), QStringLiteral("5 utworów"));
        QCOMPARE(pieces(22), QStringLiteral("22 utwory"));
        QCOMPARE(skipped(1), QStringLiteral(" Pominięto 1 nieczytelny plik."));
        // Another area's count.
        QCOMPARE(QCoreApplication::translate("aichopin::MainWindow", "%n track(s)", nullptr, 1), QStringLiteral("1 ścieżka"));
    }

    void numbersAreWrittenTheLanguagesWay()
    {
        // "0,967" in Polish, where the spin boxes already wrote "0,00200".
        if (DataPaths::shippedModel(QStringLiteral("classifier-default.pt")).isEmpty())
            QSKIP("the shipped classifier is not found");
        Translations::install(QLocale(QLocale::Polish, QLocale::Poland));
        QLocale::setDefault(QLocale(QLocale::Polish, QLocale::Poland));
        {
            TrainingPanel panel;
            panel.setTask(TrainingTask::Classifier);
            auto *shipped = panel.findChild<QLabel *>(QStringLiteral("shippedMetrics"));
            QVERIFY(shipped);
            static const QRegularExpression polish(QStringLiteral("utworów 0,\\d{3}")), english(QStringLiteral("0\\.\\d{3}"));
            QTRY_VERIFY2(shipped->text().contains(polish), qPrintable(shipped->text()));
            QVERIFY2(!shipped->text().contains(english), qPrintable(shipped->text()));
        }
        QLocale::setDefault(QLocale::c());
    }

    void englishNeedsNoTranslation()
    {
        QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)).isEmpty());
        MainWindow w;
        QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
