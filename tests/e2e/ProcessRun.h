#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace shebao::test {

// One run of a command-line program of this project (shebao-cli, shebao-admin): exit code,
// standard output and error. exitCode is -1 when it did not start, crashed or hung.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    static ProcessRun run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(5000);
            return {};
        }
        ProcessRun r;
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        r.out = process.readAllStandardOutput();
        r.err = process.readAllStandardError();
        return r;
    }

    // For QVERIFY2 messages.
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err; }
};

} // namespace shebao::test
