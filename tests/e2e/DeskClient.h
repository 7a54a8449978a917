#pragma once

#include <QEventLoop>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

#include "app/ApiClient.h"
#include "app/DeclarationService.h"
#include "app/OutboxService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"

namespace shebao::test {

// Runs an asynchronous call to its end (60 s at most).
template <typename T>
Result<T> waitFor(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    call([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result)
        return Error{QStringLiteral("test.timeout"), QStringLiteral("no answer within 60 s"), {}, {}};
    return std::move(*result);
}

// One run of the client's declaration services on a cache file, as shebao-desk wires them
// (ApiClient, Session with the unit's LocalCache, OutboxService, DeclarationService). Destroying
// it and making a new one on the same file is a restart of the program.
struct DeskClient
{
    ApiClient api;
    Session session;
    std::unique_ptr<OutboxService> outbox;
    std::unique_ptr<DeclarationService> declarations;

    DeskClient(const QUrl &server, const QString &caFile)
    {
        api.setBaseUrl(server);
        api.addCaCertificatesFromFile(caFile);
        outbox = std::make_unique<OutboxService>(&api, &session);
        outbox->setRetryInterval(0); // the tests decide when to flush
        declarations = std::make_unique<DeclarationService>(&api, &session);
    }
    ~DeskClient()
    {
        outbox.reset();
        declarations.reset();
        session.end();
    }

    // Logs in and begins the session on the cache file (which flushes the outbox).
    Result<LoginReply> login(const QString &unitNo, const QString &password, const QString &cachePath)
    {
        auto reply = waitFor<LoginReply>([&](auto done) { api.login(unitNo, password, &session, done); });
        if (!reply)
            return reply;
        api.setToken(reply.value().token);
        auto cache = std::make_unique<LocalCache>();
        if (auto opened = cache->open(cachePath); !opened)
            return opened.error();
        session.begin(unitNo, reply.value().unitName, reply.value().level, false, std::move(cache),
                      reply.value().expiresAt);
        return reply;
    }

    Result<OutboxEntry> submit(const DeclarationItem &item)
    {
        return waitFor<OutboxEntry>([&](auto done) { outbox->submit(item, done); });
    }

    // flush() and wait for its end; the error that stopped it (empty code: none).
    Error flush()
    {
        Error stop{QStringLiteral("test.timeout"), {}, {}, {}};
        QEventLoop loop;
        QObject::connect(outbox.get(), &OutboxService::flushFinished, &loop, [&](const Error &e) {
            stop = e;
            loop.quit();
        });
        outbox->flush();
        if (outbox->isFlushing()) {
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            loop.exec();
        } else if (stop.code == QLatin1String("test.timeout")) {
            stop = Error{}; // nothing to send, or it ended synchronously
        }
        return stop;
    }
};

} // namespace shebao::test
