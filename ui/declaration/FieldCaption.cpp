#include "ui/declaration/FieldCaption.h"

#include <QCoreApplication>
#include <QLabel>
#include <QWidget>

namespace shebao::ui {

namespace {
const char *const BaseDescription = "shebaoBaseDescription";
}

QString requiredDescription()
{
    return QCoreApplication::translate("shebao::ui::FieldCaption", "Required");
}

QLabel *requiredCaption(const QString &text, QWidget *field, QWidget *parent)
{
    auto *caption = new QLabel(QStringLiteral("* ") + text, parent);
    caption->setStyleSheet(QStringLiteral("color: #c00000"));
    caption->setBuddy(field);
    field->setAccessibleName(QString(text).remove(u'&'));
    field->setAccessibleDescription(requiredDescription());
    field->setProperty(BaseDescription, requiredDescription());
    return caption;
}

QLabel *optionalCaption(const QString &text, QWidget *field, QWidget *parent)
{
    auto *caption = new QLabel(text, parent);
    caption->setBuddy(field);
    field->setAccessibleName(QString(text).remove(u'&'));
    field->setProperty(BaseDescription, QString());
    return caption;
}

QLabel *describedCaption(const QString &text, const QString &color, const QString &description, QWidget *field,
                         QWidget *parent)
{
    auto *caption = new QLabel(text, parent);
    caption->setStyleSheet(QStringLiteral("color: %1").arg(color));
    caption->setBuddy(field);
    field->setAccessibleName(QString(text).remove(u'&'));
    field->setAccessibleDescription(description);
    field->setProperty(BaseDescription, description);
    return caption;
}

QLabel *fieldErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #c00000"));
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

void showFieldError(QLabel *errorLabel, QWidget *field, const QString &message)
{
    if (errorLabel) {
        errorLabel->setText(message);
        errorLabel->setVisible(!message.isEmpty());
    }
    if (field) {
        const QString base = field->property(BaseDescription).toString();
        field->setAccessibleDescription(message.isEmpty() || base.isEmpty() ? (message.isEmpty() ? base : message)
                                                                            : base + QStringLiteral("; ") + message);
    }
}

} // namespace shebao::ui
