#include "models/declaration/Declaration.h"

#include <array>

namespace shebao {

namespace {

template <typename E, std::size_t N>
struct Names
{
    std::array<std::pair<const char *, const char *>, N> entries; // code, Chinese name
    QString code(E e) const { return QString::fromLatin1(entries[std::size_t(e)].first); }
    QString name(E e) const { return QString::fromUtf8(entries[std::size_t(e)].second); }
    bool parse(const QString &code, E *out) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (code == QLatin1String(entries[i].first)) {
                *out = E(i);
                return true;
            }
        }
        return false;
    }
};

// In enum order.
constexpr Names<DeclarationKind, 3> KindNames{{{{"add", "新增"}, {"renew", "续保"}, {"reduce", "减少"}}}};
constexpr Names<ItemState, 4> ItemStateNames{
    {{{"pending", "待申报"}, {"declared", "已申报"}, {"effective", "已生效"}, {"withdrawn", "已撤销"}}}};
constexpr Names<BatchState, 5> BatchStateNames{{{{"declared", "已申报"},
                                                 {"awaiting_paper", "待交纸质表"},
                                                 {"accepted", "已受理"},
                                                 {"effective", "已生效"},
                                                 {"returned", "退回"}}}};

} // namespace

QString declarationKindCode(DeclarationKind kind) { return KindNames.code(kind); }
QString declarationKindName(DeclarationKind kind) { return KindNames.name(kind); }
bool parseDeclarationKind(const QString &code, DeclarationKind *kind) { return KindNames.parse(code, kind); }

QString itemStateCode(ItemState state) { return ItemStateNames.code(state); }
QString itemStateName(ItemState state) { return ItemStateNames.name(state); }
bool parseItemState(const QString &code, ItemState *state) { return ItemStateNames.parse(code, state); }

QString batchStateCode(BatchState state) { return BatchStateNames.code(state); }
QString batchStateName(BatchState state) { return BatchStateNames.name(state); }
bool parseBatchState(const QString &code, BatchState *state) { return BatchStateNames.parse(code, state); }

} // namespace shebao
