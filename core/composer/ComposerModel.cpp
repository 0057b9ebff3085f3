#include "composer/ComposerModel.h"

#include "composer/ComposerNetwork.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <tuple>

namespace aichopin {

struct ComposerModel::Impl {
    QString path;
    ComposerFileHeader header;
    ComposerNetwork net{nullptr};
    torch::Device device{torch::kCPU};
    mutable std::mutex mutex;
};

ComposerModel::ComposerModel() : d(std::make_unique<Impl>()) {}
ComposerModel::~ComposerModel() = default;

Result<std::shared_ptr<ComposerModel>> ComposerModel::load(const QString &path, const QString &deviceName)
{
    const Result<torch::Device> device = chooseTorchDevice(deviceName);
    if (!device)
        return device.error();
    Result<ComposerFile::Opened> opened = ComposerFile::open(path);
    if (!opened)
        return opened.error();
    std::shared_ptr<ComposerModel> m(new ComposerModel());
    m->d->path = path;
    m->d->header = opened->header;
    m->d->net = opened->net;
    m->d->device = device.value();
    try {
        m->d->net->to(m->d->device);
    } catch (const std::exception &e) {
        return Error{QStringLiteral("cannot move the model to the device: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
    m->d->net->eval();
    return m;
}

const EventCodec &ComposerModel::codec() const { return d->header.codec; }
const ComposerHyperparameters &ComposerModel::hyperparameters() const { return d->header.hyper; }
QJsonObject ComposerModel::info() const { return d->header.info; }
QString ComposerModel::path() const { return d->path; }

qint64 ComposerModel::parameterCount() const
{
    qint64 n = 0;
    for (const auto &p : d->net->parameters())
        n += p.numel();
    return n;
}

namespace {

// Picks an index from probabilities p (already filtered and summing to about 1).
int sampleIndex(const std::vector<double> &p, std::mt19937_64 &rng)
{
    const double total = std::accumulate(p.begin(), p.end(), 0.0);
    double u = std::uniform_real_distribution<double>(0.0, total)(rng);
    for (size_t i = 0; i < p.size(); ++i) {
        u -= p[i];
        if (u < 0)
            return int(i);
    }
    for (size_t i = p.size(); i-- > 0;)
        if (p[i] > 0)
            return int(i);
    return 0;
}

double lastNoteEnd(const NoteSequence &s)
{
    double end = 0.0;
    for (const Note &n : s.notes)
        end = std::max(end, n.end());
    return end;
}

// The continuation of a primer: the primer exactly as given (its timing, velocities, pedals,
// tempo map) and the generated notes, which are those of 'decoded' (primer and new events)
// that decoding the primer's events alone does not give, moved by 'shift' seconds.
NoteSequence continuation(const NoteSequence &primer, const NoteSequence &primerDecoded, const NoteSequence &decoded,
                          double primerDecodedEnd, double shift)
{
    auto key = [](const Note &n) { return std::make_tuple(n.pitch, n.start, n.duration, n.velocity); };
    std::multiset<std::tuple<int, double, double, int>> old;
    for (const Note &n : primerDecoded.notes)
        old.insert(key(n));
    NoteSequence out = primer;
    out.texts = decoded.texts;
    // A pedal the primer leaves down (cut off by a length limit, or still held when a phrase
    // was recorded) would hold every new note to the end of the piece. The model heard it come
    // up where the primer's last note ends (encoding applies the pedal so), and the new notes
    // carry their own pedalling in their lengths: it comes up there.
    std::map<int, PedalEvent> lastPedal;  // per channel, as the pedal applies
    for (const PedalEvent &p : primer.pedals)
        lastPedal[p.channel] = p;
    const double primerEnd = primerDecodedEnd + shift;
    for (const auto &[channel, p] : lastPedal)
        if (p.down()) {
            PedalEvent up = p;
            up.value = 0;
            up.time = std::max(p.time, primerEnd);
            up.tick = out.tempoMap.tickAt(up.time);
            out.pedals.push_back(up);
        }
    std::stable_sort(out.pedals.begin(), out.pedals.end(),
                     [](const PedalEvent &a, const PedalEvent &b) { return a.time < b.time; });
    for (Note n : decoded.notes) {
        const auto found = old.find(key(n));
        if (found != old.end()) {
            old.erase(found);
            continue;
        }
        if (n.start < primerDecodedEnd - 1e-9)
            continue;  // a primer note its events left open, ended later: the primer has it
        n.start += shift;
        n.startTick = out.tempoMap.tickAt(n.start);
        n.durationTicks = std::max<qint64>(1, out.tempoMap.tickAt(n.end()) - n.startTick);
        n.track = 0;
        n.channel = 0;
        out.notes.push_back(n);
    }
    out.sortNotes();
    return out;
}

}  // namespace

Result<NoteSequence> ComposerModel::generate(const GenerationOptions &o, const EventCallback &onEvent,
                                             const CancelToken *cancel) const
{
    if (!(o.temperature > 0.0))
        return Error{QStringLiteral("the temperature must be above 0")};
    if (o.topK < 0 || !(o.topP > 0.0 && o.topP <= 1.0))
        return Error{QStringLiteral("top-k must be 0 or more and top-p in (0, 1]")};
    if (!(o.seconds > 0.0))
        return Error{QStringLiteral("the length in seconds must be above 0")};
    std::lock_guard<std::mutex> lock(d->mutex);
    try {
        // Thread-local: created on the generating thread.
        c10::InferenceMode inference;
        configureThreads(o.threads);
        const EventCodec &codec = d->header.codec;
        const int vocab = codec.vocabularySize();
        EventCodec::Decoder decoder(codec);
        ComposedEvent event;

        std::vector<int64_t> prime{vocab};  // the start token
        std::optional<NoteSequence> primerDecoded;
        if (o.primer) {
            EventCodec::Decoder alone(codec);
            for (int t : codec.encode(*o.primer)) {
                prime.push_back(t);
                decoder.feed(t, &event);
                alone.feed(t, &event);
            }
            primerDecoded = alone.finish();
        }
        const double primerDecodedEnd = decoder.time();
        // Generated events are timed from where the primer as given ends (its events' timing
        // is quantised, and the paper's tokens have no rhythm at all).
        const double shift = o.primer ? lastNoteEnd(*o.primer) - primerDecodedEnd : 0.0;
        const double endTime = decoder.time() + o.seconds;
        const int maxEvents = o.maxEvents > 0 ? o.maxEvents : int(o.seconds * 400.0) + 1000;

        std::optional<LstmState> state;
        torch::Tensor input = torch::from_blob(prime.data(), {1, int64_t(prime.size())}, torch::kLong).to(d->device);
        torch::Tensor logits = d->net->forward(input, &state).select(1, input.size(1) - 1).squeeze(0);

        std::mt19937_64 rng(o.seed);
        std::vector<double> raw(static_cast<size_t>(vocab)), p(static_cast<size_t>(vocab));
        std::vector<int> order(static_cast<size_t>(vocab));
        int64_t current = 0;
        torch::Tensor next = torch::zeros({1, 1}, torch::kLong);
        for (int i = 0; i < maxEvents && decoder.time() < endTime; ++i) {
            if (isCancelled(cancel))
                return Error{QStringLiteral("cancelled")};
            const torch::Tensor cpu = logits.to(torch::kCPU, torch::kFloat).contiguous();
            const float *l = cpu.data_ptr<float>();
            const double maxLogit = *std::max_element(l, l + vocab);
            double sumRaw = 0.0, sum = 0.0;
            for (int k = 0; k < vocab; ++k) {
                raw[size_t(k)] = std::exp(double(l[k]) - maxLogit);
                p[size_t(k)] = std::exp((double(l[k]) - maxLogit) / o.temperature);
                sumRaw += raw[size_t(k)];
            }
            if (codec.unknownToken() >= 0)
                p[size_t(codec.unknownToken())] = 0.0;
            if (o.redirectNoteOffs)
                decoder.redirectNoteOffs(p);
            if (o.topK > 0 && o.topK < vocab) {
                std::iota(order.begin(), order.end(), 0);
                std::nth_element(order.begin(), order.begin() + o.topK, order.end(),
                                 [&](int a, int b) { return p[size_t(a)] > p[size_t(b)]; });
                for (auto it = order.begin() + o.topK; it != order.end(); ++it)
                    p[size_t(*it)] = 0.0;
            }
            if (o.topP < 1.0) {
                for (double v : p)
                    sum += v;
                std::iota(order.begin(), order.end(), 0);
                std::sort(order.begin(), order.end(), [&](int a, int b) {
                    return p[size_t(a)] != p[size_t(b)] ? p[size_t(a)] > p[size_t(b)] : a < b;
                });
                double kept = 0.0;
                size_t k = 0;
                for (; k < order.size() && kept < o.topP * sum; ++k)
                    kept += p[size_t(order[k])];
                for (; k < order.size(); ++k)
                    p[size_t(order[k])] = 0.0;
            }
            const int overdue = o.maxHoldSeconds > 0 ? decoder.overdueNoteOff(o.maxHoldSeconds) : -1;
            current = overdue >= 0 ? overdue : sampleIndex(p, rng);
            event = ComposedEvent();
            decoder.feed(int(current), &event);
            event.index = i;
            event.token = int(current);
            event.probability = raw[size_t(current)] / sumRaw;
            event.time += shift;
            if (onEvent)
                onEvent(event);
            next.fill_(current);
            logits = d->net->forward(next.to(d->device), &state).select(1, 0).squeeze(0);
        }
        NoteSequence out = decoder.finish();
        out.texts << QStringLiteral("AI Chopin composer (%1, %2)")
                         .arg(d->header.hyper.preset, representationName(codec.representation()));
        if (o.primer)
            return continuation(*o.primer, *primerDecoded, out, primerDecodedEnd, shift);
        return out;
    } catch (const std::exception &e) {
        return Error{QStringLiteral("generation failed: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
}

Result<ComposerEvaluation> ComposerModel::evaluate(const std::vector<NoteSequence> &pieces, int window,
                                                  const CancelToken *cancel) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    try {
        ComposerEvaluation e;
        std::vector<std::vector<int>> tokens;
        for (const NoteSequence &s : pieces) {
            tokens.push_back(d->header.codec.encode(s));
            e.notes += d->header.codec.notesIn(tokens.back());
        }
        Result<NllTotals> t = window > 0 ? evaluateWindowNll(d->net, tokens, window, d->device, cancel)
                                         : evaluateNll(d->net, tokens, d->device, cancel);
        if (!t)
            return t.error();
        e.pieces = int(pieces.size());
        e.events = t->events;
        e.natsPerEvent = e.events ? t->nats / double(e.events) : 0.0;
        e.bitsPerEvent = e.natsPerEvent / std::log(2.0);
        e.bitsPerNote = e.notes ? t->nats / std::log(2.0) / double(e.notes) : 0.0;
        return e;
    } catch (const std::exception &ex) {
        return Error{QStringLiteral("evaluation failed: %1").arg(QString::fromUtf8(ex.what()).section('\n', 0, 0))};
    }
}

}  // namespace aichopin
