#pragma once
// File names in the order a file manager lists them: runs of digits compare as numbers
// (chpn-p2 before chpn-p10), the rest without regard to case (Bach before bach_846 before
// Brahms). The same in every locale, the C locale included, where QCollator's numeric mode
// does nothing.

#include <QString>

namespace aichopin {

// Negative, zero or positive as a sorts before, with or after b.
int naturalCompare(const QString &a, const QString &b);
inline bool naturalLess(const QString &a, const QString &b) { return naturalCompare(a, b) < 0; }

}  // namespace aichopin
