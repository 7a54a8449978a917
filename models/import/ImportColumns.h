#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace shebao {

enum class ImportKind { Add, Reduce };

// One column of an import sheet and of its template.
struct ImportColumn
{
    QString header;       // as in the template: "公民身份号码"
    bool required = false;
    QString dictionaryId; // Dictionaries::byId() id for coded columns, empty otherwise
    int width = 12;       // template column width in characters
    QString hint;         // what the template's dictionary sheet says about the column
};

// The columns of the 新增/续保 and 减少 sheets (shared/domain/import.md), their header names and
// how a header in a file is matched to them.
class ImportColumns
{
public:
    static QString name() { return QStringLiteral("姓名"); }
    static QString idNumber() { return QStringLiteral("公民身份号码"); }
    static QString gender() { return QStringLiteral("性别"); }
    static QString ethnicity() { return QStringLiteral("民族"); }
    static QString hukou() { return QStringLiteral("户口性质"); }
    static QString employmentForm() { return QStringLiteral("用工形式"); }
    static QString identity() { return QStringLiteral("个人身份"); }
    static QString workStartDate() { return QStringLiteral("参加工作日期"); }
    static QString startMonth() { return QStringLiteral("参保开始年月"); }
    static QString wage() { return QStringLiteral("工资基数"); }
    static QString phone() { return QStringLiteral("联系电话"); }
    static QString insurances() { return QStringLiteral("险种"); }
    static QString changeType() { return QStringLiteral("变更类型"); }
    static QString changeReason() { return QStringLiteral("变更原因"); }
    static QString stopMonth() { return QStringLiteral("停保年月"); }

    static const QList<ImportColumn> &of(ImportKind kind);
    static QStringList requiredHeaders(ImportKind kind);
    static std::optional<ImportColumn> column(ImportKind kind, QStringView header);

    // How a header cell is compared: full-width folded, all white space removed, required marks
    // ("*", "(必填)") dropped, so "＊ 公民身份 号码 " matches 公民身份号码.
    static QString normalizeHeader(QStringView text);

    static QString kindCode(ImportKind kind); // "add" / "reduce"
    static std::optional<ImportKind> kindFromCode(QStringView code);
    static QString kindTitle(ImportKind kind); // "新增/续保" / "减少"
};

} // namespace shebao
