#include "models/domain/Unit.h"

namespace shebao {

QString accountLevelCode(AccountLevel level)
{
    switch (level) {
    case AccountLevel::Ordinary: return QStringLiteral("ordinary");
    case AccountLevel::Authorized: return QStringLiteral("authorized");
    case AccountLevel::Certificate: return QStringLiteral("certificate");
    }
    return QStringLiteral("ordinary");
}

bool parseAccountLevel(const QString &code, AccountLevel *level)
{
    for (AccountLevel l : {AccountLevel::Ordinary, AccountLevel::Authorized, AccountLevel::Certificate}) {
        if (accountLevelCode(l) == code) {
            *level = l;
            return true;
        }
    }
    return false;
}

} // namespace shebao
