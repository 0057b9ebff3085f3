#include "classify/ClassifyResultsModel.h"

#include "common/Numbers.h"
#include <QColor>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aichopin {

namespace {
QString durationText(double seconds)
{
    if (seconds <= 0)
        return {};
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}
}  // namespace

ClassifyResultsModel::ClassifyResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ClassifyResultsModel::verdictText(const QString &label, double pChopin)
{
    // The two verdicts in the user's language ("Inne" in Polish); a label of some other model
    // is shown as it is.
    const QString shown = label == QLatin1String("Chopin") ? tr("Chopin", "verdict")
                          : label == QLatin1String("Other") ? tr("Other", "verdict")
                                                            : label;
    return isCloseCall(pChopin) ? tr("%1 (close call)").arg(shown) : shown;
}

int ClassifyResultsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int ClassifyResultsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClassifyResultsModel::data(const QModelIndex &index, int role) const
{
    const Row *r = row(index.row());
    if (!r)
        return {};
    const bool done = r->state == State::Done;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FileColumn:
            return QFileInfo(r->path).fileName();
        case VerdictColumn:
            switch (r->state) {
            case State::Queued:
                return tr("Queued");
            case State::Working:
                return r->progress > 0 ? tr("%1 %2%").arg(r->stage).arg(int(r->progress * 100)) : tr("Working...");
            case State::Failed:
                return r->result.error;
            case State::Done:
                return verdictText(r->result.verdict.label, r->result.verdict.pChopin);
            }
            return {};
        case PChopinColumn:
            return done ? QVariant(r->result.verdict.pChopin) : QVariant();
        case DurationColumn:
            return done ? durationText(r->result.verdict.durationSeconds) : QString();
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == PChopinColumn && done)
            return tr("P(Chopin) = %1").arg(decimal(r->result.verdict.pChopin, 3));
        if (index.column() == VerdictColumn && done && isCloseCall(r->result.verdict.pChopin))
            return tr("P(Chopin) %1 is close to even odds: treat this verdict as a guess").arg(decimal(r->result.verdict.pChopin, 2));
        if (r->state == State::Failed)
            return r->result.error;
        return r->path;
    } else if (role == Qt::ForegroundRole && index.column() == VerdictColumn) {
        if (r->state == State::Failed)
            return QColor(0xd0, 0x50, 0x50);
        if (done)
            return r->result.verdict.pChopin >= 0.5 ? QColor(0x3a, 0x8f, 0xd0) : QColor(0xc0, 0x80, 0x30);
    } else if (role == Qt::TextAlignmentRole && index.column() == DurationColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ClassifyResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case VerdictColumn:
        return tr("Verdict");
    case PChopinColumn:
        return tr("P(Chopin)");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

void ClassifyResultsModel::addFile(int id, const QString &path)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    Row r;
    r.id = id;
    r.path = path;
    m_rows.push_back(r);
    endInsertRows();
}

void ClassifyResultsModel::setWorking(int id)
{
    const int i = rowOfId(id);
    if (i < 0)
        return;
    m_rows[size_t(i)].state = State::Working;
    Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

void ClassifyResultsModel::setProgress(int id, double fraction, const QString &stage)
{
    const int i = rowOfId(id);
    if (i < 0)
        return;
    Row &r = m_rows[size_t(i)];
    r.state = State::Working;
    r.progress = fraction;
    r.stage = stage;
    Q_EMIT dataChanged(index(i, VerdictColumn), index(i, VerdictColumn));
}

void ClassifyResultsModel::setResult(int id, const ClassifyResult &result)
{
    const int i = rowOfId(id);
    if (i < 0)
        return;
    Row &r = m_rows[size_t(i)];
    r.result = result;
    r.state = result.ok() ? State::Done : State::Failed;
    r.progress = 1;
    r.mapPending = result.ok();
    r.mapProgress = 0;
    Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

void ClassifyResultsModel::setMapProgress(int id, double fraction)
{
    const int i = rowOfId(id);
    if (i >= 0)
        m_rows[size_t(i)].mapProgress = fraction;
}

void ClassifyResultsModel::setMap(int id, const ClassifyOverlay &overlay)
{
    const int i = rowOfId(id);
    if (i < 0)
        return;
    Row &r = m_rows[size_t(i)];
    r.mapPending = false;
    if (overlay.weights.empty())
        return;
    r.result.overlay = overlay.weights;
    r.result.overlayStepSeconds = overlay.stepSeconds;
    r.result.overlayMethod = overlay.method;
}

void ClassifyResultsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ClassifyResultsModel::removeRowAt(int index)
{
    if (index < 0 || size_t(index) >= m_rows.size())
        return;
    beginRemoveRows({}, index, index);
    m_rows.erase(m_rows.begin() + index);
    endRemoveRows();
}

const ClassifyResultsModel::Row *ClassifyResultsModel::row(int index) const
{
    return index >= 0 && index < int(m_rows.size()) ? &m_rows[size_t(index)] : nullptr;
}

int ClassifyResultsModel::rowOfId(int id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

int ClassifyResultsModel::mapsPendingCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.mapPending ? 1 : 0;
    return n;
}

int ClassifyResultsModel::pendingCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += (r.state == State::Queued || r.state == State::Working) ? 1 : 0;
    return n;
}

QByteArray ClassifyResultsModel::toJson() const
{
    QJsonArray files;
    for (const Row &r : m_rows) {
        if (r.state != State::Done && r.state != State::Failed)
            continue;
        QJsonObject o;
        o[QStringLiteral("file")] = r.path;
        const bool ok = r.state == State::Done;
        o[QStringLiteral("label")] = ok ? QJsonValue(r.result.verdict.label) : QJsonValue();
        o[QStringLiteral("p_chopin")] = ok ? QJsonValue(r.result.verdict.pChopin) : QJsonValue();
        o[QStringLiteral("duration")] = ok ? QJsonValue(r.result.verdict.durationSeconds) : QJsonValue();
        o[QStringLiteral("error")] = ok ? QJsonValue() : QJsonValue(r.result.error);
        QJsonArray timeline;
        for (const ClipVerdict &c : r.result.verdict.timeline)
            timeline.append(QJsonObject{{QStringLiteral("start"), c.startSeconds},
                                        {QStringLiteral("end"), c.endSeconds},
                                        {QStringLiteral("p_chopin"), c.pChopin}});
        o[QStringLiteral("timeline")] = timeline;
        files.append(o);
    }
    return QJsonDocument(files).toJson(QJsonDocument::Indented);
}

QByteArray ClassifyResultsModel::toCsv() const
{
    QString out = QStringLiteral("file,label,p_chopin,duration,error\n");
    for (const Row &r : m_rows) {
        if (r.state == State::Done)
            out += QStringLiteral("%1,%2,%3,%4,\n")
                       .arg(csvField(r.path), r.result.verdict.label)
                       .arg(r.result.verdict.pChopin, 0, 'f', 6)
                       .arg(r.result.verdict.durationSeconds, 0, 'f', 3);
        else if (r.state == State::Failed)
            out += QStringLiteral("%1,,,,%2\n").arg(csvField(r.path), csvField(r.result.error));
    }
    return out.toUtf8();
}

}  // namespace aichopin
