#include "composer/ComposerCorpus.h"

#include "midi/SmfReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <algorithm>

namespace aichopin {

Result<ComposerCorpus> ComposerCorpus::load(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.exists())
        return Error{QStringLiteral("the folder '%1' does not exist").arg(dir)};
    if (!info.isDir())
        return Error{QStringLiteral("'%1' is a file, not a folder of MIDI files").arg(dir)};
    QStringList paths;
    QDirIterator it(dir, {QStringLiteral("*.mid"), QStringLiteral("*.midi"), QStringLiteral("*.MID")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    ComposerCorpus corpus;
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QDir base(dir);
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            corpus.m_skipped << path;
            continue;
        }
        const QByteArray bytes = f.readAll();
        Result<NoteSequence> r = SmfReader::parse(bytes);
        if (!r || r->notes.empty()) {
            corpus.m_skipped << path;
            continue;
        }
        hash.addData(base.relativeFilePath(path).toUtf8());
        hash.addData(bytes);
        corpus.m_all.push_back({path, std::move(r).value()});
    }
    if (corpus.m_all.empty() && paths.isEmpty())
        return Error{QStringLiteral("no MIDI files (.mid, .midi) in '%1' or its subfolders").arg(dir)};
    if (corpus.m_all.empty()) {
        // Say why the first one failed, so the user can tell a wrong folder from broken files.
        QString why = QStringLiteral("no notes");
        QFile f(paths.first());
        if (!f.open(QIODevice::ReadOnly))
            why = f.errorString();
        else if (const Result<NoteSequence> r = SmfReader::parse(f.readAll()); !r)
            why = r.error().toString();
        return Error{QStringLiteral("no readable MIDI files with notes in '%1': all %2 MIDI file(s) failed (first: %3: %4)")
                         .arg(dir, QString::number(paths.size()), base.relativeFilePath(paths.first()), why)};
    }
    corpus.m_fingerprint = QString::fromLatin1(hash.result().toHex());
    corpus.m_training = corpus.m_all;
    return corpus;
}

void ComposerCorpus::split(double validationFraction, quint64 seed)
{
    std::vector<size_t> order(m_all.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::mt19937_64 rng(seed ^ 0x5eedULL);
    std::shuffle(order.begin(), order.end(), rng);
    size_t nval = 0;
    if (m_all.size() >= 2)
        nval = std::clamp<size_t>(size_t(validationFraction * double(m_all.size()) + 0.5), 1, m_all.size() - 1);
    m_training.clear();
    m_validation.clear();
    for (size_t i = 0; i < order.size(); ++i)
        (i < nval ? m_validation : m_training).push_back(m_all[order[i]]);
    // Training order does not depend on the shuffle above (epochs shuffle on their own).
    std::sort(m_training.begin(), m_training.end(), [](const Piece &a, const Piece &b) { return a.path < b.path; });
    std::sort(m_validation.begin(), m_validation.end(), [](const Piece &a, const Piece &b) { return a.path < b.path; });
}

NoteSequence ComposerCorpus::transposed(const NoteSequence &piece, int semitones)
{
    NoteSequence t = piece;
    for (Note &n : t.notes)
        n.pitch += semitones;
    return t;
}

NoteSequence ComposerCorpus::stretched(const NoteSequence &piece, double factor)
{
    NoteSequence t = piece;
    for (Note &n : t.notes) {
        n.start *= factor;
        n.duration *= factor;
    }
    for (PedalEvent &p : t.pedals)
        p.time *= factor;
    return t;
}

NoteSequence ComposerCorpus::augment(const NoteSequence &piece, int maxTranspose, double maxStretch, std::mt19937_64 &rng)
{
    int lo = piece.lowestPitch(), hi = piece.highestPitch();
    int down = 0, up = 0;
    if (lo >= 0) {
        down = std::max(-maxTranspose, std::min(0, kPianoLowest - lo));
        up = std::min(maxTranspose, std::max(0, kPianoHighest - hi));
    }
    const int shift = std::uniform_int_distribution<int>(down, up)(rng);
    const double factor = maxStretch > 0 ? std::uniform_real_distribution<double>(1.0 - maxStretch, 1.0 + maxStretch)(rng) : 1.0;
    NoteSequence t = shift ? transposed(piece, shift) : piece;
    return factor != 1.0 ? stretched(t, factor) : t;
}

}  // namespace aichopin
