#include "ArgumentReader.h"

namespace shebao::cli {

ArgumentReader::ArgumentReader(QStringList args) : m_args(std::move(args)), m_used(m_args.size(), false)
{
}

std::optional<QString> ArgumentReader::value(const QString &name)
{
    const QString withEquals = name + u'=';
    std::optional<QString> found;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (m_used.at(i))
            continue;
        const QString &arg = m_args.at(i);
        if (arg.startsWith(withEquals)) {
            m_used[i] = true;
            found = arg.mid(withEquals.size());
        } else if (arg == name) {
            m_used[i] = true;
            // The value may itself start with '-' (a negative wage must reach the check that
            // refuses it with its own message, not become "unknown option").
            if (i + 1 < m_args.size()) {
                m_used[i + 1] = true;
                found = m_args.at(++i);
            } else {
                m_missingValue = name;
            }
        }
    }
    return found;
}

QStringList ArgumentReader::values(const QString &name)
{
    const QString withEquals = name + u'=';
    QStringList found;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (m_used.at(i))
            continue;
        const QString &arg = m_args.at(i);
        if (arg.startsWith(withEquals)) {
            m_used[i] = true;
            found << arg.mid(withEquals.size());
        } else if (arg == name) {
            m_used[i] = true;
            if (i + 1 < m_args.size()) {
                m_used[i + 1] = true;
                found << m_args.at(++i);
            } else {
                m_missingValue = name;
            }
        }
    }
    return found;
}

bool ArgumentReader::flag(const QString &name)
{
    bool found = false;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (!m_used.at(i) && m_args.at(i) == name) {
            m_used[i] = true;
            found = true;
        }
    }
    return found;
}

QStringList ArgumentReader::positional()
{
    QStringList list;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (!m_used.at(i) && !m_args.at(i).startsWith(QLatin1String("--"))) {
            m_used[i] = true;
            list << m_args.at(i);
        }
    }
    return list;
}

QString ArgumentReader::unknown() const
{
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (!m_used.at(i))
            return m_args.at(i);
    }
    return {};
}

Error usageError(const QString &message, const QString &field)
{
    return Error{QStringLiteral("cli.usage"), message, {}, field};
}

} // namespace shebao::cli
