#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include "app/AuthorizationApplication.h"
#include "models/cache/PrintedForm.h"
#include "models/core/Result.h"
#include "printing/FormData.h"

namespace shebao {

class ApiClient;
class Session;

// 系统管理 → 授权申请 without a window: the unit's application as the server has it, where the
// wizard resumes, the 《用户承诺书》 (form "authorization-letter") and the upload of its stamped
// scan. Every action ends in changed() or failed(); the optional callback gets the same result.
class AuthorizationService : public QObject
{
    Q_OBJECT

public:
    // Where the wizard continues for the current state.
    enum class Step {
        Enter,      // none or rejected: enter (again) and save
        Confirm,    // saved: check and confirm
        Print,      // confirmed: print or save the 承诺书 (not printed yet for this application)
        Upload,     // confirmed and printed: upload the stamped scan
        Waiting,    // uploaded: 待柜台开通 at counterAddress
        Activated,  // done: the account is authorized
    };
    Q_ENUM(Step)

    static constexpr const char *LetterFormId = "authorization-letter";

    using Done = std::function<void(Result<AuthorizationApplication>)>;

    AuthorizationService(ApiClient *api, Session *session, QObject *parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    // nullopt: loaded and the unit has no application (or not loaded yet).
    const std::optional<AuthorizationApplication> &application() const { return m_application; }
    AuthorizationState state() const;
    Step resumeStep() const;

    // GET /authorization (404 authorization.none is "no application", not an error).
    void refresh(Done done = {});
    void save(const Applicant &applicant, Done done = {});
    void confirm(Done done = {});
    // Checked here first with checkUpload (content, ≤ 5 MB, JPEG/PNG/PDF): a refused file is
    // never sent, failed() carries the Chinese message of models/files/UploadCheck.h.
    void uploadScan(const QString &filePath, Done done = {});
    void uploadScanBytes(const QString &fileName, const QByteArray &bytes, Done done = {});

    // The 承诺书's placeholders for the current application (error authorization.none without).
    Result<printing::FormData> letterData() const;
    // Writes the 承诺书 as a PDF (needs a QGuiApplication for the fonts) and records it in the
    // session's cache (printed_forms); returns the record.
    Result<PrintedForm> writeLetterPdf(const QString &path);
    // For a print on paper done by the UI (QPrinter): records it.
    Result<PrintedForm> recordLetterPrinted(int pages, const QString &file = QString());
    // Whether the cache has a print of the letter with the current application's data.
    bool letterPrinted() const;


signals:
    void changed();
    void failed(const shebao::Error &error);

private:
    void post(const QString &path, const QJsonObject &body, Done done);
    void finish(Result<AuthorizationApplication> result, const Done &done);

    ApiClient *m_api;
    Session *m_session;
    std::optional<AuthorizationApplication> m_application;
    bool m_loaded = false;
};

} // namespace shebao
