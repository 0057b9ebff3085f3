#include "listen/AudioDecoder.h"

#include "common/EnglishCount.h"

#include <QFile>
#include <QFileInfo>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cstdarg>
#include <cmath>
#include <limits>
#include <mutex>
#include <string>
#include <utility>

namespace aichopin {

namespace {

QString avErrorText(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, buf, sizeof buf);
    return QString::fromLocal8Bit(buf);
}

// FFmpeg prints every damaged frame to stderr by default; we report problems through Result and
// warnings instead. AICHOPIN_FFMPEG_LOG=1 keeps FFmpeg's own messages for debugging.
// The last error FFmpeg logged on this thread ("moov atom not found", "Invalid sample rate: 0"):
// it often says what is wrong where the returned code only says "Invalid data".
thread_local std::string t_lastFfmpegError;

void captureFfmpegLog(void *avcl, int level, const char *fmt, va_list args)
{
    if (level <= AV_LOG_ERROR) {
        char line[512];
        int printPrefix = 0;
        va_list copy;
        va_copy(copy, args);
        av_log_format_line(nullptr, level, fmt, copy, line, sizeof line, &printPrefix);
        va_end(copy);
        std::string text(line);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
        if (!text.empty())
            t_lastFfmpegError = text;
    }
    if (level <= av_log_get_level())
        av_log_default_callback(avcl, level, fmt, args);
}

void quietFfmpegOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (qEnvironmentVariableIsEmpty("AICHOPIN_FFMPEG_LOG") && av_log_get_level() == AV_LOG_INFO) {
            av_log_set_level(AV_LOG_FATAL);
            av_log_set_callback(captureFfmpegLog);
        }
    });
}

// What the first bytes of a file look like, for errors about files FFmpeg cannot open.
QString describeContent(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(16);
    const bool text = std::all_of(head.begin(), head.end(), [](char c) { return (c >= 32 && c < 127) || c == '\n' || c == '\r' || c == '\t'; });
    if (text)
        return QStringLiteral("it holds text, not audio");
    struct Magic { const char *bytes; int at; const char *name; };
    static const Magic magics[] = {{"RIFF", 0, "WAV"}, {"fLaC", 0, "FLAC"}, {"OggS", 0, "Ogg"}, {"ID3", 0, "MP3"},
                                   {"ftyp", 4, "MP4/M4A"}, {"\x1a\x45\xdf\xa3", 0, "Matroska"}, {"MThd", 0, "MIDI"},
                                   {"\x89PNG", 0, "PNG image"}, {"\xff\xd8\xff", 0, "JPEG image"}};
    for (const Magic &m : magics)
        if (head.mid(m.at).startsWith(m.bytes))
            return QStringLiteral("it begins as %1 data but is damaged or cut off (%2 bytes)").arg(QLatin1String(m.name)).arg(f.size());
    return QStringLiteral("it begins with the bytes %1, which no audio format FFmpeg knows begins with").arg(QString::fromLatin1(head.left(8).toHex(' ')));
}

// "; FFmpeg says: ..." with FFmpeg's own last error line on this thread, or its error code's text.
QString ffmpegSays(int code)
{
    const QString logged = QString::fromStdString(std::exchange(t_lastFfmpegError, std::string()));
    return QStringLiteral("FFmpeg: %1").arg(logged.isEmpty() ? avErrorText(code) : logged.section(QLatin1String("] "), -1));
}

int interruptCallback(void *opaque)
{
    return isCancelled(static_cast<const CancelToken *>(opaque)) ? 1 : 0;
}

// Owns the FFmpeg objects of one open file; everything is freed on every path out.
struct Input {
    AVFormatContext *fmt = nullptr;
    AVCodecContext *codec = nullptr;
    SwrContext *swr = nullptr;
    AVPacket *packet = nullptr;
    AVFrame *frame = nullptr;
    int stream = -1;
    AudioInfo info;

    ~Input()
    {
        swr_free(&swr);
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&fmt);
    }

    Status open(const QString &path, const CancelToken *cancel)
    {
        quietFfmpegOnce();
        const QFileInfo fi(path);
        if (!fi.exists())
            return Error{QStringLiteral("File not found: %1").arg(path)};
        if (!fi.isFile() || !fi.isReadable())
            return Error{QStringLiteral("Not a readable file: %1").arg(path)};
        if (fi.size() == 0)
            return Error{QStringLiteral("The file is empty (0 bytes): %1").arg(path)};

        fmt = avformat_alloc_context();
        if (!fmt)
            return Error{QStringLiteral("Out of memory opening %1").arg(path)};
        fmt->interrupt_callback.callback = interruptCallback;
        fmt->interrupt_callback.opaque = const_cast<CancelToken *>(cancel);
        const QByteArray local = QFile::encodeName(path);
        t_lastFfmpegError.clear();
        int rc = avformat_open_input(&fmt, local.constData(), nullptr, nullptr);
        if (rc < 0) {
            fmt = nullptr;  // freed by avformat_open_input on failure
            return Error{QStringLiteral("Not a recognised audio or video file: %1: %2 (%3)").arg(path, describeContent(path), ffmpegSays(rc))};
        }
        rc = avformat_find_stream_info(fmt, nullptr);
        if (rc < 0)
            return Error{QStringLiteral("Cannot read the streams of %1 (%2)").arg(path, ffmpegSays(rc))};

        const AVCodec *decoder = nullptr;
        stream = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
        if (stream == AVERROR_STREAM_NOT_FOUND) {
            // An audio stream FFmpeg will not pick is one whose header is unusable (0 channels...).
            for (unsigned i = 0; i < fmt->nb_streams; ++i) {
                const AVCodecParameters *p = fmt->streams[i]->codecpar;
                if (p->codec_type == AVMEDIA_TYPE_AUDIO)
                    return Error{QStringLiteral("The audio stream of %1 cannot be used: its header declares %2 at %3 Hz (%4)")
                                     .arg(path, counted(p->ch_layout.nb_channels, "channel", "channels"),
                                          QString::number(p->sample_rate), ffmpegSays(AVERROR_INVALIDDATA))};
            }
            return Error{fmt->nb_streams == 1
                             ? QStringLiteral("No audio stream in %1 (its one stream is not audio: a video without sound?)").arg(path)
                             : QStringLiteral("No audio stream in %1 (%2 streams, none of them audio)").arg(path, QString::number(fmt->nb_streams))};
        }
        if (stream < 0 || !decoder) {
            const AVCodecID id = stream >= 0 ? fmt->streams[stream]->codecpar->codec_id : AV_CODEC_ID_NONE;
            return Error{QStringLiteral("No decoder for the audio stream of %1 (codec %2)").arg(path, QString::fromLatin1(avcodec_get_name(id)))};
        }
        for (unsigned i = 0; i < fmt->nb_streams; ++i)
            if (int(i) != stream)
                fmt->streams[i]->discard = AVDISCARD_ALL;

        const AVStream *st = fmt->streams[stream];
        const AVCodecParameters *par = st->codecpar;
        info.streamIndex = stream;
        info.streamCount = int(fmt->nb_streams);
        info.sampleRate = par->sample_rate;
        info.channels = par->ch_layout.nb_channels;
        info.codecName = QString::fromLatin1(avcodec_get_name(par->codec_id));
        info.formatName = QString::fromLatin1(fmt->iformat->name);
        info.bitRate = par->bit_rate > 0 ? par->bit_rate : std::max<int64_t>(0, fmt->bit_rate);
        if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
            info.durationSeconds = st->duration * av_q2d(st->time_base);
        else if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0)
            info.durationSeconds = double(fmt->duration) / AV_TIME_BASE;
        return Ok{};
    }

    Status openDecoder(const QString &path)
    {
        const AVStream *st = fmt->streams[stream];
        const AVCodec *decoder = avcodec_find_decoder(st->codecpar->codec_id);
        if (!decoder)
            return Error{QStringLiteral("No decoder for codec %1 in %2").arg(info.codecName, path)};
        codec = avcodec_alloc_context3(decoder);
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (!codec || !packet || !frame)
            return Error{QStringLiteral("Out of memory decoding %1").arg(path)};
        int rc = avcodec_parameters_to_context(codec, st->codecpar);
        if (rc >= 0) {
            codec->pkt_timebase = st->time_base;
            codec->thread_count = 1;  // one core per file; callers parallelise across files
            rc = avcodec_open2(codec, decoder, nullptr);
        }
        if (rc < 0)
            return Error{QStringLiteral("Cannot open the %1 decoder for %2 (%3)").arg(info.codecName, path, avErrorText(rc))};
        return Ok{};
    }
};

// Resamples decoded frames to mono float at the output rate, rebuilding the converter when a
// stream changes format midway (chained mp3/ogg streams can).
class Converter {
public:
    static constexpr int kMinInputRate = 1000;
    static constexpr int kMaxInputRate = 768000;

    explicit Converter(int onlyChannel) : m_onlyChannel(onlyChannel) {}
    ~Converter()
    {
        swr_free(&m_swr);
        av_channel_layout_uninit(&m_inLayout);
        av_channel_layout_uninit(&m_frameLayout);
    }

    Status ensure(const AVFrame *frame, int outRate, std::vector<float> &out)
    {
        // Compared with the layout the frames came with, not the one given to swresample: a
        // layout that names no channels (a plain 16-bit WAV's) is replaced by the default one
        // below, and comparing against that would rebuild the converter at every frame, its
        // flush leaving a click every 1,024 samples.
        if (m_swr && frame->format == m_inFormat && frame->sample_rate == m_inRate
            && av_channel_layout_compare(&frame->ch_layout, &m_frameLayout) == 0)
            return Ok{};
        if (m_swr)
            flush(out);
        swr_free(&m_swr);
        av_channel_layout_uninit(&m_inLayout);
        av_channel_layout_uninit(&m_frameLayout);
        if (av_channel_layout_copy(&m_frameLayout, &frame->ch_layout) < 0)
            return Error{QStringLiteral("Out of memory reading the audio stream's channel layout")};
        if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame->ch_layout.nb_channels <= 0) {
            if (frame->ch_layout.nb_channels <= 0)
                return Error{QStringLiteral("The audio stream has no channels")};
            av_channel_layout_default(&m_inLayout, frame->ch_layout.nb_channels);
        } else {
            av_channel_layout_copy(&m_inLayout, &frame->ch_layout);
        }
        m_inFormat = frame->format;
        m_inRate = frame->sample_rate;
        m_outRate = outRate > 0 ? outRate : m_inRate;
        if (m_inRate <= 0)
            return Error{QStringLiteral("The audio stream has no sample rate")};
        // A damaged header can claim any rate; resampling from ~1 GHz builds filter tables for
        // minutes (found by fuzzing). Real audio lies well inside these bounds.
        if (m_inRate < kMinInputRate || m_inRate > kMaxInputRate)
            return Error{QStringLiteral("The audio stream claims an impossible sample rate (%1 Hz)").arg(m_inRate)};
        AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
        int rc = swr_alloc_set_opts2(&m_swr, &mono, AV_SAMPLE_FMT_FLT, m_outRate, &m_inLayout,
                                     AVSampleFormat(m_inFormat), m_inRate, 0, nullptr);
        if (rc >= 0 && m_inLayout.nb_channels > 1) {
            // Mono is the plain mean of the channels, so a tone in both channels keeps its level;
            // or one channel alone, when asked for one that exists.
            const int n = m_inLayout.nb_channels;
            std::vector<double> matrix(size_t(n), m_onlyChannel >= 0 && m_onlyChannel < n ? 0.0 : 1.0 / n);
            if (m_onlyChannel >= 0 && m_onlyChannel < n)
                matrix[size_t(m_onlyChannel)] = 1.0;
            rc = swr_set_matrix(m_swr, matrix.data(), m_inLayout.nb_channels);
        }
        if (rc >= 0)
            rc = swr_init(m_swr);
        if (rc < 0)
            return Error{QStringLiteral("Cannot set up resampling from %1 Hz (%2)").arg(m_inRate).arg(avErrorText(rc))};
        return Ok{};
    }

    int inputRate() const { return m_inRate; }
    int outputRate() const { return m_outRate; }

    // Converts `count` input samples starting `skip` samples into the frame; appends to out.
    void convert(const AVFrame *frame, int skip, std::vector<float> &out)
    {
        const int count = frame->nb_samples - skip;
        if (count <= 0)
            return;
        const uint8_t *in[AV_NUM_DATA_POINTERS] = {nullptr};
        const int bps = av_get_bytes_per_sample(AVSampleFormat(frame->format));
        const int channels = frame->ch_layout.nb_channels;
        if (av_sample_fmt_is_planar(AVSampleFormat(frame->format))) {
            for (int c = 0; c < channels && c < AV_NUM_DATA_POINTERS; ++c)
                in[c] = frame->extended_data[c] + size_t(skip) * bps;
        } else {
            in[0] = frame->extended_data[0] + size_t(skip) * bps * channels;
        }
        run(in, count, out);
    }

    void flush(std::vector<float> &out)
    {
        if (m_swr)
            run(nullptr, 0, out);
    }

private:
    void run(const uint8_t **in, int count, std::vector<float> &out)
    {
        const int room = swr_get_out_samples(m_swr, count);
        if (room <= 0)
            return;
        const size_t base = out.size();
        out.resize(base + size_t(room));
        uint8_t *dst = reinterpret_cast<uint8_t *>(out.data() + base);
        const int got = swr_convert(m_swr, &dst, room, in, count);
        out.resize(base + size_t(std::max(0, got)));
    }

    SwrContext *m_swr = nullptr;
    AVChannelLayout m_inLayout{};
    AVChannelLayout m_frameLayout{};  // as the decoder gave it
    int m_onlyChannel = -1;
    int m_inFormat = -1;
    int m_inRate = 0;
    int m_outRate = 0;
};

}  // namespace

Result<AudioInfo> AudioDecoder::probe(const QString &path)
{
    Input input;
    const Status s = input.open(path, nullptr);
    if (!s)
        return s.error();
    return input.info;
}

Result<DecodeReport> AudioDecoder::decode(const QString &path, const DecodeOptions &options, const SampleSink &sink,
                                          const ProgressSink &progress, const CancelToken *cancel)
{
    if (!std::isfinite(options.startSeconds) || options.startSeconds < 0)
        return Error{QStringLiteral("The start time must be zero or positive")};
    if (!std::isfinite(options.durationSeconds) || options.durationSeconds == 0)
        return Error{QStringLiteral("The duration must be positive (or negative for 'to the end')")};
    if (options.sampleRate > 0 && (options.sampleRate < 1000 || options.sampleRate > 384000))
        return Error{QStringLiteral("Unsupported output sample rate %1 Hz (1,000 to 384,000)").arg(options.sampleRate)};

    Input input;
    Status s = input.open(path, cancel);
    if (!s)
        return s.error();
    s = input.openDecoder(path);
    if (!s)
        return s.error();

    DecodeReport report;
    report.info = input.info;
    const AVStream *st = input.fmt->streams[input.stream];
    const double tb = av_q2d(st->time_base);
    const int64_t streamStart = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;

    // Seek near the start (to a keyframe at or before it); samples before it are dropped below.
    if (options.startSeconds > 0 && tb > 0) {
        const int64_t target = streamStart + int64_t(std::floor(options.startSeconds / tb));
        if (avformat_seek_file(input.fmt, input.stream, std::numeric_limits<int64_t>::min(), target, target, 0) < 0)
            av_seek_frame(input.fmt, input.stream, target, AVSEEK_FLAG_BACKWARD);
        // If both fail the file is read from its beginning; the sample position below still holds.
    }

    Converter converter(options.onlyChannel);
    std::vector<float> pending;  // resampled output not yet handed to the sink
    pending.reserve(size_t(std::max(1024, options.blockSamples)) * 2);
    const size_t block = size_t(std::max(256, options.blockSamples));
    int outRate = options.sampleRate > 0 ? options.sampleRate : input.info.sampleRate;
    qint64 wanted = -1;  // total output samples, once the output rate is known
    qint64 delivered = 0;
    bool done = false;
    int consecutiveErrors = 0;
    bool gaveUp = false;
    QString lastError;
    double nextPositionSeconds = -1;  // where the next frame starts when it carries no timestamp

    auto deliver = [&](bool final) {
        size_t offset = 0;
        while (!done && (pending.size() - offset >= block || (final && offset < pending.size()))) {
            size_t n = std::min(block, pending.size() - offset);
            if (wanted >= 0 && delivered + qint64(n) >= wanted) {
                n = size_t(wanted - delivered);
                done = true;
            }
            if (n > 0 && sink)
                sink(pending.data() + offset, qsizetype(n));
            delivered += qint64(n);
            offset += n;
        }
        pending.erase(pending.begin(), pending.begin() + qptrdiff(offset));
        if (done)
            pending.clear();
    };

    const double spanSeconds = options.durationSeconds > 0
                                   ? options.durationSeconds
                                   : std::max(0.0, input.info.durationSeconds - options.startSeconds);
    auto reportProgress = [&]() {
        if (!progress)
            return;
        const double seconds = outRate > 0 ? double(delivered + qint64(pending.size())) / outRate : 0;
        aichopin::report(progress, spanSeconds > 0 ? std::min(1.0, seconds / spanSeconds) : -1.0, QStringLiteral("Decoding"));
    };

    auto handleFrame = [&](AVFrame *frame) -> Status {
        Status c = converter.ensure(frame, options.sampleRate, pending);
        if (!c)
            return c;
        outRate = converter.outputRate();
        if (wanted < 0 && options.durationSeconds > 0)
            wanted = qint64(std::llround(options.durationSeconds * outRate));
        const int inRate = converter.inputRate();
        // Position of this frame in seconds from the stream start, for the exact start trim.
        double position = nextPositionSeconds;
        if (frame->best_effort_timestamp != AV_NOPTS_VALUE && tb > 0)
            position = (frame->best_effort_timestamp - streamStart) * tb;
        if (position < 0 && nextPositionSeconds < 0)
            position = 0;
        nextPositionSeconds = position + double(frame->nb_samples) / inRate;
        int skip = 0;
        if (options.startSeconds > 0) {
            const double before = (options.startSeconds - position) * inRate;
            if (before >= frame->nb_samples)
                return Ok{};
            if (before > 0)
                skip = int(std::llround(before));
        }
        converter.convert(frame, skip, pending);
        return Ok{};
    };

    auto receiveAll = [&]() -> Status {
        while (!done) {
            const int rc = avcodec_receive_frame(input.codec, input.frame);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return Ok{};
            if (rc < 0) {
                ++report.decodeErrors;
                ++consecutiveErrors;
                lastError = avErrorText(rc);
                if (consecutiveErrors > options.maxConsecutiveErrors)
                    return Ok{};
                continue;
            }
            consecutiveErrors = 0;
            Status h = handleFrame(input.frame);
            av_frame_unref(input.frame);
            if (!h)
                return h;
            if (pending.size() >= block)
                deliver(false);
        }
        return Ok{};
    };

    aichopin::report(progress, 0.0, QStringLiteral("Decoding"));
    qint64 packets = 0;
    while (!done) {
        if (isCancelled(cancel)) {
            report.cancelled = true;
            break;
        }
        if (consecutiveErrors > options.maxConsecutiveErrors) {
            gaveUp = true;
            break;
        }
        const int rc = av_read_frame(input.fmt, input.packet);
        if (rc == AVERROR_EOF || (rc < 0 && input.fmt->pb && avio_feof(input.fmt->pb)))
            break;
        if (rc == AVERROR_EXIT) {  // interrupted through the cancel token
            report.cancelled = true;
            break;
        }
        if (rc < 0) {
            ++report.decodeErrors;
            ++consecutiveErrors;
            lastError = avErrorText(rc);
            continue;
        }
        if (input.packet->stream_index != input.stream) {
            av_packet_unref(input.packet);
            continue;
        }
        const int sent = avcodec_send_packet(input.codec, input.packet);
        av_packet_unref(input.packet);
        if (sent < 0 && sent != AVERROR(EAGAIN)) {
            ++report.decodeErrors;
            ++consecutiveErrors;
            lastError = avErrorText(sent);
            continue;
        }
        Status r = receiveAll();
        if (!r)
            return r.error();
        if ((++packets & 63) == 0)
            reportProgress();
    }

    if (!done && !report.cancelled && !gaveUp) {
        // Drain the decoder and the resampler's tail.
        avcodec_send_packet(input.codec, nullptr);
        Status r = receiveAll();
        if (!r)
            return r.error();
        converter.flush(pending);
    }
    deliver(true);

    report.samples = delivered;
    report.sampleRate = outRate;
    if (delivered == 0 && !report.cancelled) {
        if (report.decodeErrors > 0)
            return Error{QStringLiteral("No audio could be decoded from %1 (%2, last: %3)")
                             .arg(path, counted(report.decodeErrors, "error", "errors"), lastError)};
        if (options.startSeconds > 0)
            return Error{QStringLiteral("The start time %1 s is past the end of %2").arg(options.startSeconds).arg(path)};
        return Error{QStringLiteral("The audio stream of %1 holds no samples").arg(path)};
    }
    if (gaveUp)
        report.warnings << QStringLiteral("Stopped after %1 consecutive decode errors (last: %2); the rest of the file was not decoded")
                               .arg(consecutiveErrors).arg(lastError);
    else if (report.decodeErrors > 0)
        report.warnings << (report.decodeErrors == 1 ? QStringLiteral("1 damaged packet was skipped (last error: %1)").arg(lastError)
                                                     : QStringLiteral("%1 damaged packets were skipped (last error: %2)")
                                                           .arg(report.decodeErrors)
                                                           .arg(lastError));
    if (!report.cancelled)
        aichopin::report(progress, 1.0, QStringLiteral("Decoding"));
    return report;
}

Result<AudioSignal> AudioDecoder::decodeAll(const QString &path, const DecodeOptions &options,
                                            const ProgressSink &progress, const CancelToken *cancel)
{
    AudioSignal signal;
    Result<DecodeReport> r = decode(
        path, options, [&](const float *s, qsizetype n) { signal.samples.insert(signal.samples.end(), s, s + n); },
        progress, cancel);
    if (!r)
        return r.error();
    signal.sampleRate = r->sampleRate;
    signal.report = std::move(r.value());
    // A stereo file whose channels cancel each other out in their mean (one is the other
    // inverted: a wiring or editing fault) would be all silence: it is heard from its first
    // channel alone, and the report says so.
    const auto peakOf = [](const std::vector<float> &x) {
        float peak = 0.0f;
        for (float v : x)
            peak = std::max(peak, std::abs(v));
        return peak;
    };
    if (options.onlyChannel < 0 && signal.report.info.channels > 1 && !signal.report.cancelled && !signal.samples.empty()
        && peakOf(signal.samples) < kCancelledPeak) {
        DecodeOptions first = options;
        first.onlyChannel = 0;
        Result<AudioSignal> one = decodeAll(path, first, progress, cancel);
        if (one && !one->report.cancelled && peakOf(one->samples) >= kCancelledPeak) {
            one->report.warnings.append(cancelledChannelsWarning());
            return one;
        }
    }
    return signal;
}

}  // namespace aichopin
