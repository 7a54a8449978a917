#include "models/dictionaries/Dictionaries.h"

#include <QList>

#include <array>

namespace shebao {

namespace {

constexpr std::array kIds{"ethnicity", "insurance", "hukou", "employment_form",
                          "identity",  "change_type", "change_reason", "district"};
enum Index { Ethnicity, Insurance, Hukou, EmploymentForm, Identity, ChangeType, ChangeReason, District };

struct Store
{
    QList<Dictionary> dictionaries;
    Result<void> status;
};

const Store &store()
{
    // C++ guarantees a function-local static is initialised exactly once, even under threads.
    static const Store s = [] {
        Store st;
        for (const char *id : kIds) {
            Result<Dictionary> d = Dictionary::load(Dictionaries::resourcePath(QLatin1String(id)));
            if (d) {
                st.dictionaries.append(std::move(d).value());
            } else {
                if (st.status.ok())
                    st.status = d.error();
                st.dictionaries.append(Dictionary());
            }
        }
        return st;
    }();
    return s;
}

const Dictionary &at(Index i)
{
    return store().dictionaries.at(i);
}

} // namespace

QString Dictionaries::resourcePath(const QString &id)
{
    return QStringLiteral(":/data/dictionaries/") + id + QStringLiteral(".json");
}

const Dictionary &Dictionaries::ethnicity() { return at(Ethnicity); }
const Dictionary &Dictionaries::insurance() { return at(Insurance); }
const Dictionary &Dictionaries::hukou() { return at(Hukou); }
const Dictionary &Dictionaries::employmentForm() { return at(EmploymentForm); }
const Dictionary &Dictionaries::identity() { return at(Identity); }
const Dictionary &Dictionaries::changeType() { return at(ChangeType); }
const Dictionary &Dictionaries::changeReason() { return at(ChangeReason); }
const Dictionary &Dictionaries::district() { return at(District); }

QStringList Dictionaries::ids()
{
    QStringList out;
    for (const char *id : kIds)
        out.append(QLatin1String(id));
    return out;
}

const Dictionary &Dictionaries::byId(QStringView id)
{
    static const Dictionary empty;
    for (qsizetype i = 0; i < qsizetype(kIds.size()); ++i) {
        if (id == QLatin1String(kIds[i]))
            return store().dictionaries.at(i);
    }
    return empty;
}

Result<void> Dictionaries::status()
{
    return store().status;
}

} // namespace shebao
