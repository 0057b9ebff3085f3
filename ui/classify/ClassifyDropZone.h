#pragma once
// Where recordings and MIDI files are dropped (from a file manager) or chosen: takes files and
// folders (expanded recursively to the audio and MIDI files inside), shows a hint or, when no
// model is usable, why nothing can be classified. UI thread.
#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

namespace aichopin {

class ClassifyDropZone : public QFrame {
    Q_OBJECT
public:
    explicit ClassifyDropZone(QWidget *parent = nullptr);
    // Shown in the zone; an error text is drawn in the error colour.
    void setMessage(const QString &text, bool error = false);
    QString message() const;
    QPushButton *chooseButton() const { return m_choose; }

    // The classifiable files among paths (folders expanded recursively, sorted), and whether a
    // path has a classifiable suffix.
    static QStringList expand(const QStringList &paths);
    static bool isClassifiable(const QString &path);  // a recording or MIDI file (mediafiles)
    static QString hint();                             // what to drop, in the zone when idle

Q_SIGNALS:
    void filesChosen(const QStringList &paths);  // files and folders, as chosen or dropped

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setHighlighted(bool on);
    QLabel *m_label;
    QPushButton *m_choose;
};

}  // namespace aichopin
