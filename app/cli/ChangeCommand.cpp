#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "ChangeOutput.h"
#include "CliContext.h"
#include "CliSession.h"
#include "Command.h"
#include "app/ChangeForm.h"
#include "app/ChangeService.h"
#include "models/cache/LocalCache.h"
#include "models/change/ChangeJson.h"
#include "models/dictionaries/Dictionaries.h"

namespace shebao::cli {

namespace {

struct Attach
{
    AttachmentKind kind;
    QString path;
};

// A value as the user may type it: dictionary fields and 性别 by name or code ("岳麓区" or
// "430104", "女" or "2"); everything else as given. What is not recognised goes to the server
// unchanged, which refuses it with its own message (dict.unknown names the field).
QString storedValue(const ChangeField &field, const QString &typed)
{
    const QString value = typed.trimmed();
    if (field.type == ChangeValueType::Gender) {
        if (value == u"男")
            return QStringLiteral("1");
        if (value == u"女")
            return QStringLiteral("2");
    }
    if (field.type == ChangeValueType::Code && !value.isEmpty()) {
        if (const auto entry = Dictionaries::byId(field.dictionary).find(value))
            return entry->code;
    }
    return value;
}

// The file's bytes; a huge file is not read whole: its first 5 MB + 1 byte are enough for
// checkUpload to refuse it as too large.
Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("upload.unreadable"), QStringLiteral("无法读取文件 %1：%2").arg(path, file.errorString()),
                     {}, QStringLiteral("attach")};
    constexpr qint64 WholeFileLimit = 64 * 1024 * 1024;
    return file.size() > WholeFileLimit ? file.read(5 * 1024 * 1024 + 1) : file.readAll();
}

// shebao-cli change unit|person …: 单位信息变更 / 个人信息变更. Uploads the proofs (checked here by
// content first), submits the new values and prints the requests the server made: non-key
// fields 已生效 at once, key fields 待审核. --form writes the paper of the pending request.
class ChangeCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("change"); }
    QString usage() const override
    {
        return QStringLiteral("change unit|person [PERSON_NO] --set MEMBER=VALUE ... [--attach KIND=FILE ...] "
                              "[--override-credit-code] [--form FILE.pdf] [--cache FILE]");
    }
    QString summary() const override
    {
        return QStringLiteral("信息维护: change the unit's or a person's registration (needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const QStringList sets = reader.values(QStringLiteral("--set"));
        const QStringList attaches = reader.values(QStringLiteral("--attach"));
        const bool overrideCreditCode = reader.flag(QStringLiteral("--override-credit-code"));
        const std::optional<QString> formArg = reader.value(QStringLiteral("--form"));
        const std::optional<QString> cacheArg = reader.value(QStringLiteral("--cache"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty())
            return context.fail(usageError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty())
            return context.fail(usageError(QStringLiteral("change 不认识参数 %1").arg(unknown), {}));

        ChangeSubmission submission;
        if (positional.isEmpty() || !parseChangeTarget(positional.first(), &submission.target))
            return context.fail(usageError(QStringLiteral("change 需要对象 unit（单位信息变更）或 person 个人编号（个人信息变更）"),
                                              QStringLiteral("target")));
        const bool person = submission.target == ChangeTarget::Person;
        if (person && positional.size() < 2)
            return context.fail(usageError(QStringLiteral("change person 需要个人编号（见 shebao-cli persons）"),
                                              QStringLiteral("person_no")));
        if (positional.size() > (person ? 2 : 1))
            return context.fail(usageError(QStringLiteral("change 不认识参数 %1").arg(positional.last()), {}));
        if (person)
            submission.personNo = positional.at(1);
        if (overrideCreditCode && person)
            return context.fail(usageError(QStringLiteral("--override-credit-code 只用于单位信息变更"),
                                              QStringLiteral("override-credit-code")));
        submission.creditCodeOverride = overrideCreditCode;
        if (sets.isEmpty())
            return context.fail(usageError(QStringLiteral("change 需要至少一个 --set 字段=新值"), QStringLiteral("set")));
        for (const QString &set : sets) {
            const qsizetype eq = set.indexOf(u'=');
            if (eq <= 0)
                return context.fail(usageError(QStringLiteral("--set 应为 字段=新值（如 contact_phone=0731-88886666），而不是“%1”")
                                                   .arg(set),
                                               QStringLiteral("set")));
            const QString member = set.left(eq).trimmed();
            const QString typed = set.mid(eq + 1);
            const ChangeField *field = ChangeFields::find(submission.target, member);
            // Unknown members go to ChangeService, which refuses them as change.field_unknown.
            submission.after.append({member, field ? storedValue(*field, typed) : typed});
        }
        QList<Attach> files;
        for (const QString &attach : attaches) {
            const qsizetype eq = attach.indexOf(u'=');
            AttachmentKind kind;
            if (eq <= 0 || !parseAttachmentKind(attach.left(eq).trimmed(), &kind))
                return context.fail(usageError(
                    QStringLiteral("--attach 应为 类别=文件，类别是 business_licence、org_code_certificate、legal_rep_id、"
                                   "bank_permit 或 id_card，而不是“%1”")
                        .arg(attach),
                    QStringLiteral("attach")));
            files.append({kind, attach.mid(eq + 1)});
        }
        // Every file is read before anything is sent: a typo in a path costs no upload.
        QList<QByteArray> contents;
        for (const Attach &a : files) {
            Result<QByteArray> bytes = readFile(a.path);
            if (!bytes)
                return context.fail(bytes.error());
            contents << bytes.value();
        }

        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        ApiClient *api = context.api().value();
        ChangeService service(api, nullptr);
        for (qsizetype i = 0; i < files.size(); ++i) {
            auto uploaded = context.wait<ChangeAttachment>([&](QObject *c, auto done) {
                service.upload(files[i].kind, QFileInfo(files[i].path).fileName(), contents[i], c, std::move(done));
            });
            if (!uploaded)
                return failed(context, uploaded.error());
            submission.attachmentIds << uploaded.value().id;
        }
        auto submitted = context.wait<QList<ChangeRequest>>([&](QObject *c, auto done) {
            service.submit(submission, c, std::move(done));
        });
        if (!submitted) {
            const int code = failed(context, submitted.error());
            if (!context.json() && submitted.error().code.startsWith(QLatin1String("creditcode."))
                && submitted.error().code != QLatin1String("creditcode.format")
                && submitted.error().code != QLatin1String("creditcode.taken"))
                context.err() << "如已核对营业执照上的代码无误，可加 --override-credit-code 再次提交（经办机构会看到此确认）。"
                              << Qt::endl;
            return code;
        }
        const QList<ChangeRequest> &requests = submitted.value();

        std::optional<PrintedForm> printed;
        if (formArg) {
            const auto pending = std::find_if(requests.begin(), requests.end(),
                                              [](const ChangeRequest &r) { return r.state == ChangeState::Pending; });
            if (pending == requests.end()) {
                if (!context.json())
                    context.err() << "注意：本次变更均已直接生效，没有待审核的申请，未写出表格。" << Qt::endl;
            } else {
                auto unit = context.wait<Unit>([&](QObject *c, auto done) { api->fetchUnit(c, std::move(done)); });
                if (!unit)
                    return context.fail(unit.error());
                // The print is recorded in the unit's cache, as declare --form does (the outbox in
                // it is left alone: a change is not a 异动).
                LocalCache cache;
                const QString cachePath =
                    cacheArg ? *cacheArg : CliSession::defaultCachePath(context.options().server, login.value().unitNo);
                if (Result<void> opened = cache.open(cachePath); !opened)
                    return context.fail(opened.error());
                Result<PrintedForm> written = ChangeForm::writePdf(*pending, unit.value(), *formArg, &cache);
                if (!written) {
                    context.fail(written.error());
                    if (!context.json())
                        context.err() << "申请 " << pending->requestNo << " 已提交，表格可用 shebao-cli changes 查到后重新打印。"
                                      << Qt::endl;
                    return ExitCannotRun;
                }
                printed = written.value();
            }
        }

        if (context.json()) {
            QJsonObject o = requestsJson(requests);
            if (printed)
                o.insert(QStringLiteral("form"), QJsonObject{{QStringLiteral("file"), printed->file},
                                                            {QStringLiteral("pages"), printed->pages}});
            context.printJson(o);
            return ExitOk;
        }
        QTextStream &out = context.out();
        for (const ChangeRequest &r : requests)
            printRequest(out, r);
        if (printed)
            out << ChangeForm::title(requests.first().target) << "：" << printed->file << "（" << printed->pages << " 页）\n";
        return ExitOk;
    }

private:
    static int failed(CliContext &context, const Error &error)
    {
        const int code = context.fail(error);
        return isChangeInputProblem(error) ? int(ExitInputProblems) : code;
    }
};

const RegisterCommand<ChangeCommand> registered;

} // namespace

} // namespace shebao::cli
