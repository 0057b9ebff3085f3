#pragma once
// Why a file handed over as a model cannot be one, said plainly: empty, not a LibTorch archive at
// all (text, an image...), or an archive that is cut off or damaged. Model loaders call this when
// LibTorch refuses a file, so the user reads more than "unreadable or corrupt". Any thread;
// reads at most the first few bytes and the file size.

#include "common/Result.h"

#include <QString>

namespace aichopin {

// kind: what the caller expected ("composer model", "classifier model"). libraryMessage: the
// first line of LibTorch's own complaint, kept at the end for the curious.
Error describeUnreadableModel(const QString &path, const QString &kind, const QString &libraryMessage);

// The model kind that a file's "format" header names ("aichopin-composer" -> "composer
// model"), or the format string itself when it is not one of ours.
QString modelKindOfFormat(const QString &format);

}  // namespace aichopin
