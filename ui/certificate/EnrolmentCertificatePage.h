#pragma once

#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

#include "models/certificate/Certificate.h"
#include "models/domain/Person.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableView;

namespace shebao {
class EnrolmentCertificateService;
class Session;
} // namespace shebao

namespace shebao::ui {

class CertificateHistoryModel;
class FormPrinter;
class PersonPickerModel;

// 单位查询 → 参保证明 (guide 单位社保证明打印): 选择想打印的项目 (the kind; a person for the 个人参保缴费
// 证明) → 打印用途 (required) → 生成参保证明 → preview, print or save the PDF; below, the history of
// the unit's certificates, any of which can be printed again (the record is fetched with its
// signed content, so a reprint is the original). Issuing needs the server: offline sessions see
// the history they cannot refresh and a note.
class EnrolmentCertificatePage : public QWidget
{
    Q_OBJECT

public:
    EnrolmentCertificatePage(EnrolmentCertificateService &service, Session &session, FormPrinter &printer,
                             QWidget *parent = nullptr);

    // The people of the unit the person picker offers (from the local cache). Kept as given
    // (implicitly shared); the picker is filled when the person kind is first chosen.
    void setPersons(const QList<Person> &persons);
    // Reloads the history from the server and updates what may be done.
    void refresh();

    // The certificate issued last on this page, if any.
    const std::optional<IssuedCertificate> &current() const { return m_current; }

signals:
    // For tests and the status bar: a line was shown to the clerk.
    void messageShown(const QString &message);

private:
    CertificateKind chosenKind() const;
    QString chosenPersonNo() const;
    void updateState();
    void fillPicker();
    void generate();
    void showIssued(const IssuedCertificate &certificate);
    void showMessage(const QString &message, bool error = false);
    void showFieldError(const QString &field, const QString &message);
    // Runs `action` on the full record of the selected history row (fetched when needed).
    void withSelectedRecord(const std::function<void(const IssuedCertificate &)> &action);
    void openVerificationPage();

    EnrolmentCertificateService &m_service;
    Session &m_session;
    FormPrinter &m_printer;
    QButtonGroup *m_kindGroup;
    QRadioButton *m_unitRadio;
    QRadioButton *m_rosterRadio;
    QRadioButton *m_personRadio;
    QComboBox *m_personCombo;
    PersonPickerModel *m_personModel;
    QList<Person> m_persons;
    bool m_pickerFilled = false;
    QLabel *m_personError;
    QLineEdit *m_purposeEdit;
    QLabel *m_purposeError;
    QPushButton *m_generateButton;
    QLabel *m_issuedLabel;
    QPushButton *m_previewButton;
    QPushButton *m_printButton;
    QPushButton *m_savePdfButton;
    QPushButton *m_openVerificationButton;
    QLabel *m_messageLabel;
    CertificateHistoryModel *m_history;
    QTableView *m_historyView;
    QPushButton *m_refreshButton;
    QPushButton *m_reprintButton;
    QPushButton *m_reprintPdfButton;
    std::optional<IssuedCertificate> m_current;
    bool m_busy = false;
};

} // namespace shebao::ui
