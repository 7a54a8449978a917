#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include "models/change/ChangeRequest.h"
#include "app/RetryKey.h"
#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class Session;

// 信息维护 without a window (docs/changes.md): upload proofs, submit a 单位信息变更 or 个人信息变更,
// list the unit's requests with their states, withdraw a pending one. Online only: a change
// needs the agency's current values and its answer (applied at once or waiting for review).
// Every call answers its callback exactly once (unless `context` died); refusals arrive as the
// server's Error (code, Chinese message naming the field, `field` = "changes.<member>").
// Certificate users' POSTs are signed by the ApiClient's signer like every business POST.
class ChangeService : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    ChangeService(ApiClient *api, Session *session, QObject *parent = nullptr);

    // POST /changes/attachments. The file is checked locally first (checkUpload: content, not
    // name; ≤ 5 MB): a disguised, truncated or oversized file fails at once, nothing is sent.
    void upload(AttachmentKind kind, const QString &fileName, const QByteArray &bytes, QObject *context,
                Callback<ChangeAttachment> done);
    // POST /changes. Answers the requests the server created: one `applied` request for the
    // non-key fields and/or one `pending` request for the key fields (docs/changes.md: a mixed
    // submission is split so non-key changes never wait for the review). The idempotency key is
    // kept for the same submission until an answer arrives, so pressing the button again after
    // a timeout never submits twice.
    void submit(const ChangeSubmission &submission, QObject *context, Callback<QList<ChangeRequest>> done);
    // GET /changes?target=…&state=… (nullopt: all), newest first.
    void requests(std::optional<ChangeTarget> target, std::optional<ChangeState> state, QObject *context,
                  Callback<QList<ChangeRequest>> done);
    // GET /changes/{id}
    void request(qint64 id, QObject *context, Callback<ChangeRequest> done);
    // POST /changes/{id}/withdraw: pending requests only.
    void withdraw(qint64 id, QObject *context, Callback<ChangeRequest> done);

signals:
    // A request was submitted or withdrawn: lists and the cached unit/people should refresh
    // (an applied change altered the agency's record).
    void changed();

private:
    ApiClient *m_api;
    Session *m_session;
    RetryKey m_submitKey;
};

} // namespace shebao
