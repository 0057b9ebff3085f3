#pragma once
// Batch audio features with librosa's default definitions (librosa >= 0.10):
//   stft        |STFT| or |STFT|^2, periodic Hann, n_fft 2048, hop 512, center=True, zero padding
//   mel         librosa.feature.melspectrogram (power 2, Slaney mel filterbank, 128 bands)
//   logMel      power_to_db(mel, ref=np.max, amin=1e-10, top_db=80)
//   mfcc        librosa.feature.mfcc: DCT-II (ortho) of power_to_db(mel, ref=1.0, top_db=80), 20 coeffs
// Matrices are [frames][bins] (librosa's arrays transposed). All functions are blocking and
// reentrant; file functions stream (decode and features in one pass) so memory grows only with
// the number of output frames, not with the decoded audio.

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "listen/AudioDecoder.h"
#include "listen/FeatureMatrix.h"
#include "listen/StreamingFeatureExtractor.h"

namespace aichopin {

enum class FeatureKind { Stft, Mel, Mfcc };  // Stft = power in dB (ref max), for pictures and the CLI

struct FileFeatures {
    FeatureMatrix matrix;
    DecodeReport decode;
    FeatureKind kind = FeatureKind::Mel;
    double secondsPerFrame = 0;
};

class Features {
public:
    static FeatureMatrix stft(const float *y, qsizetype n, const FeatureParams &p = {}, SpectrumKind kind = SpectrumKind::Power);
    static FeatureMatrix melSpectrogram(const float *y, qsizetype n, const FeatureParams &p = {});
    static FeatureMatrix logMel(const float *y, qsizetype n, const FeatureParams &p = {});
    static FeatureMatrix mfcc(const float *y, qsizetype n, const FeatureParams &p = {});

    // In place, librosa.power_to_db. refIsMax: ref = max(S) (np.max) else ref = refValue.
    // topDb <= 0 disables the clip.
    static void powerToDb(FeatureMatrix &s, bool refIsMax, float refValue = 1.0f, float amin = 1e-10f, float topDb = 80.0f);
    // Orthonormal DCT-II along bins of each frame, first nMfcc coefficients (scipy dct norm='ortho').
    static FeatureMatrix dct(const FeatureMatrix &db, int nMfcc);

    // Decodes the file (at p.sampleRate; decode.sampleRate is overridden) and computes `kind`:
    // Stft -> power dB (ref max, top_db 80), Mel -> logMel, Mfcc -> mfcc; all with librosa's
    // whole-file definitions. Progress covers decoding; cancel stops with an Error "Cancelled".
    static Result<FileFeatures> fromFile(const QString &path, FeatureKind kind, const FeatureParams &p = {},
                                         DecodeOptions decode = {}, const ProgressSink &progress = {},
                                         const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
