#include "server/BankKeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include "models/bill/BankSignature.h"

namespace shebao::server {

namespace {

Error keyError(const QString &file, const QString &detail)
{
    return Error{QStringLiteral("server.bank_key"), QStringLiteral("无法读取银行密钥文件 %1：%2").arg(file, detail), detail, {}};
}

} // namespace

QString BankKeys::sandboxFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("bank-sandbox.key"));
}

Result<QByteArray> BankKeys::readKey(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return keyError(file, in.errorString());
#ifdef Q_OS_UNIX
    // A shared secret readable by other accounts is no secret: refuse to start with it.
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                                | QFileDevice::WriteOther;
    if (QFileInfo(file).permissions() & others)
        return keyError(file, QStringLiteral("组或其他用户可读写（应为 0600）"));
#endif
    const QByteArray key = BankSignature::parseKey(in.read(4096));
    if (key.isEmpty())
        return keyError(file, QStringLiteral("内容应为 64 个十六进制字符"));
    return key;
}

Result<void> BankKeys::load(const QList<QPair<QString, QString>> &files)
{
    for (const auto &[id, file] : files) {
        auto key = readKey(file);
        if (!key)
            return key.error();
        m_keys.insert(id, key.value());
    }
    return {};
}

Result<void> BankKeys::ensureSandbox(const QString &dataDir)
{
    const QString file = sandboxFile(dataDir);
    if (!QFile::exists(file)) {
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(secret.data()),
                                             reinterpret_cast<quint32 *>(secret.data() + secret.size()));
        // Owner-only from the start, and only if absent (two servers never overwrite each other's).
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return keyError(file, out.errorString());
        const QByteArray text = secret.toHex() + '\n';
        if (out.write(text) != text.size() || !out.flush()) {
            out.close();
            QFile::remove(file);
            return keyError(file, QStringLiteral("write failed"));
        }
    }
    auto key = readKey(file);
    if (!key)
        return key.error();
    m_keys.insert(SandboxId, key.value());
    return {};
}

std::optional<QByteArray> BankKeys::key(const QString &bankId) const
{
    const auto it = m_keys.constFind(bankId);
    if (it == m_keys.cend())
        return std::nullopt;
    return it.value();
}

} // namespace shebao::server
