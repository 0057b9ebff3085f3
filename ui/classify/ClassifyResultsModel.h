#pragma once
// The Classify area's list of files: one row per queued file with its state, progress and,
// when done, verdict, P(Chopin), duration, or the error text. Columns: File, Verdict,
// P(Chopin) (Qt::DisplayRole is the number 0..1 for the bar delegate; the text in ToolTip),
// Duration. UI thread only.
#include "classify/ClassifyTypes.h"

#include <QAbstractTableModel>
#include <vector>

namespace aichopin {

class ClassifyResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, VerdictColumn, PChopinColumn, DurationColumn, ColumnCount };
    enum class State { Queued, Working, Done, Failed };
    struct Row {
        int id = 0;
        QString path;
        State state = State::Queued;
        double progress = 0;  // 0..1 while working
        QString stage;
        ClassifyResult result;
        // Done rows: the occlusion map is still being made (result.overlay holds the clip
        // contributions meanwhile), and how far it is.
        bool mapPending = false;
        double mapProgress = 0;
    };

    explicit ClassifyResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void addFile(int id, const QString &path);
    void setWorking(int id);
    void setProgress(int id, double fraction, const QString &stage);
    void setResult(int id, const ClassifyResult &result);
    void setMapProgress(int id, double fraction);
    // The row's occlusion map; an overlay without weights keeps the clip contributions.
    void setMap(int id, const ClassifyOverlay &overlay);
    void clear();
    // Takes row 'index' off the list (a finished one: a queued or working row's verdict would
    // still come).
    void removeRowAt(int index);

    // A verdict with P(Chopin) within 0.2 of even odds is a close call: on the shipped model's
    // held-out renderings such verdicts were wrong far more often than the rest. The Verdict
    // column and the panel's detail line say so, in the user's language; exports keep the plain
    // label.
    static bool isCloseCall(double pChopin) { return pChopin > 0.3 && pChopin < 0.7; }
    static QString verdictText(const QString &label, double pChopin);

    const std::vector<Row> &rows() const { return m_rows; }
    const Row *row(int index) const;
    int rowOfId(int id) const;
    int pendingCount() const;  // queued or working
    int mapsPendingCount() const;

    // Export of every finished row (done or failed). JSON: an array of objects with file, label,
    // p_chopin, duration, error and timeline [{start, end, p_chopin}]. CSV: file, label,
    // p_chopin, duration, error.
    QByteArray toJson() const;
    QByteArray toCsv() const;

private:
    std::vector<Row> m_rows;
};

}  // namespace aichopin
