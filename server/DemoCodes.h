#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace shebao::server::demo {

// A small deterministic PRNG (splitmix64): the demo data must be the same on every machine
// and every run, so no std::random_device and no library-dependent distributions.
class Prng
{
public:
    explicit Prng(quint64 seed) : m_state(seed) {}
    quint64 next();
    int range(int lowInclusive, int highInclusive);   // uniform enough for demo data
    bool chance(int percent) { return range(0, 99) < percent; }
    template <typename List>
    const auto &pick(const List &list) { return list.at(range(0, int(list.size()) - 1)); }

private:
    quint64 m_state;
};

// GB 11643 check character of the first 17 characters of an ID number.
QChar idNumberCheck(QStringView first17);

// A GB 32100 unified social credit code: registration authority "9" + type "1" + region (6) +
// organisation code (8 characters + its GB 11714 check) + the GB 32100 check character.
QString creditCode(QStringView region6, QStringView organisation8);

// The dictionary values the demo people use. Names stand in for codes until the dictionaries
// (models/dictionaries) are wired in; switch them here, in one place.
struct DemoDictionary
{
    QStringList hukou;            // 户口性质 codes
    QStringList employmentForms;  // 用工形式 codes
    QStringList identities;       // 个人身份 codes
    QStringList minorEthnicities; // GB/T 3304 codes other than 01 common in Hunan
    QStringList regions;          // GB/T 2260 codes of Changsha's districts and counties
    QStringList surnames;
    QStringList maleGiven;
    QStringList femaleGiven;
};
const DemoDictionary &dictionary();

} // namespace shebao::server::demo
