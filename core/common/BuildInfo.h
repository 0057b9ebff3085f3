#pragma once
// What the app is built from: versions and licences of every library, the BLAS actually loaded
// at run time, and the attribution of the data behind the shipped models. For Help > About,
// `aichopin-cli about`, and bug reports. Any thread.

#include <QString>

#include <vector>

namespace aichopin {

struct LibraryInfo {
    QString name;
    QString version;
    QString licence;
    QString url;
};

class BuildInfo {
public:
    static QString appVersion();
    static QString appLicence();  // the app's own licence
    static std::vector<LibraryInfo> libraries();
    // The BLAS that LibTorch's libblas.so.3 resolved to, e.g. "OpenBLAS 0.3.21 ..."; warns
    // when it is the slow reference BLAS.
    static QString blasInUse();
    static bool isFastBlas();
    static QString dataAttribution();
};

}  // namespace aichopin
