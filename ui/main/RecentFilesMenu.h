#pragma once
// File > Open Recent: the MIDI files opened last, newest first (at most kMax), kept in the
// settings for the next start. Choosing one asks for it to be opened (fileChosen); a file that
// has gone since is shown disabled and can be cleared with the rest (Clear Menu). UI thread.

#include <QMenu>
#include <QStringList>

namespace aichopin {

class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    static constexpr int kMax = 10;

    explicit RecentFilesMenu(QWidget *parent = nullptr);

    QStringList files() const;
    void add(const QString &path);     // to the top (once)
    void remove(const QString &path);  // a file that could not be opened
    void clearFiles();

Q_SIGNALS:
    void fileChosen(const QString &path);

private:
    void store(const QStringList &files);
    void rebuild();
};

}  // namespace aichopin
