#include "XlsxFixture.h"

#include "models/validation/IdNumber.h"

#include <QFile>

#include <xlsxwriter.h>
#include <zip.h>

namespace shebao::test {

bool writeXlsx(const QString &path, const QList<FixtureSheet> &sheets)
{
    lxw_workbook *wb = workbook_new(QFile::encodeName(path).constData());
    if (!wb)
        return false;
    lxw_format *dateFormat = workbook_add_format(wb);
    format_set_num_format(dateFormat, "yyyy-mm-dd");
    lxw_format *titleFormat = workbook_add_format(wb);
    format_set_bold(titleFormat);
    for (const FixtureSheet &s : sheets) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, s.name.toUtf8().constData());
        int offset = 0;
        if (!s.mergedTitle.isEmpty()) {
            worksheet_merge_range(ws, 0, 0, 0, 5, s.mergedTitle.toUtf8().constData(), titleFormat);
            offset = 1;
        }
        for (int r = 0; r < s.rows.size(); ++r) {
            const lxw_row_t row = lxw_row_t(r < s.rowNumbers.size() ? s.rowNumbers.at(r) - 1 : r + offset);
            const FixtureRow &cells = s.rows.at(r);
            for (int c = 0; c < cells.size(); ++c) {
                const QVariant &v = cells.at(c);
                const lxw_col_t col = lxw_col_t(c);
                switch (v.typeId()) {
                case QMetaType::QString:
                    worksheet_write_string(ws, row, col, v.toString().toUtf8().constData(), nullptr);
                    break;
                case QMetaType::Double:
                case QMetaType::Int:
                case QMetaType::LongLong:
                    worksheet_write_number(ws, row, col, v.toDouble(), nullptr);
                    break;
                case QMetaType::QDate: {
                    const QDate d = v.toDate();
                    lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0};
                    worksheet_write_datetime(ws, row, col, &dt, dateFormat);
                    break;
                }
                case QMetaType::Bool:
                    worksheet_write_boolean(ws, row, col, v.toBool(), nullptr);
                    break;
                default:
                    break;
                }
            }
        }
    }
    return workbook_close(wb) == LXW_NO_ERROR;
}

bool writeZip(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &entries)
{
    zipFile zf = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zf)
        return false;
    bool ok = true;
    for (const auto &[name, content] : entries) {
        zip_fileinfo info{};
        ok = ok && zipOpenNewFileInZip64(zf, name.constData(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                         Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
        ok = ok && zipWriteInFileInZip(zf, content.constData(), unsigned(content.size())) == ZIP_OK;
        ok = ok && zipCloseFileInZip(zf) == ZIP_OK;
    }
    return zipClose(zf, nullptr) == ZIP_OK && ok;
}

QString validId(const QString &region, const QString &birth, const QString &sequence)
{
    const QString first17 = region + birth + sequence;
    return first17 + IdNumber::checkCharacter(first17);
}

} // namespace shebao::test
