#include <QJsonArray>
#include <QJsonObject>

#include "CliContext.h"
#include "Command.h"
#include "TextTable.h"
#include "models/domain/JsonCodec.h"

namespace shebao::cli {

namespace {

// The 险种 columns of the table, in the order of the portal.
const QStringList Insurances{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                             QStringLiteral("410"), QStringLiteral("510")};

QString maskedIdNumber(const QString &id)
{
    if (id.size() <= 10)
        return QString(id.size(), u'*');
    return id.left(6) + QString(id.size() - 10, u'*') + id.right(4);
}

QString statusText(const Person &person, const QString &insurance)
{
    EnrolmentStatus status;
    if (!person.statusOf(insurance, &status))
        return QStringLiteral("-");
    switch (status) {
    case EnrolmentStatus::Active: return QStringLiteral("active");
    case EnrolmentStatus::Suspended: return QStringLiteral("suspended");
    case EnrolmentStatus::Terminated: return QStringLiteral("ended");
    }
    return QStringLiteral("-");
}

// Logs in and lists the unit's people: a table (ID numbers masked unless --reveal) or, with
// --json, {"unit_no", "total", "persons": [Person JSON]}.
class PersonsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("persons"); }
    QString usage() const override { return QStringLiteral("persons [--reveal]"); }
    QString summary() const override
    {
        return QStringLiteral("list the unit's people (needs a login: --unit + --password-stdin, or --cert + --pin-stdin)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        bool reveal = false;
        for (const QString &arg : args) {
            if (arg == QLatin1String("--reveal"))
                reveal = true;
            else
                return context.usageError(QStringLiteral("persons: unknown argument %1").arg(arg));
        }
        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        ApiClient *client = context.api().value();

        QList<Person> persons;
        qint64 total = 0;
        qint64 after = 0;
        for (;;) {
            auto page = context.wait<PersonsPage>([client, after](QObject *c, ApiClient::Callback<PersonsPage> done) {
                client->fetchPersonsPage(after, 5000, c, std::move(done));
            });
            if (!page)
                return context.fail(page.error());
            total = page.value().total;
            persons += page.value().items;
            if (!page.value().hasMore)
                break;
            after = page.value().nextAfter;
        }

        const QString unitNo = login.value().unitNo.isEmpty() ? context.options().unitNo : login.value().unitNo;
        if (context.json()) {
            QJsonArray array;
            for (const Person &p : persons)
                array.append(json::encode(p));
            context.printJson({{QStringLiteral("unit_no"), unitNo},
                               {QStringLiteral("total"), total},
                               {QStringLiteral("persons"), array}});
            return ExitOk;
        }
        context.out() << unitNo << ' ' << login.value().unitName << '\n';
        TextTable table(QStringList{QStringLiteral("id"), QStringLiteral("person no."), QStringLiteral("name"),
                                    QStringLiteral("ID number")}
                        + Insurances);
        for (const Person &p : persons) {
            QStringList row{QString::number(p.id), p.personNo, p.name, reveal ? p.idNumber : maskedIdNumber(p.idNumber)};
            for (const QString &insurance : Insurances)
                row << statusText(p, insurance);
            table.addRow(row);
        }
        table.print(context.out());
        context.out() << persons.size() << " people (server total " << total << ")\n";
        return ExitOk;
    }
};

const RegisterCommand<PersonsCommand> registered;

} // namespace

} // namespace shebao::cli
