#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include "models/core/Result.h"

namespace shebao::cli {

// Reads a subcommand's own options: "--name VALUE" or "--name=VALUE", flags, and positional
// arguments, in any order. Commands ask for each option once; whatever nobody asked for is an
// unknown argument (unknown()), so a typo never silently falls back to a default.
class ArgumentReader
{
public:
    explicit ArgumentReader(QStringList args);

    // The value of --name; nullopt when absent. missingValue() names the option when it was
    // given without a value.
    std::optional<QString> value(const QString &name);
    // Every value of an option that may be repeated ("--set A=1 --set B=2"), in order.
    QStringList values(const QString &name);
    bool flag(const QString &name);
    // Positional arguments (not starting with "--"), in order.
    QStringList positional();

    QString missingValue() const { return m_missingValue; }
    // The first argument nobody asked for, or empty.
    QString unknown() const;

private:
    QStringList m_args;
    QList<bool> m_used;
    QString m_missingValue;
};

// A mistake in how a command was called (exit 2): cli.usage with the Chinese message and the
// option or argument it is about.
Error usageError(const QString &message, const QString &field = QString());

} // namespace shebao::cli
