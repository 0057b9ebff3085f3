#include "dataset/DatasetPanel.h"

#include "classifier/ClassifierDataset.h"
#include "common/NaturalOrder.h"
#include "common/Numbers.h"
#include "common/RecentFolders.h"
#include "compose/PlaybackController.h"
#include "composer/ComposerConfig.h"
#include "composer/ComposerCorpus.h"
#include "dataset/DatasetRowActions.h"
#include "listen/Features.h"
#include "listen/MediaFiles.h"
#include "listen/SpectrogramImage.h"
#include "midi/SmfReader.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollView.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace aichopin {

struct DatasetPanel::Scanned {
    QString dir;
    std::optional<MusicFolder> folder;
    QString error;
    QStringList validation;
    ClassifierSplit classifier;
};

using namespace datasettree;

namespace {

QString clock(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const int s = int(std::round(seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
}  // namespace

DatasetPanel::DatasetPanel(QWidget *parent) : QWidget(parent)
{
    buildUi();
    connect(&m_scan, &QFutureWatcher<std::shared_ptr<Scanned>>::finished, this, &DatasetPanel::scanFinished);
    connect(&m_audioPreview, &QFutureWatcher<QImage>::finished, this, [this] {
        const QImage image = m_audioPreview.result();
        if (image.isNull()) {
            m_previewMessage->setText(tr("This recording could not be decoded."));
            m_preview->setCurrentWidget(m_previewMessage);
            return;
        }
        m_spectrogram->setPixmap(QPixmap::fromImage(image.scaled(m_spectrogram->size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)));
        m_preview->setCurrentWidget(m_spectrogram);
        m_audioPreviewReady = true;
    });
    for (const QString &dir : QSettings().value(QStringLiteral("dataset/folders")).toStringList())
        if (QFileInfo(dir).isDir())
            addFolder(dir);
}

DatasetPanel::~DatasetPanel()
{
    m_queue.clear();
    m_scan.waitForFinished();
    m_audioPreview.waitForFinished();
}

void DatasetPanel::buildUi()
{
    auto *root = new QVBoxLayout(this);
    auto *folderRow = new QHBoxLayout;
    m_folderList = new QListWidget(this);
    m_folderList->setMaximumHeight(70);
    m_folderList->setToolTip(tr("Folders of music; subfolders give the labels (chopin/, other/, or one per composer)"));
    auto *add = new QPushButton(tr("Add Folder..."), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    add->setToolTip(tr("Add a folder of MIDI and audio files"));
    remove->setToolTip(tr("Forget the selected folder (its files stay on disk)"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = recentfolders::openFolder(this, tr("Add a Folder of Music"), recentfolders::kMusicFolder);
        if (!dir.isEmpty())
            addFolder(dir);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (auto *item = m_folderList->currentItem())
            removeFolder(item->text());
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    folderRow->addWidget(m_folderList, 1);
    folderRow->addLayout(buttons);
    root->addLayout(folderRow);

    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Dataset tree"));  // also names its keys in Help > Keyboard Shortcuts
    m_tree->setHeaderLabels({tr("File"), tr("Label"), tr("Duration"), tr("Notes"), tr("Problem")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(Name, QHeaderView::Interactive);
    m_tree->setColumnWidth(Name, 240);
    // Wide enough for their headings in any language ("Czas trwania" in Polish).
    m_tree->setColumnWidth(Label, std::max(90, m_tree->header()->sectionSizeHint(Label)));
    m_tree->setColumnWidth(Duration, std::max(70, m_tree->header()->sectionSizeHint(Duration)));
    // "24 pieces" on a label's row, a count of notes on a file's.
    m_tree->setColumnWidth(Notes, std::max(90, m_tree->header()->sectionSizeHint(Notes)));
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) { preview(item); });
    m_rowActions = new DatasetRowActions(m_tree);
    connect(m_rowActions, &DatasetRowActions::openInComposeRequested, this, &DatasetPanel::openInComposeRequested);
    connect(m_rowActions, &DatasetRowActions::classifyRequested, this, &DatasetPanel::classifyRequested);
    connect(m_rowActions, &DatasetRowActions::openInSpectrogramRequested, this, &DatasetPanel::openInSpectrogramRequested);

    m_preview = new QStackedWidget(this);
    m_previewMessage = new QLabel(tr("Select a file to preview it."), this);
    m_previewMessage->setAlignment(Qt::AlignCenter);
    m_previewMessage->setWordWrap(true);
    m_previewModel = new PianoRollModel(this);
    m_previewRoll = new PianoRollView(m_previewModel, this);
    m_spectrogram = new QLabel(this);
    m_spectrogram->setMinimumSize(200, 128);
    m_spectrogram->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_spectrogram->setToolTip(tr("Mel spectrogram: time to the right, low frequencies at the bottom"));
    m_preview->addWidget(m_previewMessage);
    m_preview->addWidget(m_previewRoll);
    m_preview->addWidget(m_spectrogram);
    m_play = new QPushButton(tr("Play"), this);
    m_play->setEnabled(false);
    m_play->setToolTip(tr("Play the selected MIDI file"));
    m_playback = new PlaybackController(this);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_playback->isPlaying())
            m_playback->stop();
        else
            m_playback->play();
    });
    connect(m_playback, &PlaybackController::playingChanged, this, [this](bool playing) { m_play->setText(playing ? tr("Stop") : tr("Play")); });
    connect(m_playback, &PlaybackController::positionChanged, this, [this](double t) {
        if (m_playback->isPlaying())
            m_previewRoll->setPlayhead(t);
    });
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(m_play, 0, Qt::AlignLeft);

    auto *split = new QSplitter(this);
    split->addWidget(m_tree);
    split->addWidget(previewBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({720, 480});
    root->addWidget(split, 1);

    m_summary = new QLabel(tr("Add a folder of music (Add Folder..., or drop it here) to see what it holds."), this);
    m_summary->setObjectName(QStringLiteral("datasetSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setWidget(m_summary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setMaximumHeight(110);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    root->addWidget(summaryScroll);
}

void DatasetPanel::saveFolders() { QSettings().setValue(QStringLiteral("dataset/folders"), m_folders); }

void DatasetPanel::addFolder(const QString &dir)
{
    const QString path = QFileInfo(dir).absoluteFilePath();
    if (m_folders.contains(path))
        return;
    m_folders << path;
    m_folderList->addItem(path);
    saveFolders();
    m_queue << path;
    scanNext();
}

void DatasetPanel::removeFolder(const QString &dir)
{
    m_folders.removeAll(dir);
    m_queue.removeAll(dir);
    m_results.erase(dir);
    m_validation.erase(dir);
    m_classifierSplit.erase(dir);
    for (int i = m_folderList->count() - 1; i >= 0; --i)
        if (m_folderList->item(i)->text() == dir)
            delete m_folderList->takeItem(i);
    for (int i = m_tree->topLevelItemCount() - 1; i >= 0; --i)
        if (m_tree->topLevelItem(i)->data(Name, PathRole).toString() == dir)
            delete m_tree->takeTopLevelItem(i);
    saveFolders();
    updateSummary();
}

void DatasetPanel::scanNext()
{
    if (m_scan.isRunning() || m_queue.isEmpty())
        return;
    m_scanning = m_queue.takeFirst();
    m_summary->setText(tr("Reading %1...").arg(m_scanning));
    const QString dir = m_scanning;
    m_scan.setFuture(QtConcurrent::run([dir] {
        auto out = std::make_shared<Scanned>();
        out->dir = dir;
        auto folder = MusicFolderScanner::scan(dir);
        if (!folder) {
            out->error = folder.error().toString();
            return out;
        }
        out->folder = std::move(folder.value());
        // The pieces the composer's training (default settings) would hold out for validation.
        auto corpus = ComposerCorpus::load(out->folder->root);
        if (corpus) {
            ComposerTrainingOptions defaults;
            corpus->split(defaults.validationFraction, defaults.seed);
            for (const auto &piece : corpus->validation())
                out->validation << QDir(out->folder->root).relativeFilePath(piece.path);
        }
        // And the classifier's, when the folder is laid out for it (chopin/ and other/, or a
        // folder per composer): the same scan and split its training does.
        if (auto entries = ClassifierDataset::scan(dir)) {
            std::vector<ClipPiece> pieces;
            for (const DatasetEntry &e : entries.value())
                pieces.push_back({e.path, e.composer, e.isChopin, false});
            const ClassifierDatasetOptions defaults;
            ClassifierDataset::splitByPiece(pieces, defaults.validationFraction, defaults.seed);
            ClassifierSplit &c = out->classifier;
            for (const ClipPiece &p : pieces) {
                (p.isChopin ? c.chopin : c.others) += 1;
                if (p.validation) {
                    c.validation << QDir(out->folder->root).relativeFilePath(p.name);
                    c.validationChopin += p.isChopin ? 1 : 0;
                }
            }
        }
        return out;
    }));
}

void DatasetPanel::scanFinished()
{
    const std::shared_ptr<Scanned> s = m_scan.result();
    m_scanning.clear();
    if (m_folders.contains(s->dir)) {
        if (!s->folder) {
            auto *item = new QTreeWidgetItem(m_tree, {QDir(s->dir).dirName()});
            item->setToolTip(Name, QDir::toNativeSeparators(s->dir));
            item->setText(Problem, s->error);
            item->setData(Name, PathRole, s->dir);
        } else {
            m_results[s->dir] = *s->folder;
            m_validation[s->dir] = s->validation;
            m_classifierSplit[s->dir] = s->classifier;
            showFolder(*s->folder);
        }
        updateSummary();
        Q_EMIT scanned(s->dir);
    }
    scanNext();
}

void DatasetPanel::showFolder(const MusicFolder &folder)
{
    QString key;
    for (const auto &[dir, f] : m_results)
        if (&f == &folder || f.root == folder.root)
            key = dir;
    // The folder's own name ("Chopin", "Liszt"), where its path would be cut to the same
    // "/home/me/music/..." for every folder; the whole path in the tooltip.
    auto *top = new QTreeWidgetItem(m_tree, {QDir(key).dirName()});
    top->setToolTip(Name, QDir::toNativeSeparators(key));
    top->setData(Name, PathRole, key);
    top->setFirstColumnSpanned(false);
    std::map<QString, QTreeWidgetItem *> labels;
    const QStringList validation = m_validation[key];
    const QStringList classifierValidation = m_classifierSplit[key].validation;
    // Listed as a file manager lists them: chpn-p2 before chpn-p10, Bach before bach_846.
    std::vector<const MusicFile *> files;
    files.reserve(folder.files.size());
    for (const MusicFile &f : folder.files)
        files.push_back(&f);
    std::stable_sort(files.begin(), files.end(),
                     [](const MusicFile *a, const MusicFile *b) { return naturalLess(a->relativePath, b->relativePath); });
    for (const MusicFile *file : files) {
        const MusicFile &f = *file;
        // Files directly in the folder have no label: they are listed under the folder itself.
        QTreeWidgetItem *&labelItem = labels[f.label];
        if (!labelItem) {
            labelItem = f.label.isEmpty() ? top : new QTreeWidgetItem(top, {f.label});
            if (labelItem != top)  // a label's folder, to classify as a whole
                labelItem->setData(Name, PathRole, QDir(folder.root).filePath(f.label));
            const LabelSummary &s = folder.byLabel.at(f.label);
            labelItem->setText(Label, f.label);
            labelItem->setText(Duration, QStringLiteral("%1 h").arg(decimal(s.seconds / 3600.0, 2)));
            labelItem->setText(Notes, tr("%n piece(s)", "", s.pieces));
            if (s.problems)
                labelItem->setText(Problem, tr("%n unreadable", "", s.problems));
        }
        auto *item = new QTreeWidgetItem(labelItem, {f.relativePath.section(QLatin1Char('/'), 1)});
        if (item->text(Name).isEmpty())
            item->setText(Name, f.relativePath);
        item->setData(Name, PathRole, f.path);
        item->setData(Name, KindRole, int(f.kind));
        item->setText(Label, f.label);
        item->setText(Duration, clock(f.duration));
        item->setText(Notes, f.notes >= 0 ? QString::number(f.notes) : QString());
        item->setText(Problem, f.problem);
        if (!f.usable()) {
            item->setForeground(Problem, QColor(200, 40, 40));
            item->setToolTip(Problem, f.problem);
        }
        QStringList heldOut;
        if (validation.contains(f.relativePath))
            heldOut << tr("Held out for validation when the composer trains on this folder");
        if (classifierValidation.contains(f.relativePath))
            heldOut << tr("Held out for validation when the classifier trains on this folder");
        if (!heldOut.isEmpty())
            item->setToolTip(Name, heldOut.join(QLatin1Char('\n')));
    }
    top->setExpanded(true);
    // An empty tree under the folder would leave the user guessing why.
    if (folder.files.empty())
        top->setText(Problem, tr("no MIDI or audio files in this folder (%1)")
                                  .arg((mediafiles::midiSuffixes() + mediafiles::audioSuffixes()).join(QStringLiteral(", "))));
}

void DatasetPanel::updateSummary()
{
    m_summary->setText(summary());
}

QString DatasetPanel::summary() const
{
    if (m_results.empty())
        return m_folders.isEmpty() ? tr("Add a folder of music (Add Folder..., or drop it here) to see what it holds.") : tr("Reading...");
    QStringList lines;
    for (const auto &[dir, folder] : m_results) {
        QStringList parts;
        for (const auto &[label, s] : folder.byLabel) {
            const QString what = tr("%1, %2 h%3").arg(tr("%n piece(s)", "", s.pieces), decimal(s.seconds / 3600.0, 2),
                                                      s.problems ? tr(" (%1 unreadable)").arg(s.problems) : QString());
            if (label.isEmpty())  // files directly in the folder: first, with no label
                parts << (folder.byLabel.size() == 1 ? what : tr("in the folder itself: %1").arg(what));
            else
                parts << tr("%1: %2").arg(label, what);
        }
        if (parts.isEmpty())
            parts << tr("no MIDI or audio files");
        lines << QStringLiteral("<b>%1</b>: %2").arg(QFileInfo(dir).fileName().toHtmlEscaped(), parts.join(QStringLiteral("; ")).toHtmlEscaped());
        const auto v = m_validation.find(dir);
        if (v != m_validation.end() && !v->second.isEmpty())
            lines << tr("Composer training holds out %1 for validation: %2")
                         .arg(tr("%n piece(s)", "", int(v->second.size())), v->second.join(QStringLiteral(", ")).toHtmlEscaped());
        const auto c = m_classifierSplit.find(dir);
        if (c != m_classifierSplit.end() && c->second.chopin > 0 && c->second.others > 0) {
            const ClassifierSplit &s = c->second;
            lines << (s.validation.isEmpty()
                          ? tr("Classifier training: %1 by Chopin against %2 by others; too few to hold any out for validation "
                               "(a composer needs 3 or more pieces for one to be)")
                                .arg(tr("%n piece(s)", "", s.chopin)).arg(s.others)
                          : tr("Classifier training: %1 by Chopin against %2 by others; holds out %3 for validation (%4 by Chopin): %5")
                                .arg(tr("%n piece(s)", "", s.chopin)).arg(s.others).arg(s.validation.size()).arg(s.validationChopin)
                                .arg(s.validation.join(QStringLiteral(", ")).toHtmlEscaped()));
        }
    }
    return lines.join(QStringLiteral("<br>"));
}

void DatasetPanel::preview(QTreeWidgetItem *item)
{
    m_playback->stop();
    m_play->setEnabled(false);
    m_audioPreviewReady = false;
    if (!item || item->data(Name, KindRole).isNull()) {
        m_previewMessage->setText(tr("Select a file to preview it."));
        m_preview->setCurrentWidget(m_previewMessage);
        return;
    }
    const QString path = item->data(Name, PathRole).toString();
    if (!item->text(Problem).isEmpty()) {
        m_previewMessage->setText(tr("%1 cannot be used: %2").arg(QFileInfo(path).fileName(), item->text(Problem)));
        m_preview->setCurrentWidget(m_previewMessage);
        return;
    }
    if (MusicFile::Kind(item->data(Name, KindRole).toInt()) == MusicFile::Kind::Midi) {
        auto midi = SmfReader::readFile(path);
        if (!midi) {
            m_previewMessage->setText(midi.error().toString());
            m_preview->setCurrentWidget(m_previewMessage);
            return;
        }
        // Shown first, so the roll has its size when it fits the piece to it.
        m_preview->setCurrentWidget(m_previewRoll);
        m_previewModel->setSequence(midi.value());
        m_playback->setSequence(midi.value());
        m_play->setEnabled(true);
        return;
    }
    m_previewMessage->setText(tr("Computing the spectrogram of %1...").arg(QFileInfo(path).fileName()));
    m_preview->setCurrentWidget(m_previewMessage);
    m_audioPreview.waitForFinished();
    m_audioPreview.setFuture(QtConcurrent::run([path] {
        FeatureParams params;
        auto features = Features::fromFile(path, FeatureKind::Mel, params);
        if (!features)
            return QImage();
        SpectrogramRenderOptions options;
        options.maxWidth = 1600;
        const SpectrogramImage picture = SpectrogramRenderer::render(features->matrix, options);
        QImage image(reinterpret_cast<const uchar *>(picture.argb.data()), picture.width, picture.height, 4 * picture.width,
                     QImage::Format_ARGB32);
        return image.copy();
    }));
}

}  // namespace aichopin
