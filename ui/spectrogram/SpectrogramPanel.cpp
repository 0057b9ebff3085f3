#include "spectrogram/SpectrogramPanel.h"

#include "common/ElidedLabel.h"
#include "common/RecentFolders.h"
#include "compose/FilePlayer.h"
#include "listen/MediaFiles.h"
#include "spectrogram/SpectrogramView.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace aichopin {

SpectrogramPanel::SpectrogramPanel(QWidget *parent) : QWidget(parent), m_cancel(std::make_shared<CancelToken>())
{
    auto *root = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open Recording..."), this);
    open->setToolTip(tr("Show the spectrogram of a recording (mp3, wav, flac, ogg, m4a, aiff, the sound of a video...) or a MIDI file"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = recentfolders::openFile(this, tr("Open a Recording"), recentfolders::kRecordings,
                                                     tr("Music (%1);;All files (*)").arg(mediafiles::dialogPatterns()));
        if (!path.isEmpty())
            openFile(path);
    });
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Mel spectrogram"));
    m_kind->addItem(tr("MFCC"));
    m_kind->addItem(tr("Semitone bands"));
    m_kind->setToolTip(tr("Log-mel: energy in 128 bands on the mel scale; MFCC: the paper's 20 cepstral coefficients; "
                          "semitone bands: energy around each note from C1 to B8, what the shipped classifier hears"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) { showKind(i); });
    m_play = new QPushButton(tr("Play"), this);
    m_play->setEnabled(false);
    m_play->setObjectName(QStringLiteral("spectrogramPlay"));
    m_play->setToolTip(tr("Play the file from the playhead (click the picture to move it)"));
    m_classify = new QPushButton(tr("Classify"), this);
    m_classify->setEnabled(false);
    m_classify->setObjectName(QStringLiteral("spectrogramClassify"));
    m_classify->setToolTip(tr("Does it sound like Chopin? The file goes to the Classify area for a verdict"));
    connect(m_classify, &QPushButton::clicked, this, [this] {
        if (!m_file.isEmpty())
            Q_EMIT classifyRequested(m_file);
    });
    m_info = new QLabel(tr("Open a recording or a MIDI file, or drop one on the window."), this);
    m_info->setObjectName(QStringLiteral("spectrogramInfo"));
    row->addWidget(open);
    row->addWidget(m_kind);
    row->addWidget(m_play);
    row->addWidget(m_classify);
    m_status = new ElidedLabel(this);
    m_status->setObjectName(QStringLiteral("spectrogramPlayStatus"));
    row->addWidget(m_info, 1);
    row->addWidget(m_status, 1);
    root->addLayout(row);
    m_view = new SpectrogramView(this);
    root->addWidget(m_view, 1);

    // A recording is decoded for playing only when Play is first pressed.
    m_player = new FilePlayer(this);
    connect(m_play, &QPushButton::clicked, this, [this] { m_player->toggle(std::max(0.0, m_view->playhead())); });
    connect(m_player, &FilePlayer::playingChanged, this, [this](bool playing) { m_play->setText(playing ? tr("Pause") : tr("Play")); });
    connect(m_player, &FilePlayer::positionChanged, m_view, &SpectrogramView::setPlayhead);
    connect(m_player, &FilePlayer::statusChanged, this, [this](const QString &text) {
        // Driver errors name every driver tried: a short line here, all of it in the tooltip.
        m_status->setFullText(text);
    });
    connect(m_view, &SpectrogramView::seekRequested, this, [this](double t) {
        m_view->setPlayhead(t);
        m_player->seek(t);
    });
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Result<SpectrogramAnalysis>>>::finished, this, &SpectrogramPanel::finished);
}

SpectrogramPanel::~SpectrogramPanel()
{
    m_cancel->cancel();
    m_watcher.waitForFinished();
}

QString SpectrogramPanel::message() const { return m_info->text(); }
QString SpectrogramPanel::playStatus() const { return m_status->toolTip(); }

void SpectrogramPanel::showMfcc(bool mfcc) { showKind(mfcc ? 1 : 0); }

SpectrogramDataPtr SpectrogramPanel::shown(int kind) const
{
    return kind == 1 ? m_analysis->mfcc : kind == 2 ? m_analysis->semitones : m_analysis->mel;
}

void SpectrogramPanel::showKind(int kind)
{
    if (m_kind->currentIndex() != kind)
        m_kind->setCurrentIndex(kind);
    if (!m_analysis)
        return;
    const double start = m_view->startSeconds(), pps = m_view->pixelsPerSecond();
    const bool fitted = m_view->isFitted();
    m_view->setData(shown(kind));  // fitted
    if (!fitted) {
        m_view->setPixelsPerSecond(pps, 0);
        m_view->scrollToTime(start);
    }
}

void SpectrogramPanel::openFile(const QString &path)
{
    if (!m_pending.isEmpty()) {
        m_cancel->cancel();
        m_watcher.waitForFinished();
    }
    m_cancel = std::make_shared<CancelToken>();
    m_pending = path;
    m_player->stop();
    m_info->setText(tr("Analysing %1...").arg(QFileInfo(path).fileName()));
    auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([path, cancel] {
        return std::make_shared<Result<SpectrogramAnalysis>>(SpectrogramAnalysis::analyse(path, cancel.get()));
    }));
}

void SpectrogramPanel::finished()
{
    const auto result = m_watcher.result();
    const QString path = m_pending;
    m_pending.clear();
    if (!result->ok()) {
        if (result->error().message != QLatin1String("cancelled"))
            m_info->setText(tr("Cannot show %1: %2").arg(QFileInfo(path).fileName(), result->error().toString()));
        return;
    }
    m_analysis = result->value();
    m_file = path;
    m_view->setData(shown(m_kind->currentIndex()));
    const int seconds = int(m_analysis->duration);
    m_info->setText(tr("%1: %2:%3").arg(QFileInfo(path).fileName(), QString::number(seconds / 60),
                                         QStringLiteral("%1").arg(seconds % 60, 2, 10, QLatin1Char('0'))));
    m_player->setFile(path, bool(m_analysis->midi));
    m_view->setPlayhead(0);
    m_play->setEnabled(true);
    m_classify->setEnabled(true);
}

}  // namespace aichopin
