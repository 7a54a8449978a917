#include "printing/FormData.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shebao::printing {

Result<QString> FormData::expand(const QString &text, const QVariantMap *row, int rowNumber) const
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'{' && i + 1 < text.size() && text.at(i + 1) == u'{') {
            out += u'{';
            ++i;
            continue;
        }
        if (c == u'}' && i + 1 < text.size() && text.at(i + 1) == u'}') {
            out += u'}';
            ++i;
            continue;
        }
        if (c != u'{') {
            out += c;
            continue;
        }
        const qsizetype end = text.indexOf(u'}', i + 1);
        if (end < 0)
            return Error{QStringLiteral("form.placeholder"), QStringLiteral("表格模板有未闭合的占位符。"), text, {}};
        const QString key = text.mid(i + 1, end - i - 1);
        if (key == u'#' && row) {
            out += QString::number(rowNumber);
        } else if (row && row->contains(key)) {
            out += row->value(key).toString();
        } else if (values.contains(key)) {
            out += values.value(key).toString();
        } else {
            return Error{QStringLiteral("form.placeholder"),
                         QStringLiteral("表格模板需要的数据项“%1”缺失。").arg(key), key, {}};
        }
        i = end;
    }
    return out;
}

QByteArray FormData::sha256() const
{
    // QJsonObject orders its keys, so the same data always hashes the same.
    QJsonObject tableObject;
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        QJsonArray rows;
        for (const QVariantMap &row : it.value())
            rows.append(QJsonObject::fromVariantMap(row));
        tableObject.insert(it.key(), rows);
    }
    const QJsonObject object{{QStringLiteral("values"), QJsonObject::fromVariantMap(values)},
                             {QStringLiteral("tables"), tableObject}};
    return QCryptographicHash::hash(QJsonDocument(object).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
        .toHex();
}

} // namespace shebao::printing
