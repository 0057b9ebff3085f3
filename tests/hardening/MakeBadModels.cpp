// Writes the model files of tests/data/bad/models that need LibTorch to make: archives that are
// well-formed but of a format version no build reads yet. Run by hand after a format change:
//   ninja -C build make_bad_models && build/tests/hardening/make_bad_models tests/data/bad/models
#include <torch/torch.h>

#include <cstdio>
#include <string>

namespace {
void writeFuture(const std::string &path, const char *format)
{
    torch::serialize::OutputArchive a;
    a.write("format", c10::IValue(std::string(format)));
    a.write("format_version", c10::IValue(int64_t(99)));
    a.write("kind", c10::IValue(std::string("model")));
    a.save_to(path);
}
}  // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_bad_models OUTDIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    writeFuture(dir + "/future-version-composer.pt", "aichopin-composer");
    writeFuture(dir + "/future-version-classifier.pt", "aichopin-classifier");
    return 0;
}
