#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace shebao::ui {

// Captions of the person forms in the portal's convention (guide: 红字项为必填项): a required
// field's caption is red with a leading "*", and its widget's accessible description says
// "required", so a screen reader tells what the colour shows.
QLabel *requiredCaption(const QString &text, QWidget *field, QWidget *parent);
QLabel *optionalCaption(const QString &text, QWidget *field, QWidget *parent);
// A caption whose meaning is told by colour (信息维护: key fields blue): the same meaning is the
// field's accessible description, kept when showFieldError() adds or clears an error.
QLabel *describedCaption(const QString &text, const QString &color, const QString &description, QWidget *field,
                         QWidget *parent);
// The red line under a field that says what is wrong with it; hidden while empty.
QLabel *fieldErrorLabel(const QString &objectName, QWidget *parent);
// Shows (or clears, with an empty message) a field's error, in the label and the accessible
// description of the field.
void showFieldError(QLabel *errorLabel, QWidget *field, const QString &message);
QString requiredDescription();

} // namespace shebao::ui
