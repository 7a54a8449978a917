#include <QJsonObject>

#include "CliContext.h"
#include "Command.h"

namespace shebao::cli {

namespace {

// Is the server there, trusted, and which version does it run? No login needed.
class HealthCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("health"); }
    QString usage() const override { return QStringLiteral("health"); }
    QString summary() const override { return QStringLiteral("check that the server answers over trusted HTTPS"); }

    int run(CliContext &context, const QStringList &args) override
    {
        if (!args.isEmpty())
            return context.usageError(QStringLiteral("health takes no arguments: %1").arg(args.join(u' ')));
        auto api = context.api();
        if (!api)
            return context.fail(api.error());
        ApiClient *client = api.value();
        auto health = context.wait<QJsonObject>(
            [client](QObject *c, ApiClient::Callback<QJsonObject> done) { client->health(c, std::move(done)); });
        if (!health)
            return context.fail(health.error());
        QJsonObject object = health.value();
        object.insert(QStringLiteral("server"), context.options().server.toString());
        if (context.json()) {
            context.printJson(object);
        } else {
            context.out() << context.options().server.toString() << ": "
                          << object.value(QLatin1String("status")).toString() << ", version "
                          << object.value(QLatin1String("version")).toString() << ", time "
                          << object.value(QLatin1String("time")).toString() << '\n';
        }
        return ExitOk;
    }
};

const RegisterCommand<HealthCommand> registered;

} // namespace

} // namespace shebao::cli
