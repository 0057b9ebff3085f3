#pragma once
// Decodes any audio FFmpeg can read (mp3, wav, flac, ogg/vorbis, ogg/opus, m4a/aac, video files
// with sound...) to mono float samples at a chosen rate, streaming in blocks so memory stays flat
// for hours of audio. FFmpeg types stay in AudioDecoder.cpp.
//
// All functions are blocking and reentrant: call them from any thread (a GUI runs them on a
// worker). Bad input (empty, truncated, corrupted, not audio, no audio stream) gives an Error,
// never a crash or an endless loop: decoding stops after DecodeOptions::maxConsecutiveErrors
// failures in a row, and damaged parts that could be skipped are reported as warnings.

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace aichopin {

// What probe() finds without decoding.
struct AudioInfo {
    double durationSeconds = -1;  // -1 when the container does not say
    int sampleRate = 0;           // native rate of the chosen stream
    int channels = 0;
    QString codecName;            // FFmpeg short name: "mp3", "vorbis", "opus", "aac", "pcm_s16le"
    QString formatName;           // container: "mp3", "ogg", "wav", "mov,mp4,m4a,3gp,3g2,mj2"
    qint64 bitRate = 0;           // bits per second, 0 when unknown
    int streamIndex = -1;         // the audio stream chosen (av_find_best_stream)
    int streamCount = 0;          // all streams in the file
};

struct DecodeOptions {
    int sampleRate = 22050;          // output rate; <= 0 keeps the native rate
    double startSeconds = 0;         // seeks where the format allows, then drops samples exactly
    double durationSeconds = -1;     // < 0: to the end
    int blockSamples = 65536;        // size of the blocks handed to the sink (last one shorter)
    int maxConsecutiveErrors = 64;   // decode/read failures in a row before giving up
    int onlyChannel = -1;            // >= 0: that channel alone (0-based) instead of the mean of
                                     // all (for a stereo file whose channels cancel in the mean)
};

// Outcome of a decode that produced audio.
struct DecodeReport {
    qint64 samples = 0;       // mono samples delivered at sampleRate
    int sampleRate = 0;
    AudioInfo info;
    int decodeErrors = 0;     // packets that failed to read or decode and were skipped
    QStringList warnings;     // human-readable notes ("3 damaged packets were skipped")
    bool cancelled = false;   // stopped by the CancelToken (samples holds what was delivered)
};

// Whole-signal result of decodeAll().
struct AudioSignal {
    std::vector<float> samples;  // mono, nominally in [-1, 1]
    int sampleRate = 0;
    DecodeReport report;
    double durationSeconds() const { return sampleRate > 0 ? double(samples.size()) / sampleRate : 0.0; }
};

// Receives consecutive blocks of mono samples, on the decoding thread. The pointer is valid
// only during the call.
using SampleSink = std::function<void(const float *samples, qsizetype count)>;

class AudioDecoder {
public:
    // Opens the file and reads its headers only. Cheap (no decoding).
    static Result<AudioInfo> probe(const QString &path);

    // Streams the chosen span to sink in blocks of options.blockSamples. Progress is reported as
    // the fraction of the span decoded. Cancelling stops early with report.cancelled set (not an
    // error). Returns an Error when nothing could be decoded or the options are invalid.
    static Result<DecodeReport> decode(const QString &path, const DecodeOptions &options, const SampleSink &sink,
                                       const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);

    // Convenience: the whole span in memory (about 88 KB per second at 22,050 Hz). A file with
    // several channels whose mean is silent (peak under kCancelledPeak) while its first channel
    // is not is given as that channel alone, with a warning.
    static constexpr float kCancelledPeak = 1e-4f;
    // The warning such a file is reported with.
    static QString cancelledChannelsWarning() { return QStringLiteral("its two channels cancel each other out: heard from the first alone"); }
    static Result<AudioSignal> decodeAll(const QString &path, const DecodeOptions &options = {},
                                         const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
