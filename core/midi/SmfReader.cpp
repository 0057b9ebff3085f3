#include "midi/SmfReader.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <deque>
#include <map>

namespace aichopin {

namespace {

// Music longer than this is taken as a sign of corrupt delta times, not a real piece.
constexpr double kMaxPlausibleSeconds = 24.0 * 3600.0;

struct Fail {
    QString message;
    qint64 offset;
};

// Bounds-checked cursor over the file; every read failure names its offset.
class Cursor {
public:
    Cursor(const QByteArray &bytes, qint64 begin, qint64 end) : m_data(bytes), m_pos(begin), m_end(end) {}

    qint64 pos() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_end; }
    qint64 remaining() const { return m_end - m_pos; }

    quint8 byte(const char *what)
    {
        if (m_pos >= m_end)
            throw Fail{QStringLiteral("unexpected end of data while reading %1").arg(QLatin1String(what)), m_pos};
        return quint8(m_data[int(m_pos++)]);
    }
    quint8 peek(const char *what) const
    {
        if (m_pos >= m_end)
            throw Fail{QStringLiteral("unexpected end of data while reading %1").arg(QLatin1String(what)), m_pos};
        return quint8(m_data[int(m_pos)]);
    }
    quint32 be(int n, const char *what)
    {
        quint32 v = 0;
        for (int i = 0; i < n; ++i)
            v = (v << 8) | byte(what);
        return v;
    }
    quint32 vlq(const char *what)
    {
        const qint64 start = m_pos;
        quint32 v = 0;
        for (int i = 0; i < 4; ++i) {
            const quint8 b = byte(what);
            v = (v << 7) | (b & 0x7f);
            if (!(b & 0x80))
                return v;
        }
        throw Fail{QStringLiteral("%1 is a variable-length number longer than 4 bytes").arg(QLatin1String(what)), start};
    }
    void skip(qint64 n, const char *what)
    {
        if (n > remaining())
            throw Fail{QStringLiteral("%1 declares %2 bytes but only %3 remain").arg(QLatin1String(what)).arg(n).arg(remaining()), m_pos};
        m_pos += n;
    }
    QByteArray take(qint64 n, const char *what)
    {
        const qint64 at = m_pos;
        skip(n, what);
        return m_data.mid(int(at), int(n));
    }
    quint8 data(const char *what)
    {
        const qint64 at = m_pos;
        const quint8 b = byte(what);
        if (b & 0x80)
            throw Fail{QStringLiteral("%1 should be a data byte (< 0x80) but is 0x%2").arg(QLatin1String(what)).arg(b, 2, 16, QLatin1Char('0')), at};
        return b;
    }

private:
    const QByteArray &m_data;
    qint64 m_pos;
    qint64 m_end;
};

QString describeChunkId(const QByteArray &id)
{
    const bool printable = std::all_of(id.begin(), id.end(), [](char ch) { return ch >= 32 && ch < 127; });
    return printable ? QString::fromLatin1(id) : QStringLiteral("0x") + QString::fromLatin1(id.toHex());
}

struct RawNoteOn {
    qint64 tick;
    int velocity;
};

struct RawNote {
    qint64 startTick, endTick;
    int pitch, velocity, track, channel;
};

struct RawPedal {
    qint64 tick;
    int value, channel, track;
};

struct Parsed {
    std::vector<RawNote> notes;
    std::vector<RawPedal> pedals;
    std::vector<TempoChange> tempos;
    std::vector<TimeSignature> timeSignatures;
    QStringList texts;
    QString title;
    qint64 lastTick = 0;
    qint64 lastTickOffset = 0;
};

void readTrack(Cursor &c, int track, bool smpte, const MidiReadOptions &options, Parsed &out)
{
    qint64 tick = 0;
    int runningStatus = 0;
    // Open notes per (channel, pitch), oldest first: a note-off ends the earliest one.
    std::map<int, std::deque<RawNoteOn>> open;

    auto closeNote = [&](int channel, int pitch, qint64 at) {
        auto it = open.find(channel * 128 + pitch);
        if (it == open.end() || it->second.empty())
            return;  // a note-off without a note-on is harmless
        const RawNoteOn on = it->second.front();
        it->second.pop_front();
        if (at > on.tick)
            out.notes.push_back(RawNote{on.tick, at, pitch, on.velocity, track, channel});
    };

    while (!c.atEnd()) {
        const qint64 eventOffset = c.pos();
        tick += c.vlq("a delta time");
        if (tick > out.lastTick) {
            out.lastTick = tick;
            out.lastTickOffset = eventOffset;
        }
        const qint64 statusOffset = c.pos();
        int status = c.peek("an event after its delta time");
        if (status & 0x80) {
            c.byte("a status byte");
        } else {
            if (!runningStatus)
                throw Fail{QStringLiteral("data byte 0x%1 where a status byte was expected (no running status)").arg(status, 2, 16, QLatin1Char('0')), statusOffset};
            status = runningStatus;
        }

        if (status == 0xff) {
            runningStatus = 0;
            const int type = c.byte("a meta event type");
            const quint32 len = c.vlq("a meta event length");
            const QByteArray payload = c.take(len, "a meta event");
            switch (type) {
            case 0x2f:  // end of track: anything after it in the chunk is ignored
                goto endOfTrack;
            case 0x51:
                if (len == 3 && !smpte) {
                    const int us = (quint8(payload[0]) << 16) | (quint8(payload[1]) << 8) | quint8(payload[2]);
                    if (us > 0)
                        out.tempos.push_back(TempoChange{tick, 0.0, us});
                }
                break;
            case 0x58:
                if (len >= 2 && quint8(payload[1]) < 16)
                    out.timeSignatures.push_back(TimeSignature{tick, quint8(payload[0]), 1 << quint8(payload[1])});
                break;
            case 0x01: case 0x05: case 0x06:
                out.texts << QString::fromLatin1(payload).trimmed();
                break;
            case 0x03:
                if (out.title.isEmpty() && (track == 0 || out.notes.empty()))
                    out.title = QString::fromLatin1(payload).trimmed();
                break;
            default:  // key signature, copyright, sequencer-specific, unknown: nothing to keep
                break;
            }
            continue;
        }
        if (status == 0xf0 || status == 0xf7) {
            runningStatus = 0;
            c.skip(c.vlq("a SysEx length"), "a SysEx event");
            continue;
        }
        if (status >= 0xf8)  // real-time bytes do not belong in files; skipping them is harmless
            continue;
        if (status > 0xf0)
            throw Fail{QStringLiteral("system message 0x%1 is not allowed in a MIDI file track").arg(status, 2, 16, QLatin1Char('0')), statusOffset};

        runningStatus = status;
        const int kind = status & 0xf0;
        const int channel = status & 0x0f;
        const bool drums = channel == 9 && !options.keepDrums;
        switch (kind) {
        case 0x80: {
            const int pitch = c.data("a note number");
            c.data("a velocity");
            if (!drums)
                closeNote(channel, pitch, tick);
            break;
        }
        case 0x90: {
            const int pitch = c.data("a note number");
            const int velocity = c.data("a velocity");
            if (drums)
                break;
            if (velocity == 0)
                closeNote(channel, pitch, tick);
            else
                open[channel * 128 + pitch].push_back(RawNoteOn{tick, velocity});
            break;
        }
        case 0xb0: {
            const int controller = c.data("a controller number");
            const int value = c.data("a controller value");
            if (controller == 64 && !drums)
                out.pedals.push_back(RawPedal{tick, value, channel, track});
            break;
        }
        case 0xa0: case 0xe0:
            c.data("a data byte");
            c.data("a data byte");
            break;
        case 0xc0: case 0xd0:
            c.data("a data byte");
            break;
        }
    }
endOfTrack:
    // Notes still held when the track ends stop there.
    for (auto &[key, ons] : open)
        for (const RawNoteOn &on : ons)
            if (tick > on.tick)
                out.notes.push_back(RawNote{on.tick, tick, key % 128, on.velocity, track, key / 128});
}

NoteSequence build(const Parsed &p, int ticksPerQuarter, const MidiReadOptions &options)
{
    NoteSequence seq;
    seq.tempoMap = TempoMap(ticksPerQuarter, p.tempos);
    seq.timeSignatures = p.timeSignatures;
    std::stable_sort(seq.timeSignatures.begin(), seq.timeSignatures.end(),
                     [](const TimeSignature &a, const TimeSignature &b) { return a.tick < b.tick; });
    seq.texts = p.texts;
    seq.title = p.title;
    seq.notes.reserve(p.notes.size());
    for (const RawNote &r : p.notes) {
        Note n;
        n.pitch = r.pitch;
        n.velocity = r.velocity;
        n.track = r.track;
        n.channel = r.channel;
        n.startTick = r.startTick;
        n.durationTicks = r.endTick - r.startTick;
        n.start = seq.tempoMap.secondsAt(r.startTick);
        n.duration = seq.tempoMap.secondsAt(r.endTick) - n.start;
        seq.notes.push_back(n);
    }
    for (const RawPedal &r : p.pedals)
        seq.pedals.push_back(PedalEvent{seq.tempoMap.secondsAt(r.tick), r.tick, r.value, r.channel, r.track});
    seq.sortNotes();
    if (options.applySustain)
        seq.applySustainPedal();
    return seq;
}

}  // namespace

Result<NoteSequence> SmfReader::readFile(const QString &path, const MidiReadOptions &options)
{
    QFileInfo info(path);
    if (!info.exists())
        return Error{QStringLiteral("file not found: %1").arg(path)};
    if (info.isDir())
        return Error{QStringLiteral("%1 is a folder, not a MIDI file").arg(path)};
    if (info.size() > options.maxFileBytes)
        return Error{QStringLiteral("file is %1 MB, more than the %2 MB a MIDI file may have here")
                         .arg(info.size() >> 20).arg(options.maxFileBytes >> 20)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
    return parse(file.readAll(), options);
}

Result<NoteSequence> SmfReader::parse(const QByteArray &bytes, const MidiReadOptions &options)
{
    if (bytes.isEmpty())
        return Error{QStringLiteral("the file is empty (0 bytes)"), 0};
    if (bytes.size() > options.maxFileBytes)
        return Error{QStringLiteral("data is larger than %1 MB").arg(options.maxFileBytes >> 20)};
    try {
        qint64 start = 0;
        // RIFF RMID files wrap a standard MIDI file in a 'data' chunk.
        if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "RMID") {
            start = bytes.indexOf("MThd");
            if (start < 0)
                throw Fail{QStringLiteral("RIFF MIDI file without an MThd header"), 12};
        }
        Cursor c(bytes, start, bytes.size());
        if (bytes.mid(int(start), 4) != "MThd")
            throw Fail{QStringLiteral("not a MIDI file: it should begin with 'MThd' but begins with %1")
                           .arg(QString::fromLatin1(bytes.left(4).toHex(' '))), 0};
        c.skip(4, "the header id");
        const quint32 headerLength = c.be(4, "the header length");
        if (headerLength < 6)
            throw Fail{QStringLiteral("header chunk length is %1; it must be at least 6").arg(headerLength), start + 4};
        const qint64 headerData = c.pos();
        const int format = c.be(2, "the format");
        const int trackCount = c.be(2, "the track count");
        const quint16 division = c.be(2, "the time division");
        if (format == 2)
            throw Fail{QStringLiteral("format 2 (independent sequences) is not supported; save the file as format 0 or 1"), headerData};
        if (format > 2)
            throw Fail{QStringLiteral("unknown MIDI file format %1").arg(format), headerData};
        if (trackCount == 0)
            throw Fail{QStringLiteral("the header declares no tracks"), headerData + 2};
        if (format == 0 && trackCount != 1)
            throw Fail{QStringLiteral("format 0 must have exactly one track, but the header declares %1").arg(trackCount), headerData + 2};
        const bool smpte = division & 0x8000;
        int ticksPerQuarter = division;
        if (smpte) {
            // SMPTE time: ticks per second = frames per second x ticks per frame. Expressed as
            // quarter notes of exactly one second so one TempoMap serves both.
            const int fps = -int(qint8(division >> 8));
            const int perFrame = division & 0xff;
            ticksPerQuarter = (fps == 29 ? 30 : fps) * perFrame;
        }
        if (ticksPerQuarter <= 0 && smpte)
            throw Fail{QStringLiteral("SMPTE time division 0x%1 gives %2 frames per second and %3 ticks per frame; both must be above 0")
                           .arg(division, 4, 16, QLatin1Char('0')).arg(-int(qint8(division >> 8))).arg(division & 0xff), headerData + 4};
        if (ticksPerQuarter <= 0)
            throw Fail{QStringLiteral("time division %1 is invalid (ticks per quarter note must be above 0)").arg(division), headerData + 4};
        c.skip(headerLength - 6, "the header chunk");

        Parsed parsed;
        if (smpte)
            parsed.tempos.push_back(TempoChange{0, 0.0, 1000000});
        int tracksRead = 0;
        while (tracksRead < trackCount) {
            if (c.atEnd())
                throw Fail{QStringLiteral("the file ends after %1 of the %2 tracks its header declares (truncated?)").arg(tracksRead).arg(trackCount), c.pos()};
            const qint64 chunkOffset = c.pos();
            const QByteArray id = c.take(4, "a chunk id");
            const quint32 length = c.be(4, "a chunk length");
            if (qint64(length) > c.remaining())
                throw Fail{QStringLiteral("chunk '%1' declares %2 bytes but only %3 remain (truncated file or wrong chunk length)")
                               .arg(describeChunkId(id))
                               .arg(length).arg(c.remaining()), chunkOffset + 4};
            if (id != "MTrk") {
                c.skip(length, "an unknown chunk");  // the specification says to skip unknown chunks
                continue;
            }
            Cursor track(bytes, c.pos(), c.pos() + length);
            readTrack(track, tracksRead, smpte, options, parsed);
            c.skip(length, "a track chunk");
            ++tracksRead;
        }
        // Anything after the last declared track is ignored.

        NoteSequence seq = build(parsed, ticksPerQuarter, options);
        seq.trackCount = trackCount;
        const double lastSeconds = seq.tempoMap.secondsAt(parsed.lastTick);
        if (lastSeconds > kMaxPlausibleSeconds)
            throw Fail{QStringLiteral("delta times put an event %1 hours into the piece; the timing data is corrupt")
                           .arg(lastSeconds / 3600.0, 0, 'f', 0), parsed.lastTickOffset};
        return seq;
    } catch (const Fail &f) {
        return Error{f.message, f.offset};
    }
}

}  // namespace aichopin
