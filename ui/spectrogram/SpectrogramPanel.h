#pragma once
// The Spectrogram area: open a recording or a MIDI file (menu or drop) and see the log-mel or
// MFCC spectrogram the classifier listens to, zoom and scroll it, and play the file (a recording
// or MIDI) with a playhead (click to seek). Analysis runs off the UI thread. UI thread only.

#include "spectrogram/SpectrogramAnalysis.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace aichopin {

class ElidedLabel;
class FilePlayer;
class SpectrogramView;

class SpectrogramPanel : public QWidget {
    Q_OBJECT
public:
    explicit SpectrogramPanel(QWidget *parent = nullptr);
    ~SpectrogramPanel() override;

    SpectrogramView *view() const { return m_view; }
    bool isAnalysing() const { return !m_pending.isEmpty(); }
    QString currentFile() const { return m_file; }
    QString message() const;
    QPushButton *playButton() const { return m_play; }
    QPushButton *classifyButton() const { return m_classify; }
    QString playStatus() const;  // the player's last word ("no audio device: ..."), or empty
    void showMfcc(bool mfcc);
    void showKind(int kind);  // 0 log-mel, 1 MFCC, 2 semitone bands (the order of the kind box)

public Q_SLOTS:
    void openFile(const QString &path);

Q_SIGNALS:
    // Classify: the file shown, for a verdict in the Classify area.
    void classifyRequested(const QString &path);

private:
    SpectrogramDataPtr shown(int kind) const;  // of m_analysis, which must be set
    void finished();

    SpectrogramView *m_view = nullptr;
    QComboBox *m_kind = nullptr;
    QPushButton *m_play = nullptr;
    QPushButton *m_classify = nullptr;
    QLabel *m_info = nullptr;
    ElidedLabel *m_status = nullptr;
    FilePlayer *m_player = nullptr;
    std::shared_ptr<CancelToken> m_cancel;
    QFutureWatcher<std::shared_ptr<Result<SpectrogramAnalysis>>> m_watcher;
    std::optional<SpectrogramAnalysis> m_analysis;
    QString m_file;
    QString m_pending;
};

}  // namespace aichopin
