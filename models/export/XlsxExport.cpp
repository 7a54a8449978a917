#include "models/export/XlsxExport.h"

#include "models/dictionaries/Dictionaries.h"
#include "models/export/DeclarationRows.h"

#include <QDateTime>
#include <QFile>
#include <QSet>

#include <xlsxwriter.h>

#include <array>
#include <cstdint>

namespace shebao {

namespace {

// The built-in "@" (Text) format, by id as TemplateWriter does: a custom "@" (id 164) is not
// treated as text by every reader. Text cells keep ID numbers, codes, dates and phone numbers
// exactly as written: Excel never turns 430102199003071234 into 4.30102E+17.
constexpr uint8_t kTextFormat = 49;

// The portal's order of the 险种 columns (as the people table shows them).
constexpr std::array<QStringView, 5> kInsuranceOrder{u"110", u"210", u"410", u"310", u"510"};

// Title row, info row, then the header row; data starts below it.
constexpr int kHeaderRow = 2;

QString exportTime()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString unitLine(const Unit &unit)
{
    return unit.unitNo.isEmpty() ? unit.name : QStringLiteral("%1（单位编号 %2）").arg(unit.name, unit.unitNo);
}

struct Column
{
    QString header;
    double width; // in Excel's character units (a CJK character is about 2)
};

// One workbook with one sheet and the formats every export uses.
class Sheet
{
public:
    Sheet(const QString &path, const QString &sheetName) : m_path(path)
    {
        m_workbook = workbook_new(QFile::encodeName(path).constData());
        if (!m_workbook)
            return;
        m_sheet = workbook_add_worksheet(m_workbook, sheetName.toUtf8().constData());
        m_text = workbook_add_format(m_workbook);
        format_set_num_format_index(m_text, kTextFormat);
        format_set_border(m_text, LXW_BORDER_THIN);
        m_money = workbook_add_format(m_workbook);
        format_set_num_format(m_money, "#,##0.00");
        format_set_border(m_money, LXW_BORDER_THIN);
        m_number = workbook_add_format(m_workbook);
        format_set_border(m_number, LXW_BORDER_THIN);
        m_header = workbook_add_format(m_workbook);
        format_set_num_format_index(m_header, kTextFormat);
        format_set_bold(m_header);
        format_set_border(m_header, LXW_BORDER_THIN);
        format_set_bg_color(m_header, 0xDDEBF7);
        format_set_align(m_header, LXW_ALIGN_CENTER);
        format_set_align(m_header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(m_header);
        m_title = workbook_add_format(m_workbook);
        format_set_num_format_index(m_title, kTextFormat);
        format_set_bold(m_title);
        format_set_font_size(m_title, 14);
        m_info = workbook_add_format(m_workbook);
        format_set_num_format_index(m_info, kTextFormat);
    }
    ~Sheet()
    {
        // Only reached without close() when setting up failed: free what was allocated and
        // leave no half-written file behind.
        if (m_workbook) {
            workbook_close(m_workbook);
            QFile::remove(m_path);
        }
    }
    Sheet(const Sheet &) = delete;
    Sheet &operator=(const Sheet &) = delete;

    bool ok() const { return m_workbook && m_sheet; }

    // Title and info rows across the table's width, the header row, widths, frozen header and
    // an autofilter over the data.
    void frame(const QString &title, const QString &info, const QList<Column> &columns, int dataRows)
    {
        const auto last = lxw_col_t(columns.size() - 1);
        worksheet_set_row(m_sheet, 0, 24, nullptr);
        worksheet_merge_range(m_sheet, 0, 0, 0, last, title.toUtf8().constData(), m_title);
        worksheet_merge_range(m_sheet, 1, 0, 1, last, info.toUtf8().constData(), m_info);
        for (int c = 0; c < columns.size(); ++c) {
            worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), columns[c].width, nullptr);
            text(kHeaderRow, c, columns[c].header, m_header);
        }
        worksheet_set_row(m_sheet, kHeaderRow, 30, nullptr);
        worksheet_freeze_panes(m_sheet, kHeaderRow + 1, 0);
        worksheet_autofilter(m_sheet, kHeaderRow, 0, lxw_row_t(kHeaderRow + qMax(dataRows, 1)), last);
    }

    void text(int row, int column, const QString &value) { text(row, column, value, m_text); }
    void money(int row, int column, Money value)
    {
        // A number, so that the clerk can sum the column; the format shows the two decimals.
        worksheet_write_number(m_sheet, lxw_row_t(row), lxw_col_t(column), double(value.fen()) / 100.0, m_money);
    }
    void number(int row, int column, int value)
    {
        worksheet_write_number(m_sheet, lxw_row_t(row), lxw_col_t(column), value, m_number);
    }

    Result<void> close()
    {
        const lxw_error error = workbook_close(m_workbook);
        m_workbook = nullptr;
        if (error != LXW_NO_ERROR)
            return writeError(m_path, QString::fromUtf8(lxw_strerror(error)));
        return {};
    }

    static Error writeError(const QString &path, const QString &detail)
    {
        return Error{QStringLiteral("export.write"), QStringLiteral("无法写入导出文件 %1。").arg(path), detail,
                     QString()};
    }

private:
    void text(int row, int column, const QString &value, lxw_format *format)
    {
        // An empty string makes libxlsxwriter write a blank (formatted) cell.
        worksheet_write_string(m_sheet, lxw_row_t(row), lxw_col_t(column), value.toUtf8().constData(), format);
    }

    QString m_path;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_text = nullptr;
    lxw_format *m_money = nullptr;
    lxw_format *m_number = nullptr;
    lxw_format *m_header = nullptr;
    lxw_format *m_title = nullptr;
    lxw_format *m_info = nullptr;
};

QString insuranceColumnName(const QString &code)
{
    const std::optional<DictionaryEntry> entry = Dictionaries::insurance().byCode(code);
    if (!entry)
        return code;
    return entry->shortName.isEmpty() ? entry->name : entry->shortName;
}

// The 险种 the people have or had, in the portal's order, unknown codes after.
QStringList insurancesOf(const QList<Person> &persons)
{
    QSet<QString> present;
    for (const Person &person : persons) {
        for (const Enrolment &enrolment : person.enrolments)
            present.insert(enrolment.insurance);
    }
    QStringList ordered;
    for (QStringView code : kInsuranceOrder) {
        if (present.remove(code.toString()))
            ordered << code.toString();
    }
    QStringList unknown(present.cbegin(), present.cend());
    unknown.sort();
    return ordered + unknown;
}

// The period that describes the person's 险种 now: the open one, else the one that started
// last (the same choice as Person::statusOf).
const Enrolment *currentPeriod(const Person &person, const QString &insurance)
{
    const Enrolment *latest = nullptr;
    for (const Enrolment &e : person.enrolments) {
        if (e.insurance != insurance)
            continue;
        const bool latestIsOpen = latest && latest->endMonth.isEmpty();
        if (!latest || (!latestIsOpen && (e.endMonth.isEmpty() || e.startMonth > latest->startMonth)))
            latest = &e;
    }
    return latest;
}

QString statusName(EnrolmentStatus status)
{
    switch (status) {
    case EnrolmentStatus::Active: return QStringLiteral("参保缴费");
    case EnrolmentStatus::Suspended: return QStringLiteral("暂停缴费");
    case EnrolmentStatus::Terminated: return QStringLiteral("终止缴费");
    }
    return {};
}

// Since when the status holds: an open period since its start; a closed one since the month
// after its end (the 停保年月 of the 减少 that closed it).
QString statusSince(const Enrolment &period)
{
    if (period.endMonth.isEmpty())
        return period.startMonth;
    const QDate end = QDate::fromString(period.endMonth + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    return end.isValid() ? end.addMonths(1).toString(QStringLiteral("yyyy-MM")) : period.endMonth;
}

} // namespace

Result<void> XlsxExport::persons(const Unit &unit, const QList<Person> &persons, const QString &path)
{
    Sheet sheet(path, QStringLiteral("人员名单"));
    if (!sheet.ok())
        return Sheet::writeError(path, QStringLiteral("workbook_new"));

    QList<Column> columns{{QStringLiteral("个人编号"), 14},   {QStringLiteral("姓名"), 10},
                          {QStringLiteral("公民身份号码"), 21}, {QStringLiteral("性别"), 6},
                          {QStringLiteral("出生日期"), 12},   {QStringLiteral("民族"), 9},
                          {QStringLiteral("户口性质"), 9},    {QStringLiteral("用工形式"), 10},
                          {QStringLiteral("联系电话"), 15}};
    const int fixed = int(columns.size());
    const QStringList insurances = insurancesOf(persons);
    for (const QString &insurance : insurances) {
        const QString name = insuranceColumnName(insurance);
        columns << Column{name + QStringLiteral("状态"), 10} << Column{name + QStringLiteral("状态起始年月"), 12};
    }
    sheet.frame(QStringLiteral("%1 人员名单").arg(unitLine(unit)),
                QStringLiteral("导出时间：%1　共 %2 人").arg(exportTime()).arg(persons.size()), columns,
                int(persons.size()));

    int row = kHeaderRow + 1;
    for (const Person &p : persons) {
        const QStringList cells{p.personNo,
                                p.name,
                                p.idNumber,
                                DeclarationRows::genderName(p.gender),
                                p.birthDate,
                                Dictionaries::ethnicity().nameOf(p.ethnicity),
                                Dictionaries::hukou().nameOf(p.hukou),
                                Dictionaries::employmentForm().nameOf(p.employmentForm),
                                p.phone};
        for (int c = 0; c < cells.size(); ++c)
            sheet.text(row, c, cells[c]);
        int c = fixed;
        for (const QString &insurance : insurances) {
            const Enrolment *period = currentPeriod(p, insurance);
            sheet.text(row, c++, period ? statusName(period->status) : QStringLiteral("未参保"));
            sheet.text(row, c++, period ? statusSince(*period) : QString());
        }
        ++row;
    }
    return sheet.close();
}

Result<void> XlsxExport::batch(const Unit &unit, const DeclarationBatch &batch, const QString &path)
{
    Sheet sheet(path, QStringLiteral("申报批次"));
    if (!sheet.ok())
        return Sheet::writeError(path, QStringLiteral("workbook_new"));

    const QList<Column> columns{
        {QStringLiteral("序号"), 6},           {QStringLiteral("姓名"), 10},       {QStringLiteral("公民身份号码"), 21},
        {QStringLiteral("性别"), 6},           {QStringLiteral("出生日期"), 12},   {QStringLiteral("民族"), 9},
        {QStringLiteral("户口性质"), 9},       {QStringLiteral("用工形式"), 10},   {QStringLiteral("参加工作日期"), 12},
        {QStringLiteral("异动类型"), 9},       {QStringLiteral("参保(停保)年月"), 11}, {QStringLiteral("变更类型"), 9},
        {QStringLiteral("变更原因"), 12},      {QStringLiteral("工资基数"), 12},   {QStringLiteral("参保险种"), 16},
        {QStringLiteral("联系电话"), 15},      {QStringLiteral("状态"), 9},        {QStringLiteral("提示"), 40}};

    const QList<DeclarationItem> items = DeclarationRows::ordered(batch.items);
    const DeclarationRows::Counts counts = DeclarationRows::count(items);
    QStringList info{QStringLiteral("状态：%1").arg(batchStateName(batch.state))};
    if (batch.declaredAt.isValid())
        info << QStringLiteral("申报时间：%1").arg(batch.declaredAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    info << QStringLiteral("报送人：%1").arg(batch.reporter) << QStringLiteral("联系电话：%1").arg(batch.phone)
         << QStringLiteral("新增 %1 人，续保 %2 人，减少 %3 人").arg(counts.add).arg(counts.renew).arg(counts.reduce);
    if (batch.state == BatchState::Returned && !batch.returnReason.isEmpty())
        info << QStringLiteral("退回原因：%1").arg(batch.returnReason);
    info << QStringLiteral("导出时间：%1").arg(exportTime());
    sheet.frame(QStringLiteral("%1 人员异动申报 批次 %2").arg(unitLine(unit), batch.batchNo),
                info.join(QStringLiteral("　")), columns, int(items.size()));

    int row = kHeaderRow + 1;
    for (const DeclarationItem &item : items) {
        const DeclarationRow r = DeclarationRows::row(item);
        QStringList notes;
        for (const DeclarationNotice &warning : item.warnings)
            notes << warning.message;
        if (!item.returnedReason.isEmpty())
            notes << QStringLiteral("退回原因：%1").arg(item.returnedReason);
        sheet.number(row, 0, row - kHeaderRow);
        const QStringList before{r.name,    r.idNumber,      r.gender, r.birthDate, r.ethnicity, r.hukou,
                                 r.employmentForm, r.workStartDate, r.kind, r.month, r.changeType, r.changeReason};
        int c = 1;
        for (const QString &cell : before)
            sheet.text(row, c++, cell);
        if (item.isReduce())
            sheet.text(row, c++, QString());
        else
            sheet.money(row, c++, DeclarationRows::appliedBase(item));
        for (const QString &cell : {r.insurances, r.phone, r.state, notes.join(QStringLiteral("；"))})
            sheet.text(row, c++, cell);
        ++row;
    }
    return sheet.close();
}

} // namespace shebao
