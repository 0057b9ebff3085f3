#pragma once
// The Compose area: Compose (Ctrl+Enter) writes a piece with the loaded model, streaming it
// into the piano roll and the player as it is made; length, temperature, top-p and seed steer
// it; it can continue a MIDI file, the piece in the roll, the part before a selection, or a
// phrase recorded from a MIDI keyboard, and rewrite a selected time range. Transport, export
// (MIDI with the settings in its text events, WAV), undo/redo and this run's history.
// UI thread only; generation runs on the panel's worker thread.

#include "common/CancelToken.h"
#include "compose/ComposeTypes.h"
#include "compose/CompositionList.h"
#include "compose/StreamingNotes.h"

#include <QHash>
#include <QSet>
#include <QThread>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QUndoStack;

namespace aichopin {

class ComposeWorker;
class ConfidenceStrip;
class GenerationSettings;
class PianoRollModel;
class PianoRollView;
class PhraseRecorder;
class PieceEdits;
class PlaybackController;
class TransportBar;
class VelocityLane;

class ComposePanel : public QWidget {
    Q_OBJECT
public:
    enum class Source { Nothing, MidiFile, Roll, BeforeSelection, Recording };

    explicit ComposePanel(QWidget *parent = nullptr);
    ~ComposePanel() override;  // cancels generation and waits for the worker

    PianoRollView *roll() const { return m_roll; }
    PianoRollModel *rollModel() const { return m_rollModel; }
    ConfidenceStrip *confidence() const { return m_strip; }
    PlaybackController *playback() const { return m_playback; }
    TransportBar *transport() const { return m_transport; }
    QUndoStack *undoStack() const { return m_undo; }
    // Every composition, kept as a MIDI file in keeper().dir(); the list shows the newest
    // earlier ones (read when chosen), then this session's (CompositionList).
    QListWidget *history() const { return m_compositionList->list(); }
    const CompositionKeeper &keeper() const { return m_compositionList->keeper(); }
    QPushButton *composeButton() const { return m_composeButton; }
    PhraseRecorder *recordButton() const { return m_recordButton; }
    // Shared with the main window's Compose menu.
    QAction *composeAction() const { return m_composeAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *rewriteAction() const { return m_rewriteAction; }
    QAction *playAction() const { return m_playAction; }
    QAction *loopAction() const { return m_loopAction; }
    QAction *continueAction() const { return m_continueAction; }  // the transport's Loop, as a menu item
    // The Edit menu's Delete Notes in Selection and Transpose, each made an undo step here.
    PieceEdits *edits() const { return m_edits; }

    // A line shown above the area's controls (the main window's summary of the piece on the roll):
    // it speaks of this area only, so it lives in it, not above every area.
    void setHeader(QWidget *header);

    // Loads a composer model on the worker thread (the shipped one by default).
    void setModelPath(const QString &path);
    QString modelPath() const { return m_modelPath; }
    bool modelReady() const { return m_modelReady; }
    bool isComposing() const { return m_composing; }
    QString message() const { return m_message; }

    void setSeconds(double seconds);
    void setTemperature(double t);
    void setTopP(double p);
    // A seed set here (or typed) is kept: the box "New each time" is unticked, so each Compose
    // and Rewrite repeats it. Ticked (at start), each draws a new seed once the shown one is used.
    void setSeed(quint64 seed);
    quint64 seed() const;
    QCheckBox *newSeedEachTime() const;
    void setSource(Source source, const QString &midiFile = {});

    // Shows a piece (an opened file), undoably: label names the step in Edit > Undo, name the
    // piece itself ("scale.mid"; the label when empty).
    // keepView: the roll keeps its zoom and scroll rather than fitting the piece.
    void showPiece(const NoteSequence &piece, const QString &label, const QString &name = {}, bool keepView = false);
    const NoteSequence &piece() const { return m_piece; }
    // What the piece on screen is: the file it was opened from, or the composition it is.
    QString pieceName() const { return m_pieceName; }

    // Whether the piece on the roll is one not saved anywhere: edited, recorded, or a stopped
    // composition that could not be kept, and not exported since. A piece opened from a file,
    // kept as a composition or exported is saved, and so is any of them undone or redone back to.
    bool hasUnsavedChanges() const;
    // The piece on the roll is saved (the main window opened it from a file).
    void markSaved();

    // Writes the piece as MIDI (with its settings in text events) or renders it to WAV.
    bool exportMidi(const QString &path);
    bool exportWav(const QString &path);
    // The file name an export suggests, without suffix: the piece's name made safe for a file
    // ("chpn-p4.mid (Chopin Prelude No. 4)" -> "chpn-p4", "Composition 2: 30 s, T 1, seed 7" ->
    // "Composition 2, 30 s, T 1, seed 7"), or "composition".
    QString exportName() const;

public Q_SLOTS:
    // Asks where (the last export's folder, else the Music folder; the piece's name) and exports;
    // the suffix is added when the name typed has none.
    void exportMidiAs();
    void exportWavAs();
    void compose();
    // Composes Length more seconds after the piece on the roll, whatever "Continue from" says.
    void continuePiece();
    void rewriteSelection();
    void stopComposing();
    void togglePlay();

Q_SIGNALS:
    void messageChanged(const QString &message);
    void compositionFinished();
    // The piece on screen changed: opened, composed, rewritten, undone or redone.
    void pieceChanged(const QString &name);

private:
    void composeFrom(Source source);
    void buildUi();
    // keepKeys: the roll keeps its keys' zoom and scroll (the primer is what it shows: the piece,
    // the part before a selection, a recorded phrase) rather than fitting the primer's few keys.
    void startGeneration(GenerationOptions options, const QString &label, bool keepKeys);
    void onEvents(const ComposedEvents &events);
    void onComposed(const NoteSequence &piece, double firstEventMs);
    void finishComposition(NoteSequence piece);
    // keepView: the roll keeps its zoom and scroll (an edit), else it fits the piece.
    void setPiece(const NoteSequence &piece, const QString &name, bool keepView = false);
    // Undoably; the name kept, or with nameSuffix added.
    void editPiece(const NoteSequence &edited, const QString &label, const QString &nameSuffix = {});
    void setMessage(const QString &message);
    QString keptNote() const;  // "" or why the last composition is not kept, for its message
    void updateEnabled();
    // The transport's Loop: enabled with a selection and the built-in synthesizer; ticked, the
    // selection plays over and over.
    void updateLoop();
    // A phrase recorded from a MIDI keyboard: shown, and what Compose continues.
    void takeRecording(const NoteSequence &phrase, const QString &port);
    QString settingsText(const GenerationOptions &o) const;
    std::optional<NoteSequence> primerFor(Source source, QString *error) const;

    PianoRollModel *m_rollModel = nullptr;
    PianoRollView *m_roll = nullptr;
    ConfidenceStrip *m_strip = nullptr;
    VelocityLane *m_velocityLane = nullptr;
    PlaybackController *m_playback = nullptr;
    TransportBar *m_transport = nullptr;
    QUndoStack *m_undo = nullptr;
    CompositionList *m_compositionList = nullptr;

    QAction *m_composeAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_rewriteAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_loopAction = nullptr;
    QAction *m_continueAction = nullptr;
    PieceEdits *m_edits = nullptr;
    QPushButton *m_composeButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_rewriteButton = nullptr;
    PhraseRecorder *m_recordButton = nullptr;
    GenerationSettings *m_settings = nullptr;
    QComboBox *m_source = nullptr;
    QCheckBox *m_showConfidence = nullptr;
    QCheckBox *m_showVelocities = nullptr;
    QLabel *m_modelLabel = nullptr;

    QThread m_thread;
    ComposeWorker *m_worker = nullptr;
    std::shared_ptr<CancelToken> m_cancel;
    NoteSequence m_recorded;

    NoteSequence m_piece;
    QString m_pieceName;
    NoteSequence m_streamed;  // notes of the composition in progress (primer included)
    StreamingNotes m_stream;
    GenerationOptions m_request;
    QString m_requestLabel;
    double m_rewriteFrom = -1, m_rewriteTo = -1;
    NoteSequence m_beforeRewrite;
    QString m_modelPath;
    QString m_readyModelPath;  // the model the worker holds (kept when a newer choice fails)
    QString m_readyModelDescription;
    QString m_primerFile;
    QString m_message;
    bool m_modelReady = false;
    bool m_composing = false;
    int m_compositions = 0;
    QString m_keepProblem;  // why the last composition could not be kept (empty: it was)
    QSet<QByteArray> m_saved;  // fingerprints of the pieces saved in a file (markSaved)
    // What the model thought of each composition made this session, by its fingerprint: the
    // strip shows a piece's own steps, or none for a piece the model did not write.
    // Edits of a composition share its steps (an edit costs a fingerprint, not a copy).
    using Steps = std::shared_ptr<const std::vector<StepConfidence>>;
    QHash<QByteArray, Steps> m_confidence;
    Steps m_shownSteps;  // what the strip shows now (null: nothing)
    void showConfidenceFor(const NoteSequence &piece);
    static QByteArray fingerprint(const NoteSequence &piece);
};

}  // namespace aichopin
