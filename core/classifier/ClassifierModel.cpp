#include "classifier/ClassifierModel.h"

#include "classifier/ClassifierNetwork.h"
#include "classifier/ClipStream.h"
#include "common/DataPaths.h"
#include "common/HeapRetention.h"
#include "listen/AudioDecoder.h"
#include "listen/LevelMeter.h"
#include "midi/SmfReader.h"
#include "sound/OfflineRenderer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace aichopin {

struct ClassifierModel::Impl {
    ClassifierFileHeader header;
    ClassifierNetwork net{nullptr};
    torch::Device device{torch::kCPU};
    double bias = 0.0;
    std::vector<int> shifts;
};

namespace {
// x (n x frames x bins) with its bands moved up by k (down for k < 0); the bands that come in
// at the edge repeat the edge band.
torch::Tensor shiftBands(const torch::Tensor &x, int k)
{
    const int64_t bins = x.size(2);
    if (k > 0)
        return torch::cat({x.slice(2, 0, 1).expand({x.size(0), x.size(1), k}), x.slice(2, 0, bins - k)}, 2);
    return torch::cat({x.slice(2, -k, bins), x.slice(2, bins - 1, bins).expand({x.size(0), x.size(1), -k})}, 2);
}
}  // namespace

ClassifierModel::ClassifierModel() : d(std::make_unique<Impl>()) {}
ClassifierModel::~ClassifierModel() = default;

Result<std::unique_ptr<ClassifierModel>> ClassifierModel::load(const QString &path, const QString &device)
{
    const Result<torch::Device> dev = chooseTorchDevice(device);
    if (!dev)
        return dev.error();
    Result<ClassifierFile::Opened> opened = ClassifierFile::open(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<ClassifierModel> model(new ClassifierModel);
    model->d->header = opened->header;
    model->d->net = opened->net;
    model->d->device = dev.value();
    model->d->net->to(dev.value());
    model->d->net->eval();
    const double bias = opened->header.info.value(QStringLiteral("decision_bias")).toDouble(0.0);
    model->d->bias = std::isfinite(bias) ? std::clamp(bias, -50.0, 50.0) : 0.0;
    model->setBandShifts(defaultBandShifts(opened->header.features, opened->header.info));
    return model;
}

QString ClassifierModel::defaultModelPath()
{
    return DataPaths::shippedModel(QStringLiteral("classifier-default.pt"));
}

const ClassifierFeatureSettings &ClassifierModel::features() const { return d->header.features; }
const ClassifierHyperparameters &ClassifierModel::hyperparameters() const { return d->header.hyper; }
QJsonObject ClassifierModel::info() const { return d->header.info; }
double ClassifierModel::decisionBias() const { return d->bias; }

std::vector<int> ClassifierModel::defaultBandShifts(const ClassifierFeatureSettings &features, const QJsonObject &info)
{
    std::vector<int> shifts;
    const QJsonValue given = info.value(QStringLiteral("band_shifts"));
    if (given.isArray()) {
        for (const QJsonValue &v : given.toArray())
            shifts.push_back(v.toInt(0));
        return shifts;
    }
    if (features.kind == ClassifierFeatureKind::Pitch)
        shifts = {-1, 1};
    return shifts;
}

const std::vector<int> &ClassifierModel::bandShifts() const { return d->shifts; }

void ClassifierModel::setBandShifts(const std::vector<int> &shifts)
{
    d->shifts.clear();
    const int bins = d->header.features.bins();
    for (int k : shifts)
        if (k != 0 && std::abs(k) < bins && std::find(d->shifts.begin(), d->shifts.end(), k) == d->shifts.end())
            d->shifts.push_back(k);
}

std::vector<double> ClassifierModel::predictClips(const float *clips, int n, std::vector<double> *logPChopin,
                                                  std::vector<double> *logPOther, int frames)
{
    std::vector<double> p;
    if (n <= 0)
        return p;
    c10::InferenceMode guard;
    const ClassifierFeatureSettings &s = d->header.features;
    const int length = frames > 0 ? frames : s.clipFrames();
    // A short passage is heard over and over up to a clip's length: the network was trained on
    // whole clips only and weighs its evidence over the whole length. Measured on 67 held-out
    // pieces (classifier card, "Short excerpts"), an excerpt of 5 to 10 s heard so ranks and
    // decides like one whole clip; padded with a constant it came out "Other" every time.
    std::vector<float> repeated;
    if (length < s.clipFrames()) {
        repeated.reserve(size_t(n) * s.clipFrames() * s.bins());
        for (int i = 0; i < n; ++i) {
            const std::vector<float> one = ClipStream::repeated(clips + size_t(i) * length * s.bins(), length,
                                                                s.bins(), s.clipFrames());
            repeated.insert(repeated.end(), one.begin(), one.end());
        }
        clips = repeated.data();
    }
    const torch::Tensor x =
        torch::from_blob(const_cast<float *>(clips), {n, s.clipFrames(), s.bins()}, torch::kFloat32).to(d->device);
    torch::Tensor logp = torch::log_softmax(d->net->forward(x), 1);
    if (!d->shifts.empty()) {
        // One network call per shift, each as large as the first, so the activations held at
        // once (and the verdict's peak memory) do not grow with the number of shifts.
        for (int k : d->shifts)
            logp = logp + torch::log_softmax(d->net->forward(shiftBands(x, k)), 1);
        // The mean log-probabilities, renormalised: the hearings' geometric mean. A clip's
        // log-odds are the mean of the hearings' log-odds.
        logp = torch::log_softmax(logp / double(1 + d->shifts.size()), 1);
    }
    logp = logp.to(torch::kCPU).to(torch::kFloat64).contiguous();
    const double *v = logp.data_ptr<double>();
    for (int i = 0; i < n; ++i) {
        p.push_back(std::exp(v[2 * i + 1]));
        if (logPChopin)
            logPChopin->push_back(v[2 * i + 1]);
        if (logPOther)
            logPOther->push_back(v[2 * i]);
    }
    return p;
}

double ClassifierModel::probabilityAtDecision(double logPChopin, double logPOther, double bias)
{
    return 1.0 / (1.0 + std::exp(logPOther - logPChopin + bias));
}

void ClassifierModel::verdictFromClips(ClassifierVerdict &verdict, const std::vector<double> &logPChopin,
                                       const std::vector<double> &logPOther, double bias)
{
    double a = 0, b = 0;
    for (double v : logPChopin)
        a += v;
    for (double v : logPOther)
        b += v;
    const double n = double(std::max<size_t>(1, logPChopin.size()));
    verdict.meanLogPChopin = a / n;
    verdict.meanLogPOther = b / n;
    verdict.pChopin = probabilityAtDecision(verdict.meanLogPChopin, verdict.meanLogPOther, bias);
    verdict.label = verdict.pChopin >= 0.5 ? QStringLiteral("Chopin") : QStringLiteral("Other");
}

double ClassifierModel::calibrateBias(const std::vector<double> &chopinLogOdds, const std::vector<double> &otherLogOdds)
{
    if (chopinLogOdds.empty() || otherLogOdds.empty())
        return 0.0;
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        const size_t n = v.size();
        return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    };
    const double b = 0.5 * (median(chopinLogOdds) + median(otherLogOdds));
    return std::isfinite(b) ? std::clamp(b, -50.0, 50.0) : 0.0;
}

Result<double> ClassifierModel::writeCalibrated(const QString &from, const QString &to,
                                                const ClassifierEvaluation &evaluation, double currentBias, const QString &note,
                                                const std::vector<int> &bandShifts)
{
    // A piece's log-odds before any bias: logit(pChopin) + the bias it was given with.
    std::vector<double> chopin, other;
    for (const PieceResult &p : evaluation.pieceResults) {
        const double q = std::clamp(p.pChopin, 1e-12, 1.0 - 1e-12);
        (p.isChopin ? chopin : other).push_back(std::log(q / (1.0 - q)) + currentBias);
    }
    if (chopin.empty() || other.empty())
        return Error{QStringLiteral("calibration needs pieces of both classes (got %1 Chopin and %2 Other)")
                         .arg(chopin.size()).arg(other.size())};
    Result<ClassifierFile::Opened> opened = ClassifierFile::open(from);
    if (!opened)
        return opened.error();
    const double bias = calibrateBias(chopin, other);
    ClassifierFileHeader h = opened->header;
    h.info[QStringLiteral("decision_bias")] = bias;
    QJsonArray shifts;
    for (int k : bandShifts)
        shifts.append(k);
    h.info[QStringLiteral("band_shifts")] = shifts;
    h.info[QStringLiteral("decision_bias_from")] =
        QStringLiteral("median log-odds of %1 Chopin and %2 Other pieces%3").arg(chopin.size()).arg(other.size())
            .arg(note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(note));
    // The training run's accuracies were measured at the old decision; the piece accuracy is
    // measured again at the new one, on these pieces (clip accuracy cannot be: no clips here).
    int right = 0;
    for (double l : chopin)
        right += l >= bias;
    for (double l : other)
        right += l < bias;
    h.info[QStringLiteral("validation_piece_accuracy")] = double(right) / double(chopin.size() + other.size());
    h.info[QStringLiteral("validation_piece_accuracy_from")] = QStringLiteral("at the calibrated decision, on the pieces it was calibrated on");
    h.info.remove(QStringLiteral("validation_clip_accuracy"));
    const Status s = ClassifierFile::write(to, opened->net, h);
    if (!s)
        return s.error();
    return bias;
}

namespace {
// Collects clips from a ClipStream into batches for the network and builds the timeline.
class ClipBatcher {
public:
    ClipBatcher(ClassifierModel &model, int batch) : m_model(model), m_batch(qMax(1, batch))
    {
        // The network's calls on this thread use every core. LibTorch's own default counts the
        // physical cores it can see (one on some virtual machines with two), and composing sets
        // one thread for itself; a verdict took about a fifth longer on one thread than on two.
        at::set_num_threads(std::max(1, QThread::idealThreadCount()));
        m_values = size_t(model.features().clipFrames()) * model.features().bins();
    }
    void add(const float *clip, qint64 startFrame, int frames)
    {
        if (frames != m_model.features().clipFrames()) {
            // A passage shorter than a clip: heard at its own length, in a call of its own.
            flush();
            m_pending.assign(clip, clip + size_t(frames) * m_model.features().bins());
            m_starts.push_back(startFrame);
            flush(frames);
            return;
        }
        m_pending.insert(m_pending.end(), clip, clip + m_values);
        m_starts.push_back(startFrame);
        if (int(m_starts.size()) >= m_batch)
            flush();
    }
    void flush(int frames = 0)
    {
        if (m_starts.empty())
            return;
        const ClassifierFeatureSettings &s = m_model.features();
        const int length = frames > 0 ? frames : s.clipFrames();
        const std::vector<double> p =
            m_model.predictClips(m_pending.data(), int(m_starts.size()), &m_logC, &m_logO, length);
        // The timeline's clip probabilities carry the same decision bias as the piece's verdict,
        // so a clip above 0.5 is one that, alone, would be called Chopin.
        const double bias = m_model.decisionBias();
        const size_t first = m_logC.size() - p.size();
        for (size_t i = 0; i < p.size(); ++i) {
            const double start = double(m_starts[i]) * s.secondsPerFrame();
            m_timeline.push_back({start, start + length * s.secondsPerFrame(),
                                  ClassifierModel::probabilityAtDecision(m_logC[first + i], m_logO[first + i], bias),
                                  length});
        }
        m_pending.clear();
        m_starts.clear();
    }
    void finishInto(ClassifierVerdict &v, double duration)
    {
        flush();
        for (ClipVerdict &c : m_timeline)
            c.endSeconds = std::min(c.endSeconds, std::max(duration, c.startSeconds));
        v.timeline = std::move(m_timeline);
        v.durationSeconds = duration;
        ClassifierModel::verdictFromClips(v, m_logC, m_logO, m_model.decisionBias());
    }

private:
    ClassifierModel &m_model;
    int m_batch;
    size_t m_values = 0;
    std::vector<float> m_pending;
    std::vector<qint64> m_starts;
    std::vector<double> m_logC, m_logO;
    std::vector<ClipVerdict> m_timeline;
};

// A long file's level is measured on this many excerpts of a clip's length, spread over it (a
// file up to three times as long is measured whole); they take this share of its progress bar.
constexpr int kLevelExcerpts = 8;
constexpr double kLevelPassShare = 0.1;

// Pushes n samples, scaled by gain, into the stream a block at a time through scaled (memory
// stays flat).
void pushScaled(ClipStream &stream, const float *x, qsizetype n, float gain, std::vector<float> &scaled,
                const ClipStream::ClipSink &sink)
{
    constexpr qsizetype kBlock = 16384;
    scaled.resize(size_t(std::min(n, kBlock)));
    for (qsizetype at = 0; at < n; at += kBlock) {
        const qsizetype m = std::min(kBlock, n - at);
        for (qsizetype i = 0; i < m; ++i)
            scaled[size_t(i)] = x[at + i] * gain;
        stream.push(scaled.data(), m, sink);
    }
}

bool isMidi(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("mid") || suffix == QLatin1String("midi") || suffix == QLatin1String("kar")
           || suffix == QLatin1String("rmi");
}

void keepFeaturesInto(ClassifierVerdict &v, const ClipStream &stream, const ClassifierFeatureSettings &s)
{
    v.featureBins = s.bins();
    v.featureFrames = int(stream.frameCount());
    v.secondsPerFrame = s.secondsPerFrame();
    v.features = stream.keptFrames();
}
}  // namespace

ClassifierVerdict ClassifierModel::classifySamples(const float *samples, qsizetype n, const ClassifyOptions &options)
{
    const HeapRetention keepHeap;  // each batch of clips reuses the last one's buffers
    const ClassifierFeatureSettings &s = features();
    LevelMeter meter;
    meter.add(samples, n);
    ClipStream stream(s, options.keepFeatures, options.trimSilence);
    stream.setRestoreTop(true);
    ClipBatcher batcher(*this, options.batchSize);
    const ClipStream::ClipSink sink = [&](const float *clip, qint64 start, int frames) { batcher.add(clip, start, frames); };
    std::vector<float> scaled;
    pushScaled(stream, samples, n, ClipStream::levelGain(meter), scaled, sink);
    stream.finish(sink);
    ClassifierVerdict v;
    batcher.finishInto(v, double(n) / s.sampleRate);
    v.topRestoredClips = stream.restoredClips();
    if (options.keepFeatures)
        keepFeaturesInto(v, stream, s);
    return v;
}

Result<ClassifierVerdict> ClassifierModel::classifyFile(const QString &path, const ClassifyOptions &options,
                                                        const ProgressSink &progress, const CancelToken *cancel)
{
    const HeapRetention keepHeap;  // each batch of clips reuses the last one's buffers
    const ClassifierFeatureSettings &s = features();
    if (isMidi(path)) {
        const Result<NoteSequence> seq = SmfReader::readFile(path);
        if (!seq)
            return Error{QStringLiteral("cannot read MIDI file: %1").arg(seq.error().toString())};
        if (seq->notes.empty())
            return Error{QStringLiteral("the MIDI file has no notes")};
        RenderOptions ro;
        ro.synth.soundfont = options.soundfont;
        ro.synth.sampleRate = s.sampleRate;
        ro.tailSeconds = 1.0;
        const Result<std::vector<float>> audio = OfflineRenderer::renderMono(seq.value(), ro, progress, cancel);
        if (!audio)
            return audio.error();
        if (isCancelled(cancel))
            return Error{QStringLiteral("Cancelled")};
        // The rendering ends a second after the last note: the music alone must last half a clip.
        const double plays = std::max(0.0, double(audio->size()) / s.sampleRate - ro.tailSeconds);
        if (plays < std::max(1.0, s.clipSeconds / 2))
            return Error{QStringLiteral("the piece is too short to judge: it plays for %1 s; at least %2 s is needed")
                             .arg(plays, 0, 'f', 1).arg(std::max(1.0, s.clipSeconds / 2))};
        return classifySamples(audio->data(), qsizetype(audio->size()), options);
    }
    DecodeOptions mean;
    mean.sampleRate = s.sampleRate;
    mean.blockSamples = 16384;
    const auto share = [&](double from, double width) -> ProgressSink {
        if (!progress)
            return {};
        return [&progress, from, width](const ProgressInfo &p) {
            progress(ProgressInfo{p.fraction < 0 ? -1.0 : from + width * p.fraction, p.stage});
        };
    };
    const Result<AudioInfo> info = AudioDecoder::probe(path);
    if (!info)
        return info.error();
    // Hears the file: its channels' mean, or channel alone when it is 0 or more.
    const auto hear = [&](int channel, bool *silentMix) -> Result<ClassifierVerdict> {
        DecodeOptions decode = mean;
        decode.onlyChannel = channel;
        // First the level the file is heard at (ClipStream::levelGain): from the whole file when it
        // is short, else from kLevelExcerpts excerpts spread over it, so that measuring costs a
        // fraction of the verdict (a 5-minute MP3: about a quarter of it decoded again).
        LevelMeter meter;
        const double excerptSeconds = s.clipSeconds;
        const double measured = kLevelExcerpts * excerptSeconds;
        const bool whole = !(info->durationSeconds > 3 * measured);
        for (int k = 0; k < (whole ? 1 : kLevelExcerpts); ++k) {
            DecodeOptions part = decode;
            if (!whole) {
                part.startSeconds = (info->durationSeconds - excerptSeconds) * (k + 0.5) / kLevelExcerpts;
                part.durationSeconds = excerptSeconds;
            }
            const Result<DecodeReport> r = AudioDecoder::decode(
                path, part, [&](const float *x, qsizetype n) { meter.add(x, n); },
                share(kLevelPassShare * k / (whole ? 1 : kLevelExcerpts), kLevelPassShare / (whole ? 1 : kLevelExcerpts)), cancel);
            if (!r && whole)
                return r.error();  // an excerpt past a wrong duration's end is not an error
            if (r && r->cancelled)
                return Error{QStringLiteral("Cancelled")};
        }
        if (isCancelled(cancel))
            return Error{QStringLiteral("Cancelled")};
        const float gain = ClipStream::levelGain(meter);

        ClipStream stream(s, options.keepFeatures, options.trimSilence);
        stream.setRestoreTop(true);
        ClipBatcher batcher(*this, options.batchSize);
        const ClipStream::ClipSink sink = [&](const float *clip, qint64 start, int frames) { batcher.add(clip, start, frames); };
        std::vector<float> scaled;
        float peak = 0.0f;
        const Result<DecodeReport> r = AudioDecoder::decode(
            path, decode,
            [&](const float *x, qsizetype n) {
                for (qsizetype i = 0; i < n; ++i)
                    peak = std::max(peak, std::abs(x[i]));
                pushScaled(stream, x, n, gain, scaled, sink);
            },
            share(kLevelPassShare, 1.0 - kLevelPassShare), cancel);
        if (!r)
            return r.error();
        if (r->cancelled)
            return Error{QStringLiteral("Cancelled")};
        // A verdict on a blip or on silence would only be a number the model made up. Under half a
        // clip (5 s for the shipped model), heard repeated up to a clip, an excerpt sounded like
        // Chopin to it whoever wrote it (classifier card, "Short excerpts"). Silence is named as
        // such unless the file is under a second.
        const double shortest = std::max(1.0, s.clipSeconds / 2);
        const bool silent = peak < 1e-4f;
        if (r->samples < qint64(std::ceil((silent ? 1.0 : shortest) * s.sampleRate)))
            return Error{QStringLiteral("the recording is too short to judge: %1 s (%2 samples); at least %3 s is needed")
                             .arg(double(r->samples) / s.sampleRate, 0, 'f', 3).arg(r->samples).arg(shortest)};
        if (silent) {
            *silentMix = true;
            return Error{QStringLiteral("the recording is silent (its loudest sample is below -80 dBFS): there is no music to judge")};
        }
        stream.finish(sink);
        if (stream.frameCount() == 0)
            return Error{QStringLiteral("no audio in the file")};
        ClassifierVerdict v;
        batcher.finishInto(v, double(r->samples) / s.sampleRate);
        v.topRestoredClips = stream.restoredClips();
        if (v.timeline.empty() && options.trimSilence && ClipStream::trimsNoise(s))
            return Error{QStringLiteral("there is no music to judge: nothing in its %1 s sounds like notes (noise, applause or hiss alone?)")
                             .arg(v.durationSeconds, 0, 'f', 1)};
        if (v.timeline.empty() || (v.timeline.size() == 1 && v.timeline.front().frames < s.clipFrames() / 2))
            return Error{QStringLiteral("there is too little music to judge: %1 s of sound in %2 s; at least %3 s is needed")
                             .arg(v.timeline.empty() ? 0.0 : v.timeline.front().frames * s.secondsPerFrame(), 0, 'f', 1)
                             .arg(v.durationSeconds, 0, 'f', 1).arg(shortest)};
        if (options.keepFeatures)
            keepFeaturesInto(v, stream, s);
        return v;
    };
    bool silentMix = false;
    Result<ClassifierVerdict> verdict = hear(-1, &silentMix);
    // A stereo file whose channels are one signal and its inversion (a wiring or editing fault)
    // mixes to silence; either channel alone still holds the music.
    if (!verdict && silentMix && info->channels > 1) {
        bool silentChannel = false;
        Result<ClassifierVerdict> one = hear(0, &silentChannel);
        if (one)
            one->heardOneChannel = true;
        if (one || !silentChannel)
            return one;
    }
    return verdict;
}

ClassifierEvaluation ClassifierModel::evaluate(const ClipSet &data, bool validationOnly)
{
    const HeapRetention keepHeap;
    ClassifierEvaluation e;
    std::vector<ScoredItem> clipItems;
    std::vector<std::vector<double>> logC(data.pieces.size()), logO(data.pieces.size());
    const int batch = 64;
    std::vector<float> buf;
    std::vector<int> idx;
    const auto flush = [&] {
        if (idx.empty())
            return;
        std::vector<double> lc, lo;
        predictClips(buf.data(), int(idx.size()), &lc, &lo);
        for (size_t i = 0; i < idx.size(); ++i) {
            const ClipPiece &piece = data.pieces[size_t(data.piece[size_t(idx[i])])];
            // At the model's decision, as the timeline shows clips (see ClipBatcher).
            clipItems.push_back({probabilityAtDecision(lc[i], lo[i], d->bias), piece.isChopin, piece.composer});
            logC[size_t(data.piece[size_t(idx[i])])].push_back(lc[i]);
            logO[size_t(data.piece[size_t(idx[i])])].push_back(lo[i]);
        }
        buf.clear();
        idx.clear();
    };
    const size_t values = data.clipValues();
    for (int c = 0; c < data.clipCount(); ++c) {
        if (validationOnly && !data.pieces[size_t(data.piece[size_t(c)])].validation)
            continue;
        buf.insert(buf.end(), data.clips.begin() + qsizetype(size_t(c) * values), data.clips.begin() + qsizetype(size_t(c + 1) * values));
        idx.push_back(c);
        if (int(idx.size()) == batch)
            flush();
    }
    flush();
    std::vector<ScoredItem> pieceItems;
    for (size_t p = 0; p < data.pieces.size(); ++p) {
        if (logC[p].empty())
            continue;
        ClassifierVerdict v;
        verdictFromClips(v, logC[p], logO[p], d->bias);
        const ClipPiece &piece = data.pieces[p];
        e.pieceResults.push_back({piece.name, piece.composer, piece.isChopin, v.pChopin, int(logC[p].size())});
        pieceItems.push_back({v.pChopin, piece.isChopin, piece.composer});
    }
    e.clips = BinaryMetrics::compute(clipItems);
    e.pieces = BinaryMetrics::compute(pieceItems);
    return e;
}

QJsonObject ClassifierEvaluation::toJson() const
{
    QJsonArray pieces;
    for (const PieceResult &p : pieceResults)
        pieces.append(QJsonObject{{QStringLiteral("piece"), p.name},
                                  {QStringLiteral("composer"), p.composer},
                                  {QStringLiteral("label"), p.isChopin ? QStringLiteral("Chopin") : QStringLiteral("Other")},
                                  {QStringLiteral("p_chopin"), p.pChopin},
                                  {QStringLiteral("clips"), p.clips}});
    return QJsonObject{{QStringLiteral("clip_metrics"), clips.toJson()},
                       {QStringLiteral("piece_metrics"), pieces.isEmpty() ? QJsonObject{} : this->pieces.toJson()},
                       {QStringLiteral("pieces"), pieces}};
}

}  // namespace aichopin
