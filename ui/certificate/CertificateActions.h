#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/certificate/Certificate.h"

class QWidget;

namespace shebao {
class LocalCache;
}

namespace shebao::ui {

class FormPrinter;

// A 参保证明 record (with its content) on paper or as PDF, for the freshly issued one and for a
// reprint from the history: the same record prints the same form. Each answers the line to show
// the clerk (empty when they cancelled); prints are recorded in the cache.
class CertificateActions
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::CertificateActions)

public:
    static QString preview(QWidget *parent, FormPrinter &printer, const IssuedCertificate &certificate,
                           LocalCache *cache);
    static QString print(QWidget *parent, FormPrinter &printer, const IssuedCertificate &certificate,
                         LocalCache *cache);
    static QString savePdf(QWidget *parent, const IssuedCertificate &certificate, LocalCache *cache);

private:
    static QString onPaper(QWidget *parent, FormPrinter &printer, const IssuedCertificate &certificate,
                           LocalCache *cache, bool preview);
};

} // namespace shebao::ui
