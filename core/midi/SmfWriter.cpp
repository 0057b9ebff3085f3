#include "midi/SmfWriter.h"

#include <QSaveFile>

#include <algorithm>
#include <map>

namespace aichopin {

namespace {

struct Event {
    qint64 tick;
    int order;        // at one tick: note-offs and pedal-ups before pedal-downs and note-ons
    QByteArray bytes; // status and data, or a whole meta event
};

void putBe(QByteArray &out, quint32 v, int n)
{
    for (int i = n - 1; i >= 0; --i)
        out.append(char((v >> (8 * i)) & 0xff));
}

void putVlq(QByteArray &out, quint32 v)
{
    char buf[5];
    int n = 0;
    buf[n++] = char(v & 0x7f);
    while (v >>= 7)
        buf[n++] = char((v & 0x7f) | 0x80);
    while (n--)
        out.append(buf[n]);
}

QByteArray meta(int type, const QByteArray &payload)
{
    QByteArray e;
    e.append(char(0xff));
    e.append(char(type));
    putVlq(e, quint32(payload.size()));
    e.append(payload);
    return e;
}

QByteArray trackChunk(std::vector<Event> events)
{
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
    });
    QByteArray body;
    qint64 now = 0;
    for (const Event &e : events) {
        putVlq(body, quint32(std::max<qint64>(0, e.tick - now)));
        now = std::max(now, e.tick);
        body.append(e.bytes);
    }
    putVlq(body, 0);
    body.append(meta(0x2f, {}));
    QByteArray chunk("MTrk");
    putBe(chunk, quint32(body.size()), 4);
    chunk.append(body);
    return chunk;
}

QByteArray channelMessage(int status, int a, int b)
{
    QByteArray m;
    m.append(char(status));
    m.append(char(a & 0x7f));
    m.append(char(b & 0x7f));
    return m;
}

}  // namespace

QByteArray SmfWriter::toBytes(const NoteSequence &seq)
{
    const TempoMap &map = seq.tempoMap;
    std::vector<Event> conductor;
    if (!seq.title.isEmpty())
        conductor.push_back({0, 0, meta(0x03, seq.title.toLatin1())});
    for (const QString &text : seq.texts)
        conductor.push_back({0, 1, meta(0x01, text.toLatin1())});
    for (const TimeSignature &ts : seq.timeSignatures) {
        int log2 = 0;
        while ((1 << log2) < ts.denominator && log2 < 8)
            ++log2;
        const char payload[] = {char(ts.numerator), char(log2), char(24), char(8)};
        conductor.push_back({ts.tick, 2, meta(0x58, QByteArray(payload, 4))});
    }
    for (const TempoChange &t : map.changes()) {
        QByteArray payload;
        putBe(payload, quint32(t.microsPerQuarter), 3);
        conductor.push_back({t.tick, 3, meta(0x51, payload)});
    }

    std::map<int, std::vector<Event>> tracks;
    for (const Note &n : seq.notes) {
        const qint64 on = map.tickAt(n.start);
        const qint64 off = std::max(on + 1, map.tickAt(n.end()));
        const int ch = n.channel & 0x0f;
        auto &events = tracks[n.track];
        events.push_back({off, 0, channelMessage(0x80 | ch, n.pitch, 0)});
        events.push_back({on, 3, channelMessage(0x90 | ch, n.pitch, std::clamp(n.velocity, 1, 127))});
    }
    for (const PedalEvent &p : seq.pedals) {
        const int ch = p.channel & 0x0f;
        tracks[p.track].push_back({map.tickAt(p.time), p.down() ? 2 : 1, channelMessage(0xb0 | ch, 64, p.value)});
    }
    if (tracks.empty())
        tracks[1];

    QByteArray out("MThd");
    putBe(out, 6, 4);
    putBe(out, 1, 2);
    putBe(out, quint32(tracks.size() + 1), 2);
    putBe(out, quint32(map.ticksPerQuarter()), 2);
    out.append(trackChunk(std::move(conductor)));
    for (auto &[index, events] : tracks)
        out.append(trackChunk(std::move(events)));
    return out;
}

Status SmfWriter::writeFile(const NoteSequence &sequence, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    file.write(toBytes(sequence));
    if (!file.commit())
        return Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return Ok{};
}

}  // namespace aichopin
