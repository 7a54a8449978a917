#pragma once

#include <QHash>
#include <QWidget>

#include <optional>

#include "models/domain/Unit.h"

class QLabel;
class QLineEdit;

namespace shebao {

// 单位查询 → 单位信息: the cached Unit, read-only. Key information (blue in the portal, changed
// only with attachments and review) is labelled in blue here too.
class UnitInfoPage : public QWidget
{
    Q_OBJECT

public:
    explicit UnitInfoPage(QWidget *parent = nullptr);

    void setUnit(const std::optional<Unit> &unit);
    QString fieldText(const QString &objectName) const;

private:
    QLineEdit *addField(const char *objectName, const QString &label, bool key);

    QLabel *m_emptyLabel;
    QWidget *m_form;
    QHash<QString, QLineEdit *> m_fields;
};

} // namespace shebao
