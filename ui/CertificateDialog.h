#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace shebao {

class CertificateStore;

// 系统管理 → 证书管理: imports a certificate user's credential (PKCS#12 .p12/.pfx, or a PEM key
// and certificate) protected by its PIN, and lists the imported ones with subject, issuer,
// validity and serial; one that expires within 30 days is flagged, in the list and above it.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int WarningDays = 30;

    CertificateDialog(CertificateStore &store, const QString &unitNo, QWidget *parent = nullptr);

    QString errorText() const;

private:
    void importPkcs12();
    void importPemPair();
    void reload();
    void showError(const QString &message);

    CertificateStore &m_store;
    QString m_unitNo;
    QLineEdit *m_pinEdit;
    QTreeWidget *m_list;
    QLabel *m_warningLabel;
    QLabel *m_errorLabel;
};

} // namespace shebao
