#include "ui/CertificateDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/CertificateStore.h"
#include "ui/widgets/FileDialog.h"

namespace shebao {

CertificateDialog::CertificateDialog(CertificateStore &store, const QString &unitNo, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_unitNo(unitNo)
    , m_pinEdit(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_warningLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Certificate management"));

    m_pinEdit->setObjectName(QStringLiteral("pinLineEdit"));
    m_pinEdit->setEchoMode(QLineEdit::Password);
    m_pinEdit->setAccessibleName(tr("PIN of the certificate file"));
    auto *form = new QFormLayout;
    form->addRow(tr("&PIN"), m_pinEdit);

    auto *importP12 = new QPushButton(tr("Import &PKCS#12 (.p12/.pfx)..."), this);
    importP12->setObjectName(QStringLiteral("importPkcs12PushButton"));
    importP12->setAccessibleName(tr("Import PKCS#12"));
    auto *importPem = new QPushButton(tr("Import P&EM key and certificate..."), this);
    importPem->setObjectName(QStringLiteral("importPemPushButton"));
    importPem->setAccessibleName(tr("Import PEM key and certificate"));
    connect(importP12, &QPushButton::clicked, this, &CertificateDialog::importPkcs12);
    connect(importPem, &QPushButton::clicked, this, &CertificateDialog::importPemPair);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(importP12);
    buttons->addWidget(importPem);
    buttons->addStretch();

    m_list->setObjectName(QStringLiteral("certificateTreeWidget"));
    m_list->setAccessibleName(tr("Imported certificates"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Subject"), tr("Issuer"), tr("Valid from"), tr("Valid until"), tr("Serial")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_warningLabel->setObjectName(QStringLiteral("expiryWarningLabel"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5a4500; padding: 6px; }"));
    m_errorLabel->setObjectName(QStringLiteral("certificateErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setVisible(false);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    close->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(close);
    resize(820, 420);
    reload();
}

QString CertificateDialog::errorText() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

void CertificateDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void CertificateDialog::importPkcs12()
{
    const QString path = ui::FileDialog::getOpenFileName(this, tr("Import a certificate"), QString(),
                                                         tr("PKCS#12 files (*.p12 *.pfx)"));
    if (path.isEmpty())
        return;
    Result<StoredCertificate> imported = m_store.importPkcs12(path, m_pinEdit->text().toUtf8(), m_unitNo);
    showError(imported ? QString() : imported.error().message);
    reload();
}

void CertificateDialog::importPemPair()
{
    const QString key = ui::FileDialog::getOpenFileName(this, tr("Choose the private key (PEM)"), QString(),
                                                        tr("PEM files (*.pem *.key)"));
    if (key.isEmpty())
        return;
    const QString certificate = ui::FileDialog::getOpenFileName(this, tr("Choose the certificate (PEM)"), QString(),
                                                                tr("PEM files (*.pem *.crt *.cer)"));
    if (certificate.isEmpty())
        return;
    Result<StoredCertificate> imported = m_store.importPemPair(key, certificate, m_pinEdit->text().toUtf8(), m_unitNo);
    showError(imported ? QString() : imported.error().message);
    reload();
}

void CertificateDialog::reload()
{
    m_list->clear();
    QStringList expiring;
    const QLocale locale;
    for (const StoredCertificate &c : m_store.forUnit(m_unitNo)) {
        auto *item = new QTreeWidgetItem(m_list, {c.subject, c.issuer, locale.toString(c.notBefore.toLocalTime(), QLocale::ShortFormat),
                                                  locale.toString(c.notAfter.toLocalTime(), QLocale::ShortFormat), c.serial});
        if (c.expiresWithin(WarningDays)) {
            const QString warning = tr("Expires in %n day(s)", nullptr, int(c.daysLeft()));
            item->setForeground(3, QColor(0xc0, 0x00, 0x00));
            item->setToolTip(3, warning);
            item->setData(3, Qt::AccessibleDescriptionRole, warning);
            expiring << tr("%1 (serial %2) expires on %3.").arg(c.subject, c.serial, locale.toString(c.notAfter.toLocalTime().date(), QLocale::ShortFormat));
        } else if (c.isExpired()) {
            item->setForeground(3, QColor(0xc0, 0x00, 0x00));
            item->setToolTip(3, tr("Expired"));
        }
    }
    m_warningLabel->setText(expiring.isEmpty() ? QString()
                                               : tr("Renew soon at the counter: %1").arg(expiring.join(QLatin1Char(' '))));
    m_warningLabel->setVisible(!expiring.isEmpty());
}

} // namespace shebao
