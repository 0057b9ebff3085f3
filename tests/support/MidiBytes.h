#pragma once
// Builds Standard MIDI File bytes by hand for tests, so each test states exactly which bytes it
// feeds the reader (including broken ones).

#include <QByteArray>
#include <QList>

#include <algorithm>

namespace aichopin::test {

inline void appendBe(QByteArray &out, quint32 v, int n)
{
    for (int i = n - 1; i >= 0; --i)
        out.append(char((v >> (8 * i)) & 0xff));
}

inline QByteArray vlq(quint32 v)
{
    QByteArray rev;
    rev.append(char(v & 0x7f));
    while (v >>= 7)
        rev.append(char((v & 0x7f) | 0x80));
    std::reverse(rev.begin(), rev.end());
    return rev;
}

inline QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray b;
    for (int v : values)
        b.append(char(v));
    return b;
}

// One track's events: append (delta, raw bytes) pairs; end() adds the end-of-track meta event.
class TrackBuilder {
public:
    TrackBuilder &event(quint32 delta, const QByteArray &raw)
    {
        m_body += vlq(delta);
        m_body += raw;
        return *this;
    }
    TrackBuilder &noteOn(quint32 delta, int ch, int pitch, int vel) { return event(delta, bytes({0x90 | ch, pitch, vel})); }
    TrackBuilder &noteOff(quint32 delta, int ch, int pitch) { return event(delta, bytes({0x80 | ch, pitch, 0})); }
    TrackBuilder &tempo(quint32 delta, int usPerQuarter)
    {
        return event(delta, bytes({0xff, 0x51, 0x03, (usPerQuarter >> 16) & 0xff, (usPerQuarter >> 8) & 0xff, usPerQuarter & 0xff}));
    }
    TrackBuilder &meta(quint32 delta, int type, const QByteArray &payload)
    {
        QByteArray raw = bytes({0xff, type});
        raw += vlq(quint32(payload.size()));
        raw += payload;
        return event(delta, raw);
    }
    TrackBuilder &raw(const QByteArray &b)
    {
        m_body += b;
        return *this;
    }
    QByteArray chunk(bool endOfTrack = true) const
    {
        QByteArray body = m_body;
        if (endOfTrack)
            body += bytes({0x00, 0xff, 0x2f, 0x00});
        QByteArray c("MTrk");
        appendBe(c, quint32(body.size()), 4);
        return c + body;
    }

private:
    QByteArray m_body;
};

inline QByteArray header(int format, int tracks, int division)
{
    QByteArray h("MThd");
    appendBe(h, 6, 4);
    appendBe(h, quint32(format), 2);
    appendBe(h, quint32(tracks), 2);
    appendBe(h, quint32(division), 2);
    return h;
}

inline QByteArray smf(int format, int division, const QList<QByteArray> &trackChunks)
{
    QByteArray out = header(format, int(trackChunks.size()), division);
    for (const QByteArray &t : trackChunks)
        out += t;
    return out;
}

}  // namespace aichopin::test
