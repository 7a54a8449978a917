#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include "models/domain/Person.h"

namespace shebao::cache {

// The packed form of one person (all fields and enrolments, without the id) as the cache stores
// it: one BLOB per person instead of a row per enrolment period. Measured here with QtSql, a row
// per period (~6 per person) cost ~2.4 s of inserts for 100,000 people and ~1 s to read back;
// one row per person with this record writes 100,000 people in ~0.3 s of CPU and reads them
// back in ~0.17 s, which the 3 s first-sync budget needs.
// Layout: format byte, then length-prefixed UTF-8 strings (LEB128 lengths), the enrolment count,
// and per enrolment its strings, a status byte and the wage base in fen (zig-zag LEB128).
QByteArray packPerson(const Person &person);

// Codes, dates and months repeat across 100,000 people: loading them through a pool shares one
// QString per distinct value, which saves most of the allocations and memory of a full load.
class StringPool
{
public:
    QString get(const char *utf8, qsizetype size);

private:
    QHash<QByteArray, QString> m_strings;
};

// False if the record is truncated or of an unknown format; *person is then unspecified.
bool unpackPerson(QByteArrayView record, Person *person, StringPool *pool = nullptr);

} // namespace shebao::cache
