#include <QJsonObject>

#include "CliContext.h"
#include "Command.h"

namespace shebao::cli {

namespace {

class VersionCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("version"); }
    QString usage() const override { return QStringLiteral("version"); }
    QString summary() const override { return QStringLiteral("print the program's version"); }

    int run(CliContext &context, const QStringList &args) override
    {
        if (!args.isEmpty())
            return context.usageError(QStringLiteral("version takes no arguments: %1").arg(args.join(u' ')));
        const QString version = QStringLiteral(SHEBAO_VERSION);
        if (context.json()) {
            context.printJson({{QStringLiteral("name"), QStringLiteral("shebao-cli")},
                               {QStringLiteral("version"), version},
                               {QStringLiteral("qt"), QString::fromLatin1(qVersion())}});
        } else {
            context.out() << "shebao-cli " << version << " (Qt " << qVersion() << ")\n";
        }
        return ExitOk;
    }
};

const RegisterCommand<VersionCommand> registered;

} // namespace

} // namespace shebao::cli
