#pragma once
// INTERNAL (includes LibTorch): reading (and safely replacing) our model and checkpoint files, which are LibTorch
// archives (a zip of pickles, tensor records and TorchScript class declarations), without
// trusting them. Used by ComposerFile and ClassifierFile.
//
// LibTorch's reader parses the pickles and compiles the TorchScript in the file, and assigns
// tensors to parameters without checking their shapes; on damaged or hostile input it can throw
// anything or worse. So before LibTorch sees a file, checkFile() walks the zip itself (bounds,
// entry names, sizes) and accepts only class declarations as code (no methods, so nothing in
// the file runs at load time); after loading, every tensor is checked against its storage, and
// loadWeights() accepts only tensors of exactly the module's own shapes and types.
//
// All functions are reentrant; none throws.

#include "common/Result.h"

#include <QString>

#include <torch/torch.h>

namespace aichopin {

class ModelArchive {
public:
    static constexpr qint64 kMaxFileBytes = qint64(2) << 30;  // larger than any model we write

    // The zip structure and code records of path, as described above. Error names the file.
    static Status checkFile(const QString &path);

    // checkFile(), LibTorch's load_from(), then a check of every tensor in the archive (inside
    // its storage). what: "composer model" or "classifier model", for the messages.
    static Status open(const QString &path, const QString &what, torch::serialize::InputArchive &archive);

    // Reads module's parameters and buffers (recursively, like Module::load) from archive,
    // requiring each to exist with the module's dtype and shape; copies the values.
    static Status loadWeights(torch::nn::Module &module, torch::serialize::InputArchive &archive);

    // Moves a fully written temporary file over path: flushed to the disk first, then renamed
    // (atomic), then the folder flushed, so a crash or power cut at any moment leaves the old
    // file or the new one, never a torn one. Removes tmp on failure.
    static Status replace(const QString &tmp, const QString &path);
};

}  // namespace aichopin
