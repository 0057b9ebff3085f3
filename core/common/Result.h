#pragma once
// A value or an error a person can read. Used by every core operation that can fail on user
// input, so failures travel as data instead of exceptions across threads and the CLI.

#include <QString>

#include <optional>
#include <utility>

namespace aichopin {

struct Error {
    QString message;
    qint64 offset = -1;  // byte offset in the input where the problem was found, -1 if none

    // "message (at byte N)" when an offset is known.
    QString toString() const
    {
        return offset >= 0 ? QStringLiteral("%1 (at byte %2)").arg(message).arg(offset) : message;
    }
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    // Precondition: ok().
    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }

    // Precondition: !ok().
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// For operations that produce nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace aichopin
