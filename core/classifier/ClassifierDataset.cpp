#include "classifier/ClassifierDataset.h"

#include "classifier/ClipStream.h"
#include "classifier/LossyRoundTrip.h"
#include "listen/AudioDecoder.h"
#include "listen/MediaFiles.h"
#include "midi/SmfReader.h"
#include "sound/OfflineRenderer.h"
#include "sound/SoundfontLocator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace aichopin {

namespace {

bool isMidi(const QString &path) { return mediafiles::isMidi(path); }
bool isUsable(const QString &path) { return mediafiles::isMidi(path) || mediafiles::isAudio(path); }

// Files under dir (recursive, sorted); composer: the first folder below dir when nameFromSub.
void collect(const QString &dir, bool isChopin, const QString &composer, bool nameFromSub, std::vector<DatasetEntry> &out)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString f = it.next();
        if (isUsable(f))
            files.append(f);
    }
    files.sort();
    for (const QString &f : files) {
        QString c = composer;
        if (nameFromSub) {
            const QString rel = QDir(dir).relativeFilePath(f);
            if (rel.contains(QLatin1Char('/')))
                c = rel.section(QLatin1Char('/'), 0, 0);
        }
        out.push_back({f, c, isChopin});
    }
}

Result<std::vector<DatasetEntry>> scanList(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{QStringLiteral("cannot read the list file '%1'").arg(path)};
    const QDir base = QFileInfo(path).absoluteDir();
    std::vector<DatasetEntry> out;
    int lineNo = 0;
    QTextStream in(&file);
    while (!in.atEnd()) {
        ++lineNo;
        const QString line = in.readLine().section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 2)
            return Error{QStringLiteral("%1:%2: expected LABEL<TAB>PATH[<TAB>COMPOSER]").arg(path, QString::number(lineNo))};
        const QString label = f[0].trimmed().toLower();
        if (label != QLatin1String("chopin") && label != QLatin1String("other"))
            return Error{QStringLiteral("%1:%2: label must be Chopin or Other, not '%3'").arg(path, QString::number(lineNo), f[0])};
        const bool chopin = label == QLatin1String("chopin");
        const QString file = QDir::isAbsolutePath(f[1]) ? f[1] : base.filePath(f[1]);
        const QString composer = f.size() > 2 ? f[2].trimmed() : (chopin ? QStringLiteral("Chopin") : QStringLiteral("Other"));
        out.push_back({file, composer, chopin});
    }
    if (out.empty())
        return Error{QStringLiteral("the list file '%1' names no files").arg(path)};
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(&f);
    return h.result().toHex();
}

quint64 seedOf(const QByteArray &text)
{
    const QByteArray h = QCryptographicHash::hash(text, QCryptographicHash::Sha1);
    quint64 s = 0;
    for (int i = 0; i < 8; ++i)
        s = (s << 8) | quint8(h[i]);
    return s;
}

class ClipCache {
public:
    explicit ClipCache(const QString &dir) : m_dir(dir)
    {
        if (!m_dir.isEmpty())
            QDir().mkpath(m_dir);
    }
    bool get(const QByteArray &key, size_t values, std::vector<float> &out) const
    {
        if (m_dir.isEmpty())
            return false;
        QFile f(pathOf(key));
        if (!f.open(QIODevice::ReadOnly) || f.size() != qint64(values * sizeof(float)))
            return false;
        out.resize(values);
        return f.read(reinterpret_cast<char *>(out.data()), qint64(values * sizeof(float))) == qint64(values * sizeof(float));
    }
    void put(const QByteArray &key, const std::vector<float> &values) const
    {
        if (m_dir.isEmpty())
            return;
        const QString path = pathOf(key);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile f(path);  // atomic: a crash leaves no half-written clip
        if (f.open(QIODevice::WriteOnly)) {
            f.write(reinterpret_cast<const char *>(values.data()), qint64(values.size() * sizeof(float)));
            f.commit();
        }
    }

private:
    QString pathOf(const QByteArray &key) const
    {
        const QByteArray h = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
        return m_dir + QLatin1Char('/') + QString::fromLatin1(h.left(2)) + QLatin1Char('/') + QString::fromLatin1(h) + QStringLiteral(".f32");
    }
    QString m_dir;
};

}  // namespace

QString ClassifierDataset::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/classifier-clips");
}

QStringList ClassifierDataset::soundfontsFor(const ClassifierDatasetOptions &options)
{
    QStringList fonts = options.soundfonts.isEmpty() ? SoundfontLocator::installed() : options.soundfonts;
    // A name matches a soundfont's own file name or, for a link such as MuseScore_General.sf3, its target's.
    const auto names = [](const QString &path) {
        const QFileInfo fi(path);
        QStringList n{fi.fileName()};
        if (const QString target = QFileInfo(fi.canonicalFilePath()).fileName(); !target.isEmpty() && target != n.first())
            n << target;
        return n;
    };
    QStringList kept;
    for (const QString &f : fonts) {
        const QStringList fontNames = names(f);
        const bool excluded = std::any_of(options.excludeSoundfonts.begin(), options.excludeSoundfonts.end(), [&](const QString &x) {
            const QStringList xs = names(x);
            return std::any_of(xs.begin(), xs.end(), [&](const QString &n) { return fontNames.contains(n); });
        });
        if (!excluded)
            kept << f;
    }
    return kept;
}

Result<std::vector<DatasetEntry>> ClassifierDataset::scan(const QString &dirOrList)
{
    const QFileInfo info(dirOrList);
    if (!info.exists())
        return Error{QStringLiteral("'%1' does not exist").arg(dirOrList)};
    if (info.isFile()) {
        // A music file where the folder belongs is a common slip; a list file is text.
        const QString suffix = info.suffix().toLower();
        if (QStringList{QStringLiteral("mid"), QStringLiteral("midi"), QStringLiteral("kar"), QStringLiteral("rmi"), QStringLiteral("mp3"),
                        QStringLiteral("wav"), QStringLiteral("flac"), QStringLiteral("ogg"), QStringLiteral("opus"), QStringLiteral("m4a")}
                .contains(suffix))
            return Error{QStringLiteral("'%1' is a file, not a folder: a music file is no dataset; give the folder that holds chopin/ and other/ (or a list file)")
                             .arg(dirOrList)};
        return scanList(dirOrList);
    }
    const QDir dir(dirOrList);
    if (dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot))
        return Error{QStringLiteral("'%1' is empty; expected chopin/ and other/ folders of music, or one folder per composer").arg(dirOrList)};
    const QStringList subs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QString chopin, other;
    for (const QString &s : subs) {
        if (s.compare(QLatin1String("chopin"), Qt::CaseInsensitive) == 0)
            chopin = s;
        else if (s.compare(QLatin1String("other"), Qt::CaseInsensitive) == 0)
            other = s;
    }
    if (chopin.isEmpty())
        return Error{QStringLiteral("'%1' has no chopin/ (or Chopin/) folder; expected chopin/ and other/, or one folder per composer")
                         .arg(dirOrList)};
    std::vector<DatasetEntry> out;
    collect(dir.filePath(chopin), true, QStringLiteral("Chopin"), false, out);
    if (!other.isEmpty()) {
        collect(dir.filePath(other), false, QStringLiteral("Other"), true, out);
    } else {
        for (const QString &s : subs)
            if (s != chopin)
                collect(dir.filePath(s), false, s, false, out);
    }
    const auto chopinCount = std::count_if(out.begin(), out.end(), [](const DatasetEntry &e) { return e.isChopin; });
    if (chopinCount == 0)
        return Error{QStringLiteral("no audio or MIDI files in the Chopin folder of '%1'").arg(dirOrList)};
    if (chopinCount == qsizetype(out.size()))
        return Error{QStringLiteral("no files of other composers in '%1'").arg(dirOrList)};
    return out;
}

void ClassifierDataset::splitByPiece(std::vector<ClipPiece> &pieces, double validationFraction, quint64 seed)
{
    std::map<QString, std::vector<size_t>> byComposer;
    for (size_t i = 0; i < pieces.size(); ++i) {
        pieces[i].validation = false;
        byComposer[pieces[i].composer].push_back(i);
    }
    std::mt19937_64 rng(seed);
    for (auto &[composer, idx] : byComposer) {
        std::shuffle(idx.begin(), idx.end(), rng);
        int n = int(std::lround(validationFraction * double(idx.size())));
        if (n == 0 && idx.size() >= 3 && validationFraction > 0)
            n = 1;
        n = std::min(n, int(idx.size()) - 1);
        for (int i = 0; i < n; ++i)
            pieces[idx[size_t(i)]].validation = true;
    }
}

void ClassifierDataset::keepTrainingShare(std::vector<ClipPiece> &pieces, double share, quint64 seed)
{
    if (share >= 1.0)
        return;
    std::map<QString, std::vector<size_t>> byComposer;
    for (size_t i = 0; i < pieces.size(); ++i)
        if (!pieces[i].validation)
            byComposer[pieces[i].composer].push_back(i);
    std::mt19937_64 rng(seed ^ 0x5EEDC0DEull);
    std::vector<bool> drop(pieces.size(), false);
    for (auto &[composer, idx] : byComposer) {
        std::shuffle(idx.begin(), idx.end(), rng);
        const size_t keep = std::max<size_t>(1, size_t(std::lround(std::max(0.0, share) * double(idx.size()))));
        for (size_t i = keep; i < idx.size(); ++i)
            drop[idx[i]] = true;
    }
    size_t out = 0;
    for (size_t i = 0; i < pieces.size(); ++i)
        if (!drop[i])
            pieces[out++] = pieces[i];
    pieces.resize(out);
}

Result<ClipSet> ClassifierDataset::build(const std::vector<DatasetEntry> &allEntries, const ClassifierDatasetOptions &options,
                                         const ProgressSink &progress, const CancelToken *cancel, QStringList *skipped)
{
    const ClassifierFeatureSettings &fs = options.features;
    std::vector<DatasetEntry> entries = allEntries;
    if (options.maxPieces > 0 && int(entries.size()) > options.maxPieces) {
        // Round-robin over composers so a small subset still holds every composer.
        std::map<QString, std::vector<DatasetEntry>> byComposer;
        for (const DatasetEntry &e : entries)
            byComposer[e.composer].push_back(e);
        std::mt19937_64 rng(options.seed);
        for (auto &[c, v] : byComposer)
            std::shuffle(v.begin(), v.end(), rng);
        entries.clear();
        for (size_t round = 0; int(entries.size()) < options.maxPieces; ++round) {
            bool any = false;
            for (auto &[c, v] : byComposer) {
                if (round < v.size() && int(entries.size()) < options.maxPieces) {
                    entries.push_back(v[round]);
                    any = true;
                }
            }
            if (!any)
                break;
        }
    }

    ClipSet set;
    set.settings = fs;
    for (const DatasetEntry &e : entries)
        set.pieces.push_back({e.path, e.composer, e.isChopin, false});
    if (options.allValidation)
        for (ClipPiece &p : set.pieces)
            p.validation = true;
    else {
        splitByPiece(set.pieces, options.validationFraction, options.seed);
        keepTrainingShare(set.pieces, options.trainShare, options.seed);
    }

    const QStringList fonts = soundfontsFor(options);
    if (fonts.isEmpty() && !options.excludeSoundfonts.isEmpty()
        && std::any_of(entries.begin(), entries.end(), [](const DatasetEntry &e) { return isMidi(e.path); }))
        return Error{QStringLiteral("every soundfont is excluded; nothing to render MIDI with")};
    // Without an encoder the round trip is left out (and out of the cache keys) rather than failing.
    const bool lossyAvailable = !LossyRoundTrip::codecName().isEmpty();
    if (!lossyAvailable && (options.augment || options.lossyKbps > 0) && skipped)
        skipped->append(QStringLiteral("(all files): no MP3 or AAC encoder in FFmpeg; clips are made without the lossy round trip"));
    std::vector<int> trainFonts, validFonts;
    for (int i = 0; i < fonts.size(); ++i) {
        const bool held = !options.holdoutSoundfont.isEmpty() && QFileInfo(fonts[i]).fileName() == QFileInfo(options.holdoutSoundfont).fileName();
        (held ? validFonts : trainFonts).push_back(i);
    }
    if (trainFonts.empty()) {  // nothing left to train on: no hold-out
        trainFonts = validFonts;
        validFonts.clear();
    }
    if (validFonts.empty())
        validFonts = trainFonts;

    const QString cacheDir = options.cacheDir == QLatin1String("-") ? QString()
                             : options.cacheDir.isEmpty()           ? defaultCacheDir()
                                                                    : options.cacheDir;
    const ClipCache cache(cacheDir);
    std::map<int, std::unique_ptr<OfflineRenderer>> renderers;  // soundfont * 3 + effects
    const size_t values = set.clipValues();
    std::vector<float> clip;

    for (size_t pi = 0; pi < set.pieces.size(); ++pi) {
        if (isCancelled(cancel))
            return Error{QStringLiteral("cancelled")};
        const ClipPiece &piece = set.pieces[pi];
        if (options.onlyValidation && !piece.validation)
            continue;
        report(progress, double(pi) / double(set.pieces.size()),
               QStringLiteral("Preparing clips %1/%2").arg(pi + 1).arg(set.pieces.size()));
        const QByteArray hash = fileHash(piece.name);
        if (hash.isEmpty()) {
            if (skipped)
                skipped->append(QStringLiteral("%1: cannot read").arg(piece.name));
            continue;
        }
        const bool midi = isMidi(piece.name);
        std::optional<NoteSequence> seq;
        std::optional<AudioSignal> audio;
        double duration = -1;
        const auto load = [&]() -> bool {  // lazily: cached clips need no decoding
            if (duration >= 0)
                return true;
            if (midi) {
                Result<NoteSequence> r = SmfReader::readFile(piece.name);
                if (!r || r->notes.empty()) {
                    if (skipped)
                        skipped->append(QStringLiteral("%1: %2").arg(piece.name, r ? QStringLiteral("no notes") : r.error().toString()));
                    return false;
                }
                seq = std::move(r.value());
                duration = seq->duration();
            } else {
                DecodeOptions d;
                d.sampleRate = fs.sampleRate;
                Result<AudioSignal> r = AudioDecoder::decodeAll(piece.name, d, {}, cancel);
                if (!r || r->samples.empty()) {
                    if (skipped)
                        skipped->append(QStringLiteral("%1: %2").arg(piece.name, r ? QStringLiteral("no audio") : r.error().toString()));
                    return false;
                }
                audio = std::move(r.value());
                // Heard at the level every recording is classified at (ClipStream::levelGain).
                LevelMeter meter;
                meter.add(audio->samples.data(), qsizetype(audio->samples.size()));
                const float gain = ClipStream::levelGain(meter);
                for (float &x : audio->samples)
                    x *= gain;
                duration = audio->durationSeconds();
            }
            return true;
        };
        // The duration decides the windows; MIDI durations are cheap, audio ones need a probe.
        double knownDuration = -1;
        if (midi) {
            if (!load())
                continue;
            knownDuration = duration;
        } else {
            const Result<AudioInfo> info = AudioDecoder::probe(piece.name);
            if (info && info->durationSeconds > 0) {
                knownDuration = info->durationSeconds;
            } else {
                if (!load())
                    continue;
                knownDuration = duration;
            }
        }
        const int augmentations = piece.validation ? options.validationAugmentations : options.augmentations;
        bool failed = false;
        for (int a = 0; a < std::max(1, augmentations) && !failed; ++a) {
            std::mt19937_64 rng(seedOf(hash + QByteArray::number(options.seed) + "/" + QByteArray::number(a)));
            const std::vector<int> &fontChoice = piece.validation ? validFonts : trainFonts;
            AugmentationParams p;
            if (options.augment) {
                p = AugmentationParams::draw(rng, int(fontChoice.size()));
                p.soundfont = fontChoice.empty() ? 0 : fontChoice[size_t(p.soundfont)];
                std::mt19937_64 roomRng(seedOf(hash + QByteArray::number(options.seed) + "/" + QByteArray::number(a) + "/room"));
                p.room = AugmentationParams::drawRoom(roomRng, options.roomShare);
                std::mt19937_64 bandRng(seedOf(hash + QByteArray::number(options.seed) + "/" + QByteArray::number(a) + "/band"));
                p.bandLimitHz = AugmentationParams::drawBandLimit(bandRng, options.bandLimitShare);
            } else {
                p.effects = 1;
                p.soundfont = fontChoice.empty() ? 0 : fontChoice.front();
                p.lossyKbps = options.lossyKbps;
                p.room = options.evaluationRoom;
            }
            if (!lossyAvailable)
                p.lossyKbps = 0;
            if (!midi)
                p.tempoScale = 1.0;
            const double span = fs.clipSeconds * p.tempoScale;  // source seconds in one clip
            const int k = std::max(1, std::min(options.clipsPerPiece, int(knownDuration / (0.5 * span)) + 1));
            for (int w = 0; w < k; ++w) {
                if (isCancelled(cancel))
                    return Error{QStringLiteral("cancelled")};
                // The renderings of a piece take interleaved windows, so each one hears other
                // music: with k windows and A renderings, A * k different places in the piece.
                const double place = (double(w) + (double(a) + 0.5) / double(std::max(1, augmentations))) / double(k);
                const double from = knownDuration > span ? (knownDuration - span) * place : 0.0;
                // MIDI windows are rendered from up to prerollSeconds earlier (source time).
                const double preroll = midi ? std::clamp(options.prerollSeconds, 0.0, from) : 0.0;
                const QByteArray key = hash + '|' + p.key().toUtf8() + '|' + fs.cacheKey().toUtf8() + '|'
                                       + QByteArray::number(from, 'g', 10)
                                       + (midi ? QByteArray(fonts.value(p.soundfont).toUtf8()) : QByteArray("|heard at one level"))
                                       + (preroll > 0 ? "|pre" + QByteArray::number(preroll, 'g', 6) : QByteArray());
                if (!cache.get(key, values, clip)) {
                    if (!load()) {
                        failed = true;
                        break;
                    }
                    std::vector<float> samples;
                    if (midi) {
                        const int rk = p.soundfont * 3 + p.effects;
                        if (!renderers.count(rk)) {
                            RenderOptions ro;
                            ro.synth.soundfont = fonts.value(p.soundfont);
                            ro.synth.sampleRate = fs.sampleRate;
                            ro.synth.reverb = p.effects > 0;
                            ro.synth.reverbLevel = p.effects == 2 ? 0.8 : 0.4;
                            ro.synth.reverbRoomSize = p.effects == 2 ? 0.85 : 0.4;
                            ro.synth.chorus = p.effects == 2;
                            ro.synth.chorusLevel = 0.8;
                            ro.tailSeconds = 0.3;
                            Result<std::unique_ptr<OfflineRenderer>> r = OfflineRenderer::create(ro);
                            if (!r)
                                return r.error();
                            renderers[rk] = std::move(r.value());
                        }
                        const NoteSequence part = AudioAugmentation::window(*seq, from - preroll, span + preroll, p);
                        if (part.notes.empty())
                            continue;
                        Result<std::vector<float>> r = renderers[rk]->renderSamples(part, 1, {}, cancel);
                        if (!r) {
                            if (isCancelled(cancel))
                                return Error{QStringLiteral("cancelled")};
                            if (skipped)
                                skipped->append(QStringLiteral("%1: %2").arg(piece.name, r.error().toString()));
                            failed = true;
                            break;
                        }
                        samples = std::move(r.value());
                        const size_t drop = size_t(std::lround(preroll / p.tempoScale * fs.sampleRate));
                        if (samples.size() <= drop)
                            continue;
                        samples.erase(samples.begin(), samples.begin() + qsizetype(drop));
                    } else {
                        const qsizetype first = qsizetype(from * fs.sampleRate);
                        const qsizetype n = std::min<qsizetype>(qsizetype(span * fs.sampleRate) + 1,
                                                                qsizetype(audio->samples.size()) - first);
                        if (n <= 0)
                            continue;
                        samples.assign(audio->samples.begin() + first, audio->samples.begin() + first + n);
                    }
                    if (options.augment || p.lossyKbps > 0 || p.room.active()) {
                        AugmentationParams applied = p;
                        if (!options.augment) {  // evaluation: the room and the codec only
                            applied = AugmentationParams{};
                            applied.lossyKbps = p.lossyKbps;
                            applied.room = p.room;
                        }
                        if (!AudioAugmentation::apply(samples, fs.sampleRate, applied)) {
                            // Not cached under a key that promises the round trip.
                            if (skipped)
                                skipped->append(QStringLiteral("%1: the lossy round trip failed").arg(piece.name));
                            failed = true;
                            break;
                        }
                    }
                    std::vector<int> lengths;
                    std::vector<float> clips =
                        ClipStream::clipsOf(fs, samples.data(), qsizetype(samples.size()), nullptr, false, &lengths);
                    if (lengths.empty())
                        continue;
                    if (lengths.front() < fs.clipFrames())  // a short rendering, heard as classifying hears it
                        clips = ClipStream::repeated(clips.data(), lengths.front(), fs.bins(), fs.clipFrames());
                    clips.resize(values);
                    clip = std::move(clips);
                    cache.put(key, clip);
                }
                set.add(int(pi), clip.data(), 1, from);
            }
        }
    }
    report(progress, 1.0, QStringLiteral("Clips ready"));
    if (set.clipCount() == 0) {
        if (skipped && !skipped->isEmpty())
            return Error{QStringLiteral("no clips could be made from the data: every piece was skipped (%1 in all; first %2)")
                             .arg(skipped->size()).arg(skipped->first())};
        return Error{QStringLiteral("no clips could be made from the data")};
    }
    return set;
}

Result<ClipSet> ClassifierDataset::buildInRooms(const std::vector<DatasetEntry> &entries, ClassifierDatasetOptions options,
                                                const std::vector<RoomParams> &rooms, const ProgressSink &progress,
                                                const CancelToken *cancel, QStringList *skipped)
{
    if (rooms.size() <= 1) {
        if (!rooms.empty())
            options.evaluationRoom = rooms.front();
        return build(entries, options, progress, cancel, skipped);
    }
    ClipSet set;
    const int n = int(rooms.size());
    for (int i = 0; i < n; ++i) {
        options.evaluationRoom = rooms[size_t(i)];
        const QString label = rooms[size_t(i)].label();
        QStringList skippedHere;
        Result<ClipSet> heard = build(
            entries, options,
            [&](const ProgressInfo &p) {
                report(progress, p.fraction >= 0 ? (i + p.fraction) / n : -1.0,
                       QStringLiteral("%1 (room %2 of %3: %4)").arg(p.stage).arg(i + 1).arg(n).arg(label));
            },
            cancel, &skippedHere);
        if (skipped)
            for (const QString &f : skippedHere)
                if (!skipped->contains(f))
                    skipped->append(f);
        if (!heard)
            return heard.error();
        set.settings = heard->settings;
        set.append(heard.value(), QStringLiteral(" [room %1]").arg(label));
    }
    return set;
}

}  // namespace aichopin
