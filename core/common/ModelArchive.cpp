#include "common/ModelArchive.h"

#include "common/ModelFileCheck.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <vector>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>

#include <functional>

namespace aichopin {

namespace {

quint32 le16(const char *p) { return quint32(quint8(p[0])) | quint32(quint8(p[1])) << 8; }
quint32 le32(const char *p) { return le16(p) | le16(p + 2) << 16; }

struct Entry {
    QString name;
    quint32 method = 0;
    qint64 compressed = 0;
    qint64 size = 0;
    qint64 data = 0;  // offset of the entry's bytes in the file
};

// Inflates a raw-deflate or stored entry of at most `limit` bytes.
bool readEntry(QFile &file, const Entry &e, qint64 limit, QByteArray *out)
{
    if (e.size > limit || e.compressed > limit || !file.seek(e.data))
        return false;
    const QByteArray raw = file.read(e.compressed);
    if (raw.size() != e.compressed)
        return false;
    if (e.method == 0) {
        *out = raw;
        return true;
    }
    out->resize(qsizetype(e.size));
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return false;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.constData()));
    z.avail_in = uInt(raw.size());
    z.next_out = reinterpret_cast<Bytef *>(out->data());
    z.avail_out = uInt(out->size());
    const int rc = inflate(&z, Z_FINISH);
    const bool ok = rc == Z_STREAM_END && z.total_out == uLong(e.size);
    inflateEnd(&z);
    return ok;
}

// The only code our writers produce: module classes that declare attributes, no methods.
// Attribute names that are not identifiers (an optimizer's "params/0") are declared through
// __annotations__. Anything else, even another class constant, is refused: LibTorch 1.13's
// type parser crashes on some of them (found by fuzzing).
bool isDeclarationsOnly(const QByteArray &code)
{
    // A plain type, or a tuple or list of them (an optimizer's betas: Tuple[float, float]).
    static const QString simple = QStringLiteral("(Tensor|str|int|float|bool|__torch__(\\.\\w+)+)");
    static const QString type = QStringLiteral("(%1|(Tuple|List|Optional)\\[%1(, %1)*\\])").arg(simple);
    static const QRegularExpression line(QStringLiteral(
        "^(class \\w+\\(Module\\):"
        "|  __(parameters|buffers)__ = \\[(\"[\\w/.]+\", )*\\]"
        "|  __annotations__ = \\[\\]"
        "|  __annotations__\\[\"[\\w/.]+\"\\] = %1"
        "|  \\w+ : %1"
        "|)$").arg(type));
    for (const QByteArray &l : code.split('\n'))
        if (!line.match(QString::fromLatin1(l)).hasMatch())
            return false;
    return true;
}

// Walks a pickle (protocol 2-4, the opcodes LibTorch's unpickler knows) without running it and
// checks that every length it declares fits in what is left. LibTorch allocates a string or
// byte buffer of the declared length, and a memo table as long as the largest memo index,
// before reading on: one flipped byte made it allocate 4 GB and 14 GB (found by fuzzing).
// It also follows the stack (values and marks): LibTorch's unpickler pops without checking, and
// a class name mutated to "Module)" left NEWOBJ one value short, which corrupted the heap
// (found by fuzzing). Class names must be plain dotted identifiers.
bool isWellFormedPickle(const QByteArray &pickle)
{
    const auto *p = reinterpret_cast<const quint8 *>(pickle.constData());
    const qint64 n = pickle.size();
    qint64 i = 0;
    const auto lengthAt = [&](qint64 at, int bytes) -> qint64 {
        quint64 v = 0;
        for (int k = bytes - 1; k >= 0; --k)
            v = v << 8 | p[at + k];
        return v > quint64(n) ? n + 1 : qint64(v);
    };
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
    qint64 depth = 0;             // values on the stack above the innermost mark
    std::vector<qint64> marks;    // the depth below each open mark
    // Needs `need` values above the innermost mark, then pops `pop` of them and pushes `push`.
    const auto stack = [&](qint64 need, qint64 pop, qint64 push) {
        if (depth < need)
            return false;
        depth += push - pop;
        return true;
    };
    // Pops everything down to the innermost mark; `below` values must lie under the mark.
    const auto popMark = [&](qint64 below, qint64 push) {
        if (marks.empty() || marks.back() < below)
            return false;
        depth = marks.back() + push;
        marks.pop_back();
        return true;
    };
    while (i < n) {
        const quint8 op = p[i++];
        qint64 fixed = 0;      // argument bytes
        int lengthBytes = 0;   // or: a length of this many bytes, then that many bytes
        bool ok = true;
        switch (op) {
        case '.':  // STOP
            return depth == 1 && marks.empty();
        case ')': case '}': case ']': case 'N': case 0x88: case 0x89: ok = stack(0, 0, 1); break;
        case '(': marks.push_back(depth); depth = 0; break;
        case 'u': case 'e': ok = popMark(1, 0); break;            // SETITEMS, APPENDS
        case 't': case 'l': case 'd': ok = popMark(0, 1); break;  // TUPLE, LIST, DICT
        case '1': ok = popMark(0, 0); break;                       // POP_MARK
        case 's': ok = stack(3, 2, 0); break;                      // SETITEM
        case 'a': case 'b': ok = stack(2, 1, 0); break;            // APPEND, BUILD
        case 'R': case 0x81: ok = stack(2, 2, 1); break;           // REDUCE, NEWOBJ
        case 0x85: case 'Q': ok = stack(1, 1, 1); break;           // TUPLE1, BINPERSID
        case 0x86: ok = stack(2, 2, 1); break;                     // TUPLE2
        case 0x87: ok = stack(3, 3, 1); break;                     // TUPLE3
        case '0': ok = stack(1, 1, 0); break;                      // POP
        case '2': ok = stack(1, 0, 1); break;                      // DUP
        case 0x94: ok = stack(1, 0, 0); break;                     // MEMOIZE
        case 0x80: fixed = 1; break;                               // PROTO
        case 'q': fixed = 1; ok = stack(1, 0, 0); break;           // BINPUT
        case 'r': fixed = 4; ok = stack(1, 0, 0); break;           // LONG_BINPUT
        case 'h': case 'K': fixed = 1; ok = stack(0, 0, 1); break;
        case 'M': fixed = 2; ok = stack(0, 0, 1); break;
        case 'j': case 'J': fixed = 4; ok = stack(0, 0, 1); break;
        case 'G': fixed = 8; ok = stack(0, 0, 1); break;
        case 0x95: fixed = 8; break;                               // FRAME
        case 0x8a: case 'U': case 'C': case 0x8c: lengthBytes = 1; ok = stack(0, 0, 1); break;
        case 'X': case 'T': case 'B': lengthBytes = 4; ok = stack(0, 0, 1); break;
        case 0x8d: case 0x8e: lengthBytes = 8; ok = stack(0, 0, 1); break;
        case 'c':  // GLOBAL: module and name, each a dotted identifier ending in a newline
            for (int line = 0; line < 2; ++line) {
                const qsizetype end = pickle.indexOf('\n', i);
                if (end < 0 || !identifier.match(QString::fromLatin1(pickle.mid(i, end - i))).hasMatch())
                    return false;
                i = end + 1;
            }
            ok = stack(0, 0, 1);
            break;
        default:
            return false;
        }
        if (!ok)
            return false;
        if (lengthBytes) {
            if (i + lengthBytes > n)
                return false;
            fixed = lengthBytes + lengthAt(i, lengthBytes);
        }
        if (fixed > n - i)
            return false;
        // LONG_BINPUT/LONG_BINGET: LibTorch sizes its memo table by the index, and a pickle
        // cannot memoise more values than it has bytes.
        if ((op == 'r' || op == 'j') && lengthAt(i, 4) > n)
            return false;
        i += fixed;
    }
    return false;  // no STOP
}

QString shapeText(c10::IntArrayRef sizes)
{
    QStringList parts;
    for (const int64_t s : sizes)
        parts << QString::number(s);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// A tensor read from a file must lie inside its own storage (LibTorch builds it from the
// pickled sizes, strides and offset).
// Precondition: t is defined.
bool insideStorage(const torch::Tensor &t)
{
    // Only dense CPU tensors with real data: a pickle can place a tensor on the "meta" device,
    // whose storage has a size but no data (copying from it crashed; found by fuzzing).
    if (t.layout() != torch::kStrided || !t.device().is_cpu())
        return false;
    if (t.numel() == 0)
        return true;
    if (!t.has_storage() || t.storage_offset() < 0 || t.storage().data() == nullptr)
        return false;
    // Largest element offset + 1, in elements.
    double extent = double(t.storage_offset()) + 1.0;
    for (int64_t d = 0; d < t.dim(); ++d) {
        if (t.stride(d) < 0)
            return false;
        extent += double(t.size(d) - 1) * double(t.stride(d));
    }
    return extent * double(t.element_size()) <= double(t.storage().nbytes());
}

Status checkTensors(torch::serialize::InputArchive &archive, int depth)
{
    if (depth > 16)
        return Error{QStringLiteral("nested too deeply")};
    for (const std::string &key : archive.keys()) {
        c10::IValue v;
        if (!archive.try_read(key, v))
            continue;
        if (v.isTensor()) {
            if (v.toTensor().defined() && !insideStorage(v.toTensor()))
                return Error{QStringLiteral("the tensor '%1' lies outside its data").arg(QString::fromStdString(key))};
        } else if (v.isObject()) {
            torch::serialize::InputArchive child;
            if (archive.try_read(key, child)) {
                const Status s = checkTensors(child, depth + 1);
                if (!s)
                    return s;
            }
        }
    }
    return Ok{};
}

// checkFile() without the file name: the error says only what is wrong.
Status checkArchive(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open it: %1").arg(file.errorString())};
    const qint64 size = file.size();
    if (size > ModelArchive::kMaxFileBytes)
        return Error{QStringLiteral("too large: %1 bytes").arg(size)};
    const auto bad = [](const QString &why) { return Error{why}; };

    // End of central directory: the last 22 bytes plus a comment of up to 64 KiB.
    const qint64 tailSize = std::min<qint64>(size, 22 + 65535);
    if (size < 22 || !file.seek(size - tailSize))
        return bad(QStringLiteral("too short"));
    const QByteArray tail = file.read(tailSize);
    const qsizetype eocd = tail.lastIndexOf(QByteArrayLiteral("PK\x05\x06"));
    if (eocd < 0 || eocd + 22 > tail.size())
        return bad(QStringLiteral("no zip directory"));
    const char *e = tail.constData() + eocd;
    const qint64 eocdAt = size - tailSize + eocd;
    const quint32 entries = le16(e + 10);
    const qint64 cdSize = le32(e + 12), cdAt = le32(e + 16);
    if (entries == 0 || cdAt + cdSize > eocdAt || !file.seek(cdAt))
        return bad(QStringLiteral("damaged zip directory"));
    const QByteArray cd = file.read(cdSize);
    if (cd.size() != cdSize)
        return bad(QStringLiteral("damaged zip directory"));

    std::vector<Entry> list;
    QString prefix;
    bool hasData = false, hasVersion = false;
    static const QRegularExpression allowed(QStringLiteral(
        "^(data\\.pkl|constants\\.pkl|version|byteorder|\\.data/version|\\.data/serialization_id|data/\\d+"
        "|code/__torch__(/\\w+)*\\.py(\\.debug_pkl)?)$"));
    qint64 at = 0;
    for (quint32 i = 0; i < entries; ++i) {
        if (at + 46 > cd.size() || le32(cd.constData() + at) != 0x02014b50u)
            return bad(QStringLiteral("damaged zip directory"));
        const char *c = cd.constData() + at;
        Entry entry;
        const quint32 flags = le16(c + 8);
        entry.method = le16(c + 10);
        entry.compressed = le32(c + 20);
        entry.size = le32(c + 24);
        const qint64 nameLength = le16(c + 28), extra = le16(c + 30), comment = le16(c + 32);
        const qint64 local = le32(c + 42);
        if (at + 46 + nameLength > cd.size())
            return bad(QStringLiteral("damaged zip directory"));
        entry.name = QString::fromUtf8(c + 46, qsizetype(nameLength));
        at += 46 + nameLength + extra + comment;
        if ((flags & 1) || (entry.method != 0 && entry.method != 8) || (entry.method == 0 && entry.compressed != entry.size))
            return bad(QStringLiteral("unsupported zip entry '%1'").arg(entry.name));
        const qsizetype slash = entry.name.indexOf(QLatin1Char('/'));
        if (slash <= 0)
            return bad(QStringLiteral("unexpected zip entry '%1'").arg(entry.name));
        if (prefix.isEmpty())
            prefix = entry.name.left(slash);
        const QString rest = entry.name.mid(slash + 1);
        if (entry.name.left(slash) != prefix || !allowed.match(rest).hasMatch())
            return bad(QStringLiteral("unexpected zip entry '%1'").arg(entry.name));
        // LibTorch allocates an entry's declared size before reading it: only the code records
        // (at most 1 MiB, checked by inflating them below) may be compressed; stored entries'
        // sizes are bounded by the file (checked next).
        if (entry.method == 8 && !(rest.startsWith(QLatin1String("code/")) && rest.endsWith(QLatin1String(".py"))))
            return bad(QStringLiteral("unexpected compressed zip entry '%1'").arg(entry.name));
        hasData |= rest == QLatin1String("data.pkl");
        hasVersion |= rest == QLatin1String("version");

        char header[30];
        if (local + 30 > cdAt || !file.seek(local) || file.read(header, 30) != 30 || le32(header) != 0x04034b50u)
            return bad(QStringLiteral("damaged zip entry '%1'").arg(entry.name));
        entry.data = local + 30 + le16(header + 26) + le16(header + 28);
        if (entry.data + entry.compressed > cdAt)
            return bad(QStringLiteral("damaged zip entry '%1'").arg(entry.name));
        list.push_back(entry);
    }
    if (!hasData || !hasVersion)
        return bad(QStringLiteral("no LibTorch archive records"));

    // What LibTorch would compile (module declarations only) and unpickle (lengths in bounds).
    for (const Entry &entry : list) {
        const bool code = entry.name.endsWith(QLatin1String(".py"));
        const bool pickle = entry.name.endsWith(QLatin1String(".pkl")) || entry.name.endsWith(QLatin1String(".debug_pkl"));
        if (!code && !pickle)
            continue;
        QByteArray bytes;
        if (!readEntry(file, entry, code ? (1 << 20) : ModelArchive::kMaxFileBytes, &bytes))
            return bad(QStringLiteral("damaged zip entry '%1'").arg(entry.name));
        if (code && !isDeclarationsOnly(bytes))
            return bad(QStringLiteral("'%1' holds code, which model files never do").arg(entry.name));
        if (pickle && !isWellFormedPickle(bytes))
            return bad(QStringLiteral("damaged record '%1'").arg(entry.name));
    }
    return Ok{};
}

}  // namespace

Status ModelArchive::checkFile(const QString &path)
{
    const Status s = checkArchive(path);
    if (!s)
        return Error{QStringLiteral("'%1' is not a model file (%2)").arg(path, s.error().message)};
    return s;
}

Status ModelArchive::open(const QString &path, const QString &what, torch::serialize::InputArchive &archive)
{
    const Status checked = checkArchive(path);
    if (!checked) {
        // Not a zip at all (empty, text, an image, a folder): describeUnreadableModel says what
        // it is. A zip that fails the checks is damaged, or not one of our files.
        QFile f(path);
        if (QFileInfo(path).isDir() || !f.open(QIODevice::ReadOnly) || !f.read(4).startsWith(QByteArrayLiteral("PK\x03\x04")))
            return describeUnreadableModel(path, what, checked.error().message);
        return Error{QStringLiteral("'%1' is a damaged or truncated %2, or not one (%3 bytes: %4)")
                         .arg(path, what, QString::number(QFileInfo(path).size()), checked.error().message)};
    }
    try {
        archive.load_from(path.toStdString(), torch::kCPU);
    } catch (const std::exception &e) {
        return describeUnreadableModel(path, what, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    } catch (...) {
        return describeUnreadableModel(path, what, QStringLiteral("unknown error"));
    }
    try {
        const Status tensors = checkTensors(archive, 0);
        if (!tensors)
            return Error{QStringLiteral("'%1' is a damaged %2: %3").arg(path, what, tensors.error().message)};
    } catch (...) {
        return Error{QStringLiteral("'%1' is a damaged %2 (its tensors cannot be read)").arg(path, what)};
    }
    return Ok{};
}

Status ModelArchive::loadWeights(torch::nn::Module &module, torch::serialize::InputArchive &archive)
{
    try {
        torch::NoGradGuard noGrad;
        const auto load = [&](const std::string &key, torch::Tensor &target, bool buffer) -> Status {
            torch::Tensor t;
            if (!archive.try_read(key, t, buffer) || !t.defined())
                return Error{QStringLiteral("no weights for '%1'").arg(QString::fromStdString(key))};
            if (t.scalar_type() != target.scalar_type() || t.sizes() != target.sizes() || !insideStorage(t))
                return Error{QStringLiteral("the weights '%1' have shape %2, not %3")
                                 .arg(QString::fromStdString(key), shapeText(t.sizes()), shapeText(target.sizes()))};
            target.copy_(t);
            return Ok{};
        };
        // Module::load's order and nesting: own parameters, own buffers, then each child.
        for (auto &p : module.named_parameters(/*recurse=*/false)) {
            // try_read assigns into the tensor it is given: read into a fresh one, then copy.
            const Status s = load(p.key(), p.value(), false);
            if (!s)
                return s;
        }
        for (auto &b : module.named_buffers(/*recurse=*/false)) {
            const Status s = load(b.key(), b.value(), true);
            if (!s)
                return s;
        }
        for (const auto &child : module.named_children()) {
            torch::serialize::InputArchive childArchive;
            if (!archive.try_read(child.key(), childArchive))
                return Error{QStringLiteral("no weights for '%1'").arg(QString::fromStdString(child.key()))};
            const Status s = loadWeights(*child.value(), childArchive);
            if (!s)
                return s;
        }
    } catch (const std::exception &e) {
        return Error{QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)};
    } catch (...) {
        return Error{QStringLiteral("unreadable weights")};
    }
    return Ok{};
}

Status ModelArchive::replace(const QString &tmp, const QString &path)
{
    const QByteArray from = QFile::encodeName(tmp), to = QFile::encodeName(path);
    const int fd = ::open(from.constData(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!synced || std::rename(from.constData(), to.constData()) != 0) {
        QFile::remove(tmp);
        return Error{QStringLiteral("cannot move the new file into place at '%1'").arg(path)};
    }
    // The rename itself reaches the disk with the folder (best effort: not every file system
    // lets a folder be opened for this).
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return Ok{};
}

}  // namespace aichopin
