#include "classifier/LossyRoundTrip.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/mem.h>
#include <libavutil/samplefmt.h>
}

#include <algorithm>
#include <cstring>

namespace aichopin {

namespace {

// MP3 is what most recordings people drop on the app are; AAC is the fallback Debian's
// FFmpeg always has (its own encoder).
const AVCodec *findEncoder()
{
    if (const AVCodec *c = avcodec_find_encoder_by_name("libmp3lame"))
        return c;
    return avcodec_find_encoder(AV_CODEC_ID_AAC);
}

QString ffError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

struct Context {
    AVCodecContext *p = nullptr;
    ~Context() { avcodec_free_context(&p); }
};
struct Frame {
    AVFrame *p = av_frame_alloc();
    ~Frame() { av_frame_free(&p); }
};
struct Packet {
    AVPacket *p = av_packet_alloc();
    ~Packet() { av_packet_free(&p); }
};

bool takesRate(const AVCodec *c, int rate)
{
    if (!c->supported_samplerates)
        return true;
    for (const int *r = c->supported_samplerates; *r; ++r)
        if (*r == rate)
            return true;
    return false;
}

bool takesFloatPlanar(const AVCodec *c)
{
    if (!c->sample_fmts)
        return true;
    for (const AVSampleFormat *f = c->sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f)
        if (*f == AV_SAMPLE_FMT_FLTP)
            return true;
    return false;
}

// The first channel of a decoded frame, as float.
bool appendFirstChannel(const AVFrame *f, std::vector<float> &out)
{
    const auto fmt = AVSampleFormat(f->format);
    const int stride = av_sample_fmt_is_planar(fmt) ? 1 : std::max(1, f->ch_layout.nb_channels);
    const uint8_t *data = f->extended_data[0];
    for (int i = 0; i < f->nb_samples; ++i) {
        const int k = i * stride;
        switch (av_get_packed_sample_fmt(fmt)) {
        case AV_SAMPLE_FMT_FLT: out.push_back(reinterpret_cast<const float *>(data)[k]); break;
        case AV_SAMPLE_FMT_DBL: out.push_back(float(reinterpret_cast<const double *>(data)[k])); break;
        case AV_SAMPLE_FMT_S16: out.push_back(reinterpret_cast<const int16_t *>(data)[k] / 32768.0f); break;
        case AV_SAMPLE_FMT_S32: out.push_back(float(reinterpret_cast<const int32_t *>(data)[k] / 2147483648.0)); break;
        default: return false;
        }
    }
    return true;
}

}  // namespace

QString LossyRoundTrip::codecName()
{
    const AVCodec *c = findEncoder();
    if (!c)
        return {};
    return c->id == AV_CODEC_ID_MP3 ? QStringLiteral("mp3") : QStringLiteral("aac");
}

Result<std::vector<float>> LossyRoundTrip::apply(const std::vector<float> &samples, int sampleRate, int kbps)
{
    if (samples.empty())
        return std::vector<float>{};
    const AVCodec *codec = findEncoder();
    if (!codec)
        return Error{QStringLiteral("FFmpeg has no MP3 or AAC encoder")};
    if (!takesRate(codec, sampleRate) || !takesFloatPlanar(codec))
        return Error{QStringLiteral("the %1 encoder does not take %2 Hz float audio").arg(QString::fromUtf8(codec->name)).arg(sampleRate)};
    if (kbps <= 0)
        return Error{QStringLiteral("bit rate must be positive")};

    Context enc;
    enc.p = avcodec_alloc_context3(codec);
    if (!enc.p)
        return Error{QStringLiteral("out of memory")};
    enc.p->sample_rate = sampleRate;
    enc.p->sample_fmt = AV_SAMPLE_FMT_FLTP;
    av_channel_layout_default(&enc.p->ch_layout, 1);
    enc.p->bit_rate = int64_t(kbps) * 1000;
    enc.p->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;  // AAC's decoder config goes to extradata
    if (const int rc = avcodec_open2(enc.p, codec, nullptr); rc < 0)
        return Error{QStringLiteral("cannot open the %1 encoder: %2").arg(QString::fromUtf8(codec->name), ffError(rc))};
    const int frameSize = enc.p->frame_size > 0 ? enc.p->frame_size : 1152;
    const int delay = std::max(0, enc.p->initial_padding);  // encoder + decoder delay, in samples

    // Encode whole frames (zeros after the end) so no codec needs a short last frame.
    std::vector<QByteArray> packets;
    Frame frame;
    Packet packet;
    if (!frame.p || !packet.p)
        return Error{QStringLiteral("out of memory")};
    frame.p->nb_samples = frameSize;
    frame.p->format = AV_SAMPLE_FMT_FLTP;
    frame.p->sample_rate = sampleRate;
    av_channel_layout_default(&frame.p->ch_layout, 1);
    if (const int rc = av_frame_get_buffer(frame.p, 0); rc < 0)
        return Error{QStringLiteral("cannot allocate an audio frame: %1").arg(ffError(rc))};
    const auto drain = [&]() -> int {
        for (;;) {
            const int rc = avcodec_receive_packet(enc.p, packet.p);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return 0;
            if (rc < 0)
                return rc;
            packets.emplace_back(reinterpret_cast<const char *>(packet.p->data), packet.p->size);
            av_packet_unref(packet.p);
        }
    };
    const size_t n = samples.size();
    int64_t pts = 0;
    for (size_t from = 0; from < n; from += size_t(frameSize)) {
        if (const int rc = av_frame_make_writable(frame.p); rc < 0)
            return Error{QStringLiteral("cannot write an audio frame: %1").arg(ffError(rc))};
        float *dst = reinterpret_cast<float *>(frame.p->data[0]);
        const size_t count = std::min(n - from, size_t(frameSize));
        std::copy_n(samples.data() + from, count, dst);
        std::fill(dst + count, dst + frameSize, 0.0f);
        frame.p->pts = pts;
        pts += frameSize;
        if (const int rc = avcodec_send_frame(enc.p, frame.p); rc < 0)
            return Error{QStringLiteral("encoding failed: %1").arg(ffError(rc))};
        if (const int rc = drain(); rc < 0)
            return Error{QStringLiteral("encoding failed: %1").arg(ffError(rc))};
    }
    avcodec_send_frame(enc.p, nullptr);
    if (const int rc = drain(); rc < 0)
        return Error{QStringLiteral("encoding failed: %1").arg(ffError(rc))};

    Context dec;
    const AVCodec *decoder = avcodec_find_decoder(codec->id);
    if (!decoder)
        return Error{QStringLiteral("FFmpeg has no decoder for %1").arg(QString::fromUtf8(codec->name))};
    dec.p = avcodec_alloc_context3(decoder);
    if (!dec.p)
        return Error{QStringLiteral("out of memory")};
    dec.p->sample_rate = sampleRate;
    av_channel_layout_default(&dec.p->ch_layout, 1);
    if (enc.p->extradata_size > 0) {
        dec.p->extradata = static_cast<uint8_t *>(av_mallocz(size_t(enc.p->extradata_size) + AV_INPUT_BUFFER_PADDING_SIZE));
        if (!dec.p->extradata)
            return Error{QStringLiteral("out of memory")};
        std::memcpy(dec.p->extradata, enc.p->extradata, size_t(enc.p->extradata_size));
        dec.p->extradata_size = enc.p->extradata_size;
    }
    if (const int rc = avcodec_open2(dec.p, decoder, nullptr); rc < 0)
        return Error{QStringLiteral("cannot open the %1 decoder: %2").arg(QString::fromUtf8(decoder->name), ffError(rc))};

    std::vector<float> decoded;
    decoded.reserve(n + size_t(delay) + 2 * size_t(frameSize));
    const auto receive = [&]() -> Status {
        for (;;) {
            const int rc = avcodec_receive_frame(dec.p, frame.p);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return Ok{};
            if (rc < 0)
                return Error{QStringLiteral("decoding failed: %1").arg(ffError(rc))};
            const bool ok = appendFirstChannel(frame.p, decoded);
            av_frame_unref(frame.p);
            if (!ok)
                return Error{QStringLiteral("the decoder gave an unexpected sample format")};
        }
    };
    av_frame_unref(frame.p);
    for (const QByteArray &bytes : packets) {
        if (const int rc = av_new_packet(packet.p, int(bytes.size())); rc < 0)
            return Error{QStringLiteral("out of memory")};
        std::memcpy(packet.p->data, bytes.constData(), size_t(bytes.size()));
        const int rc = avcodec_send_packet(dec.p, packet.p);
        av_packet_unref(packet.p);
        if (rc < 0 && rc != AVERROR_INVALIDDATA)  // a bad packet is skipped, as a player would
            return Error{QStringLiteral("decoding failed: %1").arg(ffError(rc))};
        if (const Status s = receive(); !s)
            return s.error();
    }
    avcodec_send_packet(dec.p, nullptr);
    if (const Status s = receive(); !s)
        return s.error();

    std::vector<float> out(n, 0.0f);
    if (decoded.size() > size_t(delay))
        std::copy_n(decoded.begin() + delay, std::min(n, decoded.size() - size_t(delay)), out.begin());
    return out;
}

}  // namespace aichopin
