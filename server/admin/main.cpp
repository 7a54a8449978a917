// shebao-admin: `shebao-admin --server URL --ca FILE --staff NAME --password-stdin [--json] COMMAND`
// (DESIGN.md, docs/cli.md). The password is the first line of standard input; a PIN, where a
// command needs one, the second.
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "AdminContext.h"
#include "Commands.h"

using namespace shebao::admin;

namespace {

void printHelp(QTextStream &out)
{
    out << "usage: shebao-admin --server URL --ca FILE --staff NAME --password-stdin [--json] COMMAND\n"
           "Options are also accepted after the command. Standard input: the password, then a PIN where asked.\n"
           "Exit codes: 0 done, 1 the server refused the action (state, input), 2 could not run.\n\n"
           "Commands:\n"
           "  authorizations list [--state saved|confirmed|uploaded|activated|rejected]\n"
           "  authorizations show ID [--scan-out FILE]\n"
           "  authorizations activate ID\n"
           "  authorizations reject ID --reason TEXT\n"
           "  certs issue UNIT --algo sm2|ecdsa --out FILE.p12 --pin-stdin [--days N]\n"
           "  certs register UNIT CERT.pem\n"
           "  certs revoke SERIAL [--reason TEXT]\n"
           "  certs list [--unit UNIT]\n"
           "  batches list [--state declared|awaiting_paper|accepted|effective|returned]\n"
           "  batches show BATCH_NO\n"
           "  batches receive BATCH_NO\n"
           "  batches return BATCH_NO --reason TEXT\n"
           "  reviews list [--state pending|all]          (reviewer)\n"
           "  reviews show ID [--out DIR]\n"
           "  reviews approve ID\n"
           "  reviews reject ID --reason TEXT\n"

           "  enrolment-certificates list [--unit UNIT_NO]\n"
           "  enrolment-certificates show NUMBER\n"
           "  enrolment-certificates revoke NUMBER --reason TEXT\n"
           "  bills list [--unit UNIT_NO] [--state unpaid|paid|expired|cancelled]\n"
           "  bills show NUMBER\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shebao-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHEBAO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    auto options = AdminContext::parse(QCoreApplication::arguments());
    if (!options) {
        err << "错误：" << options.error().message << '\n';
        printHelp(err);
        return ExitCannotRun;
    }
    if (options.value().help || options.value().words.isEmpty()) {
        printHelp(options.value().help ? out : err);
        return options.value().help ? ExitOk : ExitCannotRun;
    }
    AdminContext context(std::move(options).value(), out, err);
    const QStringList words = context.options().words;
    int code = ExitCannotRun;
    if (words.first() == QLatin1String("authorizations"))
        code = runAuthorizations(context, words.mid(1));
    else if (words.first() == QLatin1String("certs"))
        code = runCerts(context, words.mid(1));
    else if (words.first() == QLatin1String("batches"))
        code = runBatches(context, words.mid(1));
    else if (words.first() == QLatin1String("reviews"))
        code = runReviews(context, words.mid(1));
    else if (words.first() == QLatin1String("enrolment-certificates"))
        code = runEnrolmentCertificates(context, words.mid(1));
    else if (words.first() == QLatin1String("bills"))
        code = runBills(context, words.mid(1));
    else
        code = context.usageError(
            QStringLiteral("没有命令 %1（authorizations、certs、batches、reviews、enrolment-certificates、bills）").arg(words.first()));
    out.flush();
    err.flush();
    return code;
}
