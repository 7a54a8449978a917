#pragma once

#include <QJsonObject>
#include <QList>
#include <QTextStream>

#include "models/change/ChangeRequest.h"
#include "models/core/Result.h"

// What `change` and `changes` print of 信息维护 requests (docs/cli.md).
namespace shebao::cli {

// A refusal of the request itself (a rule: change.unchanged, attachment.missing, upload.type,
// creditcode.checksum, change.state …) is a problem of the input (exit 1); transport, login,
// signature and client failures mean the command could not run (exit 2).
bool isChangeInputProblem(const Error &error);

// {"requests": [json::encode(request), …]}
QJsonObject requestsJson(const QList<ChangeRequest> &requests);

// One request with its fields side by side (变更前 / 变更后 by display value), the proofs and, for
// a pending one, what the unit does next.
void printRequest(QTextStream &out, const ChangeRequest &request);
// The list of 信息维护 requests, one line each.
void printRequestList(QTextStream &out, const QList<ChangeRequest> &requests);

} // namespace shebao::cli
