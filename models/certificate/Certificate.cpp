#include "models/certificate/Certificate.h"

#include "models/validation/TextFold.h"

namespace shebao {

QString certificateKindCode(CertificateKind kind)
{
    switch (kind) {
    case CertificateKind::Unit: return QStringLiteral("unit");
    case CertificateKind::Roster: return QStringLiteral("roster");
    case CertificateKind::Person: return QStringLiteral("person");
    }
    return {};
}

bool parseCertificateKind(const QString &code, CertificateKind *kind)
{
    for (CertificateKind k : {CertificateKind::Unit, CertificateKind::Roster, CertificateKind::Person}) {
        if (code == certificateKindCode(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString certificateKindName(CertificateKind kind)
{
    switch (kind) {
    case CertificateKind::Unit: return QStringLiteral("单位参保证明");
    case CertificateKind::Roster: return QStringLiteral("参保人员名单");
    case CertificateKind::Person: return QStringLiteral("个人参保缴费证明");
    }
    return {};
}

QString certificateStateCode(CertificateState state)
{
    switch (state) {
    case CertificateState::Valid: return QStringLiteral("valid");
    case CertificateState::Expired: return QStringLiteral("expired");
    case CertificateState::Revoked: return QStringLiteral("revoked");
    }
    return {};
}

bool parseCertificateState(const QString &code, CertificateState *state)
{
    for (CertificateState s : {CertificateState::Valid, CertificateState::Expired, CertificateState::Revoked}) {
        if (code == certificateStateCode(s)) {
            *state = s;
            return true;
        }
    }
    return false;
}

QString certificateStateName(CertificateState state)
{
    switch (state) {
    case CertificateState::Valid: return QStringLiteral("有效");
    case CertificateState::Expired: return QStringLiteral("已过期");
    case CertificateState::Revoked: return QStringLiteral("已撤销");
    }
    return {};
}

namespace CertificateCode {

bool isWellFormed(QStringView code)
{
    if (code.size() != Length)
        return false;
    const QLatin1StringView alphabet(Alphabet);
    for (QChar c : code) {
        if (!alphabet.contains(c))
            return false;
    }
    return true;
}

QString normalize(QStringView typed)
{
    QString folded = TextFold::fold(typed).toUpper();
    QString code;
    code.reserve(Length);
    for (QChar c : std::as_const(folded)) {
        if (c == u'-' || TextFold::isBlank(c))
            continue;
        code.append(c);
    }
    return isWellFormed(code) ? code : QString();
}

QString grouped(QStringView code)
{
    QString out;
    for (qsizetype i = 0; i < code.size(); i += 4) {
        if (i > 0)
            out.append(u'-');
        out.append(code.mid(i, 4));
    }
    return out;
}

} // namespace CertificateCode

} // namespace shebao
