#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace shebao {

// An error as a value: a stable machine code, a one-line Chinese summary for the user and an
// optional detail (field name, server text, ...). Layers below the UI never throw.
struct Error
{
    QString code;    // stable, e.g. "net.unreachable", "auth.locked", "id.checksum"
    QString message; // one line, Chinese, shown to the user
    QString detail;  // optional: what exactly, for the details pane and logs
    QString field;   // optional: the input field the error is about

    bool operator==(const Error &) const = default;
};

// A value or an error. Deliberately small: ok(), value(), error(), and the two factories.
template <typename T>
class Result
{
public:
    using value_type = T;

    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    // By value: `for (auto &x : make().value().list)` then iterates a living object (the
    // returned value's lifetime is extended), where a T&& would point into the dead Result.
    T value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success or an error.
template <>
class Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace shebao
