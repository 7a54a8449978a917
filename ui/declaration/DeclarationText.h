#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

#include "models/cache/OutboxStore.h"
#include "models/declaration/Declaration.h"

namespace shebao::ui {

// The words the 异动申报 screens share, in one place so every page says the same thing.
class DeclarationText
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::DeclarationText)

public:
    static QString kindName(DeclarationKind kind);          // 新增 / 续保 / 减少
    static QString itemStateName(ItemState state);
    static QString batchStateName(BatchState state);
    static QString periodStatus(const QString &statusCode);  // active / suspended / terminated
    static QString insuranceName(const QString &code);       // 养老, 失业, ...
    static QString insuranceList(const QStringList &codes);  // "养老、失业、工伤"
    static QString changeTypeName(const QString &code);
    static QString changeReasonName(const QString &code);
    static QString month(const QString &yyyyMm);             // "2026-12" -> "2026年12月"
    static QString outboxStateName(OutboxEntry::State state);
    // (text, "YYYY-MM") for the months a 参保开始年月 / 停保年月 may be: the current month and the
    // two before it (guide: 参保时间最长可往前选两个月), newest first.
    static QList<QPair<QString, QString>> allowedMonths(QDate today = QDate::currentDate());
    // One line about an item for lists and confirmations: "新增 张三 430102********1234 2026年12月".
    static QString itemSummary(const DeclarationItem &item);
};

} // namespace shebao::ui
