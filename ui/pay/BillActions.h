#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/bill/Bill.h"

class QWidget;

namespace shebao {
class LocalCache;
}

namespace shebao::ui {

class FormPrinter;

// A bill's 缴费单 (BillSlip) on paper or as PDF: 下载打印 in 断档补缴, 有单缴费 and 银行缴费单查询 alike.
// Each answers the line to show the clerk (empty when they cancelled); prints are recorded in
// the cache.
class BillActions
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::BillActions)

public:
    static QString preview(QWidget *parent, FormPrinter &printer, const Bill &bill, LocalCache *cache);
    static QString print(QWidget *parent, FormPrinter &printer, const Bill &bill, LocalCache *cache);
    static QString savePdf(QWidget *parent, const Bill &bill, LocalCache *cache);

private:
    static QString onPaper(QWidget *parent, FormPrinter &printer, const Bill &bill, LocalCache *cache, bool preview);
};

} // namespace shebao::ui
