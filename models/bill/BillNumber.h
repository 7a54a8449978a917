#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

// 业务单据号 (docs/bills.md): 17 digits — the issue date yyyyMMdd (Beijing), an 8-digit sequence,
// and one check digit of Damm's algorithm, which detects every single wrong digit and every swap
// of two adjacent digits. (GB/T 17710's MOD 11,10 was the first choice; it misses about 2% of
// adjacent swaps, and a clerk copying a number at a bank counter makes exactly that mistake.)
namespace shebao::BillNumber {

inline constexpr int Length = 17;

// The Damm check digit ('0'..'9') of a string of decimal digits.
QChar checkDigit(QStringView digits);
// Whether `number` is 17 decimal digits whose last is the check digit of the first 16.
bool isValid(QStringView number);
// What the clerk typed, folded: full-width digits to ASCII, spaces and dashes dropped. Returns an
// empty string unless the result is 17 decimal digits (the check digit is not judged here).
QString normalize(QStringView typed);
// The number for an issue date and a sequence value (1..99,999,999); empty when out of range.
QString make(QDate issueDate, qint64 sequence);

} // namespace shebao::BillNumber
