#include "composer/EventCodec.h"

#include "composer/PaperTokens.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <set>

namespace aichopin {

namespace {
const QString kUnknown = QStringLiteral("<unk>");
}

EventCodec::EventCodec() = default;

EventCodec EventCodec::paperWithVocabulary(const QStringList &tokens)
{
    EventCodec c;
    c.m_representation = Representation::Paper;
    c.m_paperTokens = QStringList{kUnknown} + tokens;
    for (int i = 0; i < c.m_paperTokens.size(); ++i)
        c.m_paperIndex.insert(c.m_paperTokens[i], i);
    return c;
}

EventCodec EventCodec::paperFromPieces(const std::vector<NoteSequence> &pieces, int maxTranspose)
{
    std::set<QString> seen;
    for (const NoteSequence &piece : pieces) {
        const int lo = piece.lowestPitch(), hi = piece.highestPitch();
        for (int k = -maxTranspose; k <= maxTranspose; ++k) {
            if (lo < 0 || lo + k < kPianoLowest || hi + k > kPianoHighest)
                continue;
            NoteSequence t = piece;
            for (Note &n : t.notes)
                n.pitch += k;
            for (const QString &tok : PaperTokens::tokenize(t))
                seen.insert(tok);
        }
    }
    QStringList tokens;
    for (const QString &t : seen)
        tokens << t;
    return paperWithVocabulary(tokens);
}

int EventCodec::vocabularySize() const
{
    return m_representation == Representation::Paper ? int(m_paperTokens.size())
                                                      : PerformanceEvents::kVocabularySize;
}

std::vector<int> EventCodec::encode(const NoteSequence &sequence) const
{
    if (m_representation == Representation::Performance)
        return PerformanceEvents::encode(sequence);
    std::vector<int> out;
    for (const QString &t : PaperTokens::tokenize(sequence))
        out.push_back(m_paperIndex.value(t, 0));
    return out;
}

NoteSequence EventCodec::decode(const std::vector<int> &tokens) const
{
    Decoder d(*this);
    ComposedEvent e;
    for (int t : tokens)
        d.feed(t, &e);
    return d.finish();
}

QString EventCodec::tokenName(int token) const
{
    if (m_representation == Representation::Performance)
        return PerformanceEvents::tokenName(token);
    return token >= 0 && token < m_paperTokens.size() ? m_paperTokens[token] : QStringLiteral("?%1").arg(token);
}

int EventCodec::notesIn(const std::vector<int> &tokens) const
{
    int notes = 0;
    for (int t : tokens) {
        if (m_representation == Representation::Performance)
            notes += (t >= PerformanceEvents::kNoteOnBase && t < PerformanceEvents::kNoteOffBase) ? 1 : 0;
        else if (t > 0 && t < m_paperTokens.size())
            notes += int(PaperTokens::pitchesOf(m_paperTokens[t]).size());
        else
            notes += 1;  // an unknown onset struck at least one note
    }
    return notes;
}

QJsonObject EventCodec::toJson() const
{
    QJsonObject o{{QStringLiteral("representation"), representationName(m_representation)},
                  {QStringLiteral("vocabulary_size"), vocabularySize()}};
    if (m_representation == Representation::Paper)
        o[QStringLiteral("vocabulary")] = QJsonArray::fromStringList(m_paperTokens);
    return o;
}

bool EventCodec::fromJson(const QJsonObject &json, EventCodec *codec, QString *error)
{
    const auto rep = representationFromName(json.value(QStringLiteral("representation")).toString());
    if (!rep) {
        *error = QStringLiteral("unknown representation '%1'").arg(json.value(QStringLiteral("representation")).toString());
        return false;
    }
    if (*rep == Representation::Performance) {
        *codec = EventCodec();
        return true;
    }
    QStringList tokens;
    for (const QJsonValue &v : json.value(QStringLiteral("vocabulary")).toArray())
        tokens << v.toString();
    if (tokens.isEmpty() || tokens.first() != kUnknown) {
        *error = QStringLiteral("the paper vocabulary is missing or malformed");
        return false;
    }
    tokens.removeFirst();
    *codec = paperWithVocabulary(tokens);
    return true;
}

void EventCodec::Decoder::feed(int token, ComposedEvent *event)
{
    if (m_codec->m_representation == Representation::Performance) {
        m_performance.feed(token, event);
        return;
    }
    const QString name = m_codec->tokenName(token);
    PaperTokens::describe(name, int(m_paper.size()), event);
    event->token = token;
    m_paper << name;
}

NoteSequence EventCodec::Decoder::finish()
{
    if (m_codec->m_representation == Representation::Performance)
        return m_performance.finish();
    return PaperTokens::decode(m_paper);
}

int EventCodec::Decoder::overdueNoteOff(double maxSeconds) const
{
    if (m_codec->m_representation != Representation::Performance)
        return -1;
    double held = 0.0;
    const int key = m_performance.longestHeld(&held);
    // Times are whole 10 ms steps; the margin keeps rounding from deciding.
    return key >= 0 && held >= maxSeconds - 1e-6 ? PerformanceEvents::kNoteOffBase + key : -1;
}

void EventCodec::Decoder::redirectNoteOffs(std::vector<double> &p, double minHeldSeconds) const
{
    if (m_codec->m_representation != Representation::Performance || int(p.size()) < PerformanceEvents::kShiftBase)
        return;
    double moved = 0.0, own = 0.0;
    int eligible = 0;
    std::array<bool, PerformanceEvents::kKeys> takes{};
    for (int k = 0; k < PerformanceEvents::kKeys; ++k) {
        double &off = p[size_t(PerformanceEvents::kNoteOffBase + k)];
        const double held = m_performance.heldFor(k);
        if (held < 0.0) {
            moved += off;
            off = 0.0;
        } else if (held >= minHeldSeconds - 1e-6) {  // times are whole 10 ms steps
            takes[size_t(k)] = true;
            own += off;
            ++eligible;
        } else {
            off = 0.0;  // struck too recently
        }
    }
    if (eligible == 0 || moved <= 0.0)
        return;
    for (int k = 0; k < PerformanceEvents::kKeys; ++k)
        if (takes[size_t(k)]) {
            double &off = p[size_t(PerformanceEvents::kNoteOffBase + k)];
            off += own > 0.0 ? moved * off / own : moved / eligible;
        }
}

double EventCodec::Decoder::time() const
{
    if (m_codec->m_representation == Representation::Performance)
        return m_performance.time();
    return m_paper.size() * PaperTokens::kBeatsPerToken * PaperTokens::kSecondsPerBeat;
}

}  // namespace aichopin
