#include "models/change/ChangeRequest.h"

namespace shebao {

namespace {

struct StateCode
{
    ChangeState state;
    const char *code;
    const char *name;
};

constexpr StateCode States[] = {
    {ChangeState::Applied, "applied", "已生效"},   {ChangeState::Pending, "pending", "待审核"},
    {ChangeState::Approved, "approved", "已生效"}, {ChangeState::Rejected, "rejected", "已退回"},
    {ChangeState::Withdrawn, "withdrawn", "已撤回"},
};

} // namespace

QString changeStateCode(ChangeState state)
{
    for (const StateCode &s : States) {
        if (s.state == state)
            return QString::fromLatin1(s.code);
    }
    return {};
}

bool parseChangeState(const QString &code, ChangeState *state)
{
    for (const StateCode &s : States) {
        if (code == QLatin1String(s.code)) {
            *state = s.state;
            return true;
        }
    }
    return false;
}

QString changeStateName(ChangeState state)
{
    for (const StateCode &s : States) {
        if (s.state == state)
            return QString::fromUtf8(s.name);
    }
    return {};
}

bool isEffective(ChangeState state)
{
    return state == ChangeState::Applied || state == ChangeState::Approved;
}

} // namespace shebao
