#include "compose/ComposePanel.h"

#include "common/DataPaths.h"
#include "common/Numbers.h"
#include "common/RecentFolders.h"
#include "compose/ComposeWorker.h"
#include "compose/ConfidenceStrip.h"
#include "compose/GenerationSettings.h"
#include "compose/PhraseRecorder.h"
#include "compose/PieceEdits.h"
#include "compose/PieceExport.h"
#include "compose/PlaybackController.h"
#include "compose/SeedControl.h"
#include "compose/TransportBar.h"
#include "listen/MediaFiles.h"
#include "midi/SmfReader.h"
#include "midi/SmfWriter.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/VelocityLane.h"
#include "sound/MidiEventSchedule.h"

#include <QCheckBox>
#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <optional>

namespace aichopin {

namespace {

constexpr uint8_t kAuditionVelocity = 80;  // a key clicked on the roll: mezzo-forte

// One undoable change of the piece. The first redo (on push) is skipped when the panel
// already shows the new piece (a composition that streamed in). With a roll (an edit), the roll's
// selection comes back with each side: as it was when the edit was made, and as it was when it
// was undone (a box dragged with its notes goes back with them).
class PieceCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const NoteSequence &, const QString &)>;
    // Each side is a piece and its name.
    PieceCommand(Apply apply, NoteSequence before, QString beforeName, NoteSequence after, QString afterName,
                 const QString &text, bool alreadyShown)
        : QUndoCommand(text), m_apply(std::move(apply)), m_before(std::move(before)), m_after(std::move(after)),
          m_beforeName(std::move(beforeName)), m_afterName(std::move(afterName)), m_skipFirst(alreadyShown)
    {
    }
    void keepSelection(PianoRollView *roll)
    {
        m_roll = roll;
        m_selectionBefore = roll->selection();
    }
    void undo() override
    {
        if (m_roll)
            m_selectionAfter = m_roll->selection();  // as the edit (and what followed) left it
        m_apply(m_before, m_beforeName);
        if (m_roll)
            m_roll->setSelection(m_selectionBefore);
    }
    void redo() override
    {
        if (m_skipFirst) {
            m_skipFirst = false;
            return;
        }
        m_apply(m_after, m_afterName);
        if (m_roll && m_selectionAfter)
            m_roll->setSelection(*m_selectionAfter);  // on the first redo, the edit sets it
    }

private:
    PianoRollView *m_roll = nullptr;
    NoteRange m_selectionBefore;
    std::optional<NoteRange> m_selectionAfter;
    Apply m_apply;
    NoteSequence m_before, m_after;
    QString m_beforeName, m_afterName;
    bool m_skipFirst;
};

}  // namespace

ComposePanel::ComposePanel(QWidget *parent)
    : QWidget(parent), m_cancel(std::make_shared<CancelToken>())
{
    qRegisterMetaType<aichopin::NoteSequence>();
    qRegisterMetaType<aichopin::ComposedEvents>();
    qRegisterMetaType<aichopin::GenerationOptions>();
    buildUi();

    m_worker = new ComposeWorker(m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ComposeWorker::modelReady, this, [this](const QString &path, const QString &description) {
        if (path != m_modelPath)
            return;
        m_modelReady = true;
        m_readyModelPath = path;
        m_readyModelDescription = description;
        m_modelLabel->setText(tr("Model: %1").arg(description));
        updateEnabled();
    });
    connect(m_worker, &ComposeWorker::modelFailed, this, [this](const QString &path, const QString &message, const QString &kept) {
        if (path != m_modelPath)
            return;
        // A bad choice never costs the model that worked: the worker still holds it.
        QSettings settings;
        if (settings.value(QStringLiteral("compose/model")).toString() == path)
            settings.setValue(QStringLiteral("compose/model"), m_readyModelPath);
        if (!m_readyModelPath.isEmpty() && kept == m_readyModelPath) {
            m_modelPath = m_readyModelPath;
            m_modelReady = true;
            m_modelLabel->setText(tr("Model: %1 (%2 could not be loaded)").arg(m_readyModelDescription, QFileInfo(path).fileName()));
            setMessage(tr("Could not load the composer model %1: %2. Still using %3.")
                           .arg(QFileInfo(path).fileName(), message, QFileInfo(m_readyModelPath).fileName()));
        } else {
            m_modelReady = false;
            m_modelLabel->setText(tr("Model: none loaded"));
            setMessage(tr("Could not load the composer model %1: %2").arg(QFileInfo(path).fileName(), message));
        }
        updateEnabled();
    });
    connect(m_worker, &ComposeWorker::eventsReady, this, &ComposePanel::onEvents);
    connect(m_worker, &ComposeWorker::composed, this, &ComposePanel::onComposed);
    connect(m_worker, &ComposeWorker::cancelled, this, [this] {
        std::vector<Note> done;
        m_stream.finish(m_streamed.duration(), done);
        m_streamed.notes.insert(m_streamed.notes.end(), done.begin(), done.end());
        m_streamed.sortNotes();
        m_requestLabel += tr(" (stopped)");
        finishComposition(m_streamed);
        setMessage(tr("Stopped: kept the %n note(s) composed so far.", nullptr, int(m_streamed.notes.size())) + keptNote());
    });
    connect(m_worker, &ComposeWorker::failed, this, [this](const QString &message) {
        m_composing = false;
        m_playback->setOpenEnded(false);
        setPiece(m_piece, m_pieceName);
        setMessage(tr("Composing failed: %1").arg(message));
        updateEnabled();
    });
    m_thread.start();

    QString model = QSettings().value(QStringLiteral("compose/model")).toString();
    if (model.isEmpty() || !QFileInfo::exists(model))
        model = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
    if (model.isEmpty()) {
        m_modelLabel->setText(tr("Model: none found (the shipped composer-default.pt is missing): choose a model file or train one"));
        updateEnabled();
    } else {
        setModelPath(model);
    }
    m_playback->initialise();
}

ComposePanel::~ComposePanel()
{
    m_cancel->cancel();
    m_thread.quit();
    m_thread.wait();
    delete m_recordButton;  // stops RtMidi's thread, which plays through m_playback, first
}

void ComposePanel::setHeader(QWidget *header)
{
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, header);
}

void ComposePanel::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    auto *controls = new QHBoxLayout;
    m_composeButton = new QPushButton(tr("Compose"), this);
    m_composeButton->setObjectName(QStringLiteral("composeButton"));
    m_composeButton->setToolTip(tr("Write a new piece with the model (Ctrl+Enter)"));
    m_composeButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setToolTip(tr("Stop composing and keep what is written (Esc)"));
    m_settings = new GenerationSettings(this);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("continueFrom"));
    m_source->addItem(tr("Nothing"), int(Source::Nothing));
    m_source->addItem(tr("A MIDI file..."), int(Source::MidiFile));
    m_source->addItem(tr("The piece in the roll"), int(Source::Roll));
    m_source->addItem(tr("The music before the selection"), int(Source::BeforeSelection));
    m_source->addItem(tr("The phrase recorded from a keyboard"), int(Source::Recording));
    m_source->setToolTip(tr("What the new music continues"));
    connect(m_source, &QComboBox::activated, this, [this](int index) {
        if (Source(m_source->itemData(index).toInt()) != Source::MidiFile)
            return;
        const QString path = recentfolders::openFile(this, tr("Continue a MIDI File"), recentfolders::kOpen,
                                                     tr("MIDI files (%1);;All files (*)").arg(mediafiles::midiPatterns()));
        if (path.isEmpty())
            m_source->setCurrentIndex(0);
        else
            setSource(Source::MidiFile, path);
    });
    m_recordButton = new PhraseRecorder(this);
    m_rewriteButton = new QPushButton(tr("Rewrite Selection"), this);
    m_rewriteButton->setToolTip(tr("Compose the selected time range again (Ctrl+R; Shift+drag in the roll selects)"));

    auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    controls->addWidget(m_composeButton);
    controls->addWidget(m_stopButton);
    controls->addSpacing(8);
    controls->addWidget(m_settings);
    controls->addStretch(1);
    auto *continueRow = new QHBoxLayout;
    continueRow->addWidget(label(tr("Continue &from"), m_source));
    continueRow->addWidget(m_source);
    continueRow->addWidget(m_recordButton);
    continueRow->addWidget(m_rewriteButton);
    continueRow->addStretch(1);
    root->addLayout(controls);
    root->addLayout(continueRow);

    auto *modelRow = new QHBoxLayout;
    m_modelLabel = new QLabel(tr("Model: loading..."), this);
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    auto *chooseModel = new QPushButton(tr("Choose Model..."), this);
    chooseModel->setToolTip(tr("Use another composer model file (for example one you trained)"));
    connect(chooseModel, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Composer Model"), DataPaths::userModelDir(), tr("Models (*.pt)"));
        if (path.isEmpty())
            return;
        QSettings().setValue(QStringLiteral("compose/model"), path);
        setModelPath(path);
    });
    m_showConfidence = new QCheckBox(tr("Show how sure the model was"), this);
    m_showConfidence->setChecked(true);
    m_showConfidence->setToolTip(tr("Show a strip under the roll with how likely each event the model chose was"));
    m_showVelocities = new QCheckBox(tr("Show velocities"), this);
    m_showVelocities->setChecked(QSettings().value(QStringLiteral("compose/showVelocities"), true).toBool());
    m_showVelocities->setToolTip(tr("Show a strip under the roll with how loud each note is, to draw the velocities with the mouse"));
    modelRow->addWidget(m_modelLabel, 1);
    modelRow->addWidget(m_showVelocities);
    modelRow->addWidget(m_showConfidence);
    modelRow->addWidget(chooseModel);
    root->addLayout(modelRow);

    m_rollModel = new PianoRollModel(this);
    m_roll = new PianoRollView(m_rollModel, this);
    m_velocityLane = new VelocityLane(m_roll, this);
    m_velocityLane->setVisible(m_showVelocities->isChecked());
    connect(m_showVelocities, &QCheckBox::toggled, this, [this](bool on) {
        m_velocityLane->setVisible(on);
        QSettings().setValue(QStringLiteral("compose/showVelocities"), on);
    });
    m_strip = new ConfidenceStrip(m_roll, this);
    connect(m_showConfidence, &QCheckBox::toggled, m_strip, &QWidget::setVisible);
    // The strips under the roll can be made taller or shorter (on a small screen, the roll
    // keeps the room); the roll takes what the window gains.
    auto *rollBox = new QSplitter(Qt::Vertical, this);
    rollBox->setObjectName(QStringLiteral("rollSplitter"));
    rollBox->setChildrenCollapsible(false);
    rollBox->setHandleWidth(4);
    rollBox->addWidget(m_roll);
    rollBox->addWidget(m_velocityLane);
    rollBox->addWidget(m_strip);
    rollBox->setStretchFactor(0, 1);
    rollBox->setStretchFactor(1, 0);
    rollBox->setStretchFactor(2, 0);
    // As the user left them, at the next start too.
    rollBox->restoreState(QSettings().value(QStringLiteral("compose/rollSplitter")).toByteArray());
    connect(rollBox, &QSplitter::splitterMoved, this,
            [rollBox] { QSettings().setValue(QStringLiteral("compose/rollSplitter"), rollBox->saveState()); });

    m_undo = new QUndoStack(this);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_compositionList = new CompositionList(DataPaths::userCompositionDir(), 50, side);
    connect(m_compositionList, &CompositionList::chosen, this,
            [this](const NoteSequence &piece, const QString &label) {
                showPiece(piece, label);
                markSaved();  // it is kept as a file
            });
    connect(m_compositionList, &CompositionList::message, this, &ComposePanel::setMessage);
    sideLayout->addWidget(m_compositionList, 1);
    auto *undoRow = new QHBoxLayout;
    auto *undo = new QPushButton(tr("Undo"), side);
    auto *redo = new QPushButton(tr("Redo"), side);
    undo->setToolTip(tr("Undo the last change of the piece: a composition, a rewrite or an opened file (Ctrl+Z)"));
    redo->setToolTip(tr("Do the undone change again (Ctrl+Shift+Z)"));
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    undoRow->addWidget(undo);
    undoRow->addWidget(redo);
    sideLayout->addLayout(undoRow);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(rollBox);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    root->addWidget(splitter, 1);

    m_playback = new PlaybackController(this);
    m_transport = new TransportBar(m_playback, m_rollModel, this);
    auto *exportMidiButton = new QPushButton(tr("Export MIDI..."), this);
    auto *exportWavButton = new QPushButton(tr("Export WAV..."), this);
    exportMidiButton->setToolTip(tr("Save the piece as a MIDI file (Ctrl+E)"));
    exportWavButton->setToolTip(tr("Render the piece to a WAV file with the synthesizer (Ctrl+Shift+E)"));
    m_transport->addTrailingWidget(exportMidiButton);
    m_transport->addTrailingWidget(exportWavButton);
    root->addWidget(m_transport);

    // The roll follows the music as it plays; stopped (back to the start) or paused, its
    // playhead shows where Play starts, and the view stays where the user is looking.
    connect(m_playback, &PlaybackController::positionChanged, this,
            [this](double seconds) { m_roll->setPlayhead(seconds, m_playback->isPlaying() || m_composing); });
    connect(m_roll, &PianoRollView::seekRequested, this, [this](double t) {
        m_playback->seek(t);
        m_roll->setPlayhead(t);
    });
    connect(m_roll, &PianoRollView::selectionChanged, this, [this] {
        updateEnabled();
        updateLoop();
    });
    connect(m_transport->loopBox(), &QCheckBox::toggled, this, &ComposePanel::updateLoop);
    connect(m_transport->outputBox(), &QComboBox::currentIndexChanged, this, &ComposePanel::updateLoop);
    // What is played on a MIDI keyboard while recording is heard as it is played (a keyboard
    // without its own sound would be silent) and seen growing in the roll.
    m_recordButton->setThru([playback = m_playback](const MidiEvent &event) { playback->playLive(event); });
    connect(m_recordButton, &PhraseRecorder::message, this, &ComposePanel::setMessage);
    connect(m_recordButton, &PhraseRecorder::started, this, [this] {
        m_playback->stop();
        m_strip->clear();  // a phrase being played is not the model's
        m_shownSteps.reset();
        updateEnabled();  // the roll shows the phrase: no rewriting or editing the piece under it
        m_rollModel->setSequence(NoteSequence{});  // the phrase appears as it is played
        m_roll->setPixelsPerSecond(60);
    });
    connect(m_recordButton, &PhraseRecorder::phraseChanged, this, [this](const NoteSequence &phrase) {
        // The view stays put (its keys may be what is being played), but for following the end.
        m_rollModel->replaceSequence(phrase);
        m_roll->scrollToTime(std::max(0.0, phrase.duration() - 6));
        setMessage(tr("Recording from %1: %2 so far; press Stop Recording when done.")
                       .arg(m_recordButton->portName(), tr("%n note(s)", nullptr, int(phrase.notes.size()))));
    });
    connect(m_recordButton, &PhraseRecorder::finished, this, &ComposePanel::takeRecording);
    // A key clicked on the roll's keyboard sounds while held, through the output in use.
    // While recording it is part of the phrase (and sounds through the recorder's pass-through).
    const auto playKey = [this](const MidiEvent &event) {
        if (m_recordButton->isRecording())
            m_recordButton->play(event);
        else
            m_playback->playLive(event);
    };
    connect(m_roll, &PianoRollView::keyPressed, this, [playKey](int pitch) {
        playKey(MidiEvent{0.0, MidiEvent::NoteOn, 0, uint8_t(pitch), kAuditionVelocity});
    });
    connect(m_roll, &PianoRollView::keyReleased, this, [playKey](int pitch) {
        playKey(MidiEvent{0.0, MidiEvent::NoteOff, 0, uint8_t(pitch), 0});
    });

    connect(m_composeButton, &QPushButton::clicked, this, &ComposePanel::compose);
    connect(m_stopButton, &QPushButton::clicked, this, &ComposePanel::stopComposing);
    connect(m_rewriteButton, &QPushButton::clicked, this, &ComposePanel::rewriteSelection);
    connect(exportMidiButton, &QPushButton::clicked, this, &ComposePanel::exportMidiAs);
    connect(exportWavButton, &QPushButton::clicked, this, &ComposePanel::exportWavAs);

    // One action per command, shared with the main window's menus (two shortcuts for one key
    // in a window would be ambiguous and neither would fire).
    m_composeAction = new QAction(tr("&Compose"), this);
    m_composeAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_composeAction, &QAction::triggered, this, &ComposePanel::compose);
    m_continueAction = new QAction(tr("Co&ntinue This Piece"), this);
    m_continueAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    m_continueAction->setStatusTip(tr("Write Length more seconds after the piece on the roll"));
    connect(m_continueAction, &QAction::triggered, this, &ComposePanel::continuePiece);
    m_stopAction = new QAction(tr("&Stop Composing"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_stopAction, &QAction::triggered, this, &ComposePanel::stopComposing);
    m_rewriteAction = new QAction(tr("&Rewrite Selection"), this);
    m_rewriteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_rewriteAction, &QAction::triggered, this, &ComposePanel::rewriteSelection);
    m_playAction = new QAction(tr("&Play / Pause"), this);
    m_playAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    connect(m_playAction, &QAction::triggered, this, &ComposePanel::togglePlay);
    m_loopAction = new QAction(tr("&Loop Selection"), this);
    m_loopAction->setCheckable(true);
    m_loopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_loopAction, &QAction::toggled, m_transport->loopBox(), &QCheckBox::setChecked);
    connect(m_transport->loopBox(), &QCheckBox::toggled, m_loopAction, &QAction::setChecked);
    m_edits = new PieceEdits(m_roll, m_rollModel, [this]() -> const NoteSequence & { return m_piece; }, this);
    connect(m_edits, &PieceEdits::message, this, &ComposePanel::setMessage);
    connect(m_edits, &PieceEdits::edited, this, &ComposePanel::editPiece);
    connect(m_velocityLane, &VelocityLane::velocitiesDrawn, m_edits, &PieceEdits::drawVelocities);
    connect(m_edits, &PieceEdits::audition, this, [this](int pitch, int velocity) {
        // Heard as it is placed, for a moment.
        m_playback->playLive(MidiEvent{0.0, MidiEvent::NoteOn, 0, uint8_t(pitch), uint8_t(velocity)});
        QTimer::singleShot(400, this, [this, pitch] { m_playback->playLive(MidiEvent{0.0, MidiEvent::NoteOff, 0, uint8_t(pitch), 0}); });
    });
    for (QAction *a : QList<QAction *>{m_composeAction, m_continueAction, m_stopAction, m_rewriteAction, m_playAction, m_loopAction}
                          + m_edits->actions()) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), m_roll, this, &ComposePanel::togglePlay);
    space->setContext(Qt::WidgetShortcut);
    updateEnabled();
    updateLoop();
}

void ComposePanel::setModelPath(const QString &path)
{
    m_modelPath = path;
    m_modelReady = false;
    m_modelLabel->setText(tr("Model: loading %1...").arg(QFileInfo(path).fileName()));
    updateEnabled();
    QMetaObject::invokeMethod(m_worker, "loadModel", Qt::QueuedConnection, Q_ARG(QString, path));
}

void ComposePanel::setSeconds(double seconds) { m_settings->setSeconds(seconds); }
void ComposePanel::setTemperature(double t) { m_settings->setTemperature(t); }
void ComposePanel::setTopP(double p) { m_settings->setTopP(p); }
void ComposePanel::setSeed(quint64 seed) { m_settings->seed()->setSeed(seed); }

quint64 ComposePanel::seed() const { return m_settings->seed()->seed(); }

QCheckBox *ComposePanel::newSeedEachTime() const { return m_settings->seed()->newEachTime(); }

void ComposePanel::setSource(Source source, const QString &midiFile)
{
    if (source == Source::MidiFile) {
        m_primerFile = midiFile;
        m_source->setItemText(1, tr("MIDI file: %1").arg(QFileInfo(midiFile).fileName()));
    }
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

void ComposePanel::setMessage(const QString &message)
{
    m_message = message;
    Q_EMIT messageChanged(message);
}

void ComposePanel::updateEnabled()
{
    const bool recording = m_recordButton->isRecording();
    if (m_composeAction) {
        m_composeAction->setEnabled(m_modelReady && !m_composing);
        m_continueAction->setEnabled(m_modelReady && !m_composing && !m_piece.notes.empty());
        m_stopAction->setEnabled(m_composing);
        m_rewriteAction->setEnabled(m_modelReady && !m_composing && !recording && m_roll->hasSelection());
        m_edits->updateEnabled(m_composing || recording);
    }
    m_composeButton->setEnabled(m_modelReady && !m_composing);
    m_stopButton->setEnabled(m_composing);
    m_rewriteButton->setEnabled(m_modelReady && !m_composing && !recording && m_roll->hasSelection());
    m_recordButton->setEnabled(!m_composing);  // Compose while recording stops it and continues the phrase
    if (!m_modelReady && !m_composing)
        m_composeButton->setToolTip(tr("No composer model is loaded: %1").arg(m_modelLabel->text()));
    else
        m_composeButton->setToolTip(tr("Write a new piece with the model (Ctrl+Enter)"));
}

void ComposePanel::updateLoop()
{
    QCheckBox *loop = m_transport->loopBox();
    const bool synth = m_playback->output().isEmpty();
    loop->setEnabled(synth && m_roll->hasSelection());
    m_loopAction->setEnabled(loop->isEnabled());
    loop->setToolTip(!synth                  ? tr("Looping plays through the built-in synthesizer only")
                     : m_roll->hasSelection() ? tr("Play the selection over and over (%1 to %2)")
                                                    .arg(TransportBar::clock(m_roll->selectionFrom()), TransportBar::clock(m_roll->selectionTo()))
                                              : tr("Select a time range (Shift+drag in the roll) to play it over and over"));
    loop->setToolTip(loop->toolTip() + tr(" (Ctrl+L)"));
    if (loop->isEnabled() && loop->isChecked())
        m_playback->setLoop(m_roll->selectionFrom(), m_roll->selectionTo());
    else
        m_playback->setLoop(0.0, 0.0);
}

void ComposePanel::setPiece(const NoteSequence &piece, const QString &name, bool keepView)
{
    m_piece = piece;
    m_pieceName = name;
    if (keepView) {
        // An edit: the strip still says how its notes came, also when it is shown again.
        m_rollModel->replaceSequence(piece);
        if (m_shownSteps)
            m_confidence.insert(fingerprint(piece), m_shownSteps);
    } else {
        m_rollModel->setSequence(piece);
        m_roll->setSelection(-1, -1);  // another piece: the last one's range means nothing here
        showConfidenceFor(piece);
    }
    // An edit where the user is looking (and its undo) plays on from where it was, with the
    // change heard; another piece starts from its beginning.
    const bool wasPlaying = m_playback->isPlaying();
    const double at = keepView ? std::min(m_playback->position(), piece.duration()) : 0.0;
    m_playback->stop();
    m_playback->setSequence(piece);
    if (at > 0)
        m_playback->seek(at);
    m_roll->setPlayhead(at, false);
    if (keepView && wasPlaying)
        m_playback->play();
    updateEnabled();
    Q_EMIT pieceChanged(name);
}

void ComposePanel::showPiece(const NoteSequence &piece, const QString &label, const QString &name, bool keepView)
{
    if (m_composing)
        stopComposing();
    m_undo->push(new PieceCommand([this, keepView](const NoteSequence &p, const QString &n) { setPiece(p, n, keepView); }, m_piece,
                                  m_pieceName, piece, name.isEmpty() ? label : name, label, false));
}

std::optional<NoteSequence> ComposePanel::primerFor(Source source, QString *error) const
{
    switch (source) {
    case Source::Nothing:
        return std::nullopt;
    case Source::MidiFile: {
        if (m_primerFile.isEmpty()) {
            *error = tr("Choose the MIDI file to continue first.");
            return std::nullopt;
        }
        auto read = SmfReader::readFile(m_primerFile);
        if (!read) {
            *error = tr("Cannot continue %1: %2").arg(QFileInfo(m_primerFile).fileName(), read.error().toString());
            return std::nullopt;
        }
        return read.value();
    }
    case Source::Roll:
        if (m_piece.notes.empty())
            *error = tr("The roll is empty: there is nothing to continue.");
        else
            return m_piece;
        return std::nullopt;
    case Source::BeforeSelection:
        if (!m_roll->hasSelection()) {
            *error = tr("Select a time range first (Shift+drag in the roll).");
            return std::nullopt;
        }
        return m_piece.before(m_roll->selectionFrom());
    case Source::Recording:
        if (m_recorded.notes.empty()) {
            *error = tr("Record a phrase first (the Record button).");
            return std::nullopt;
        }
        return m_recorded;
    }
    return std::nullopt;
}

QString ComposePanel::keptNote() const
{
    return m_keepProblem.isEmpty() ? QString()
                                   : tr(" It could not be kept as a file (%1): export it before you quit.").arg(m_keepProblem);
}

QString ComposePanel::settingsText(const GenerationOptions &o) const
{
    return QStringLiteral("AI Chopin %1: model=%2 seconds=%3 temperature=%4 top_p=%5 top_k=%6 seed=%7%8")
        .arg(QStringLiteral(AICHOPIN_VERSION), QFileInfo(m_modelPath).fileName())
        .arg(o.seconds).arg(o.temperature).arg(o.topP).arg(o.topK).arg(o.seed)
        .arg(o.primer ? QStringLiteral(" continues=%1").arg(m_source->currentText()) : QString());
}

void ComposePanel::compose() { composeFrom(Source(m_source->currentData().toInt())); }

void ComposePanel::continuePiece() { composeFrom(Source::Roll); }

void ComposePanel::composeFrom(Source source)
{
    if (m_composing || !m_modelReady) {
        if (!m_modelReady)
            setMessage(tr("No composer model is loaded yet."));
        return;
    }
    // Compose pressed while recording: the phrase just played is what the model continues.
    if (m_recordButton->isRecording()) {
        m_recordButton->toggle();
        if (m_source->currentData().toInt() == int(Source::Recording) && !m_recorded.notes.empty())
            source = Source::Recording;
    }
    QString error;
    GenerationOptions options;
    options.primer = primerFor(source, &error);
    if (!error.isEmpty()) {
        setMessage(error);
        return;
    }
    m_settings->fill(options, true);
    options.threads = 1;
    m_rewriteFrom = m_rewriteTo = -1;
    startGeneration(options, tr("Composition %1: %2 s, T %3, seed %4").arg(m_compositions + 1).arg(options.seconds).arg(options.temperature).arg(options.seed),
                    source != Source::MidiFile);
}

void ComposePanel::rewriteSelection()
{
    if (m_composing || !m_modelReady || !m_roll->hasSelection() || m_recordButton->isRecording())
        return;
    GenerationOptions options;
    m_rewriteFrom = m_roll->selectionFrom();
    m_rewriteTo = m_roll->selectionTo();
    const NoteSequence before = m_piece.before(m_rewriteFrom);
    if (!before.notes.empty())
        options.primer = before;
    options.seconds = std::max(1.0, m_rewriteTo - m_rewriteFrom);
    m_settings->fill(options, false);  // the length is the selection's
    m_beforeRewrite = m_piece;
    // Named in bars where the piece has them (the selection then spans whole bars).
    startGeneration(options, tr("Rewrote %1, seed %2").arg(PieceEdits::selectionText(m_roll, m_rollModel)).arg(options.seed), true);
}

void ComposePanel::editPiece(const NoteSequence &edited, const QString &label, const QString &nameSuffix)
{
    // Done and undone where the user is looking: the roll keeps its zoom and scroll (a crop,
    // a new length, fits the piece).
    const bool keepView = nameSuffix.isEmpty();
    const QString name = nameSuffix.isEmpty() ? m_pieceName : (m_pieceName.isEmpty() ? tr("Untitled") : m_pieceName) + nameSuffix;
    auto *command = new PieceCommand([this, keepView](const NoteSequence &p, const QString &n) { setPiece(p, n, keepView); }, m_piece,
                                     m_pieceName, edited, name, label, false);
    command->keepSelection(m_roll);  // the selection before the edit (PieceEdits moves it after)
    m_undo->push(command);
    setMessage(label);
}

void ComposePanel::startGeneration(GenerationOptions options, const QString &label, bool keepKeys)
{
    m_cancel->reset();
    m_composing = true;
    m_request = options;
    m_requestLabel = label;
    m_stream.reset();
    m_streamed = options.primer ? *options.primer : NoteSequence{};
    m_streamed.texts.clear();
    m_strip->clear();
    m_shownSteps.reset();
    const double keyHeight = m_roll->viewportState().keyHeight;
    const int keysScrolled = m_roll->verticalScrollBar()->value();
    m_rollModel->setSequence(m_streamed);
    if (keepKeys && options.primer) {
        m_roll->setKeyHeight(keyHeight);
        m_roll->verticalScrollBar()->setValue(keysScrolled);
    }
    const double primerEnd = m_streamed.duration();
    m_roll->setPixelsPerSecond(60);
    m_roll->scrollToTime(std::max(0.0, primerEnd - 4));
    m_playback->stop();
    m_playback->setSequence(m_streamed);
    m_playback->setOpenEnded(true);
    m_playback->seek(std::max(0.0, primerEnd - 2));
    m_playback->play();
    setMessage(tr("Composing..."));
    updateEnabled();
    QMetaObject::invokeMethod(m_worker, "compose", Qt::QueuedConnection, Q_ARG(aichopin::GenerationOptions, options));
}

void ComposePanel::onEvents(const ComposedEvents &events)
{
    if (!m_composing)
        return;
    std::vector<Note> done;
    std::vector<StepConfidence> steps;
    steps.reserve(events.size());
    for (const ComposedEvent &e : events) {
        m_stream.add(e, done);
        steps.push_back(StepConfidence{e.time, e.probability, e.name});
    }
    if (!done.empty()) {
        m_streamed.notes.insert(m_streamed.notes.end(), done.begin(), done.end());
        m_rollModel->appendNotes(done);
        m_playback->appendNotes(done);
    }
    m_strip->append(steps);
}

void ComposePanel::onComposed(const NoteSequence &piece, double firstEventMs)
{
    finishComposition(piece);
    setMessage(tr("Composed %1; the first event came after %2 ms.")
                   .arg(tr("%n note(s)", nullptr, int(piece.notes.size())))
                   .arg(decimal(firstEventMs, 0))
               + keptNote());
}

void ComposePanel::finishComposition(NoteSequence piece)
{
    m_composing = false;
    piece.texts.clear();
    piece.texts << settingsText(m_request);
    // A rewrite keeps the music outside the selection and takes the new notes inside it.
    if (m_rewriteFrom >= 0)
        piece = m_beforeRewrite.withRangeRewritten(m_rewriteFrom, m_rewriteTo, piece);
    const NoteSequence before = m_rewriteFrom >= 0 ? m_beforeRewrite : m_piece;
    const QString beforeName = m_pieceName;
    // A rewritten piece keeps its name ("scale.mid, rewritten", once however often); a new one
    // is named by its request ("Composition 2: 30 s, ...").
    const QString rewrittenSuffix = tr("%1, rewritten").arg(QString());
    m_pieceName = m_rewriteFrom < 0 || beforeName.isEmpty() ? m_requestLabel
                  : beforeName.endsWith(rewrittenSuffix)    ? beforeName
                                                            : tr("%1, rewritten").arg(beforeName);
    m_piece = piece;
    m_shownSteps = std::make_shared<const std::vector<StepConfidence>>(m_strip->steps());
    m_confidence.insert(fingerprint(piece), m_shownSteps);
    m_rollModel->replaceSequence(piece);
    m_playback->appendNotes({});
    m_playback->setOpenEnded(false);
    m_undo->push(new PieceCommand([this](const NoteSequence &p, const QString &n) { setPiece(p, n); }, before, beforeName, piece,
                                  m_pieceName, m_requestLabel, true));
    Q_EMIT pieceChanged(m_pieceName);
    ++m_compositions;
    // Listed, and kept as a file at once, named as the piece is ("Composition 2: 30 s, ...",
    // "... (stopped)", "..., rewritten").
    m_keepProblem = m_compositionList->add(piece, m_requestLabel, m_pieceName);
    if (m_keepProblem.isEmpty())
        markSaved();
    m_rewriteFrom = m_rewriteTo = -1;
    updateEnabled();
    Q_EMIT compositionFinished();
}

void ComposePanel::stopComposing()
{
    if (m_composing)
        m_cancel->cancel();
}

void ComposePanel::togglePlay()
{
    m_transport->togglePlay();
}

void ComposePanel::takeRecording(const NoteSequence &phrase, const QString &port)
{
    updateEnabled();
    if (phrase.notes.empty()) {
        m_rollModel->setSequence(m_piece);  // it showed the (empty) phrase while recording
        showConfidenceFor(m_piece);
        setMessage(tr("Nothing was played: no phrase recorded."));
        return;
    }
    m_recorded = phrase;
    setSource(Source::Recording);
    showPiece(m_recorded, tr("Recorded phrase"), {}, true);  // seen as it was played
    setMessage(tr("Recorded %1 from %2; Compose continues them.").arg(tr("%n note(s)", nullptr, int(phrase.notes.size())), port));
}

QString ComposePanel::exportName() const { return PieceExport::fileStem(m_pieceName); }

void ComposePanel::exportMidiAs()
{
    const QString path = PieceExport::askPath(this, tr("Export MIDI"), exportName(), QStringLiteral("mid"), tr("MIDI files (*.mid)"));
    if (!path.isEmpty())
        exportMidi(path);
}

void ComposePanel::exportWavAs()
{
    const QString path = PieceExport::askPath(this, tr("Export WAV"), exportName(), QStringLiteral("wav"), tr("WAV audio (*.wav)"));
    if (!path.isEmpty())
        exportWav(path);
}

bool ComposePanel::exportMidi(const QString &path)
{
    const Status written = SmfWriter::writeFile(m_piece, path);
    setMessage(written ? tr("Exported %1").arg(QFileInfo(path).fileName()) : tr("Export failed: %1").arg(written.error().toString()));
    if (written)
        markSaved();
    return written.ok();
}

bool ComposePanel::exportWav(const QString &path)
{
    if (m_piece.notes.empty()) {
        setMessage(tr("There is nothing to export yet."));
        return false;
    }
    const Status rendered = PieceExport::renderWav(this, m_piece, path);
    setMessage(rendered ? tr("Exported %1").arg(QFileInfo(path).fileName()) : tr("WAV export failed: %1").arg(rendered.error().toString()));
    if (rendered)
        markSaved();
    return rendered.ok();
}

QByteArray ComposePanel::fingerprint(const NoteSequence &piece)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const auto add = [&hash](auto value) { hash.addData(QByteArrayView(reinterpret_cast<const char *>(&value), sizeof value)); };
    for (const Note &n : piece.notes) {
        add(n.pitch), add(n.start), add(n.duration), add(n.velocity), add(n.channel);
    }
    add(-1);
    for (const PedalEvent &p : piece.pedals) {
        add(p.time), add(p.value), add(p.channel);
    }
    return hash.result();
}

void ComposePanel::showConfidenceFor(const NoteSequence &piece)
{
    m_strip->clear();
    m_shownSteps = m_confidence.value(fingerprint(piece));
    if (m_shownSteps)
        m_strip->append(*m_shownSteps);
}

void ComposePanel::markSaved() { m_saved.insert(fingerprint(m_piece)); }

bool ComposePanel::hasUnsavedChanges() const { return !m_piece.notes.empty() && !m_saved.contains(fingerprint(m_piece)); }

}  // namespace aichopin
