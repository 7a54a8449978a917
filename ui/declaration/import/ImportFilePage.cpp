#include "ui/declaration/import/ImportFilePage.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "models/import/TemplateWriter.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/import/ImportData.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

ImportFilePage::ImportFilePage(ImportData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_add(new QRadioButton(tr("Ne&w enrolment / renewal"), this))
    , m_reduce(new QRadioButton(tr("&Reduction"), this))
    , m_file(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(tr("Choose the file"));
    setSubTitle(tr("Download the template, fill it in with Excel or WPS (one person per row), then choose the file. "
                   ".xlsx and .csv (UTF-8 or GBK) files are read."));
    m_add->setObjectName(QStringLiteral("addKindRadioButton"));
    m_reduce->setObjectName(QStringLiteral("reduceKindRadioButton"));
    m_add->setAccessibleName(m_add->text().remove(u'&'));
    m_reduce->setAccessibleName(m_reduce->text().remove(u'&'));
    m_add->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_add);
    group->addButton(m_reduce);
    registerField(QStringLiteral("importReduce"), m_reduce);
    m_file->setObjectName(QStringLiteral("importFileLineEdit"));
    registerField(QStringLiteral("importFile"), m_file);
    auto *download = new QPushButton(tr("&Download template..."), this);
    download->setObjectName(QStringLiteral("downloadTemplateButton"));
    download->setAccessibleName(tr("Download template"));
    auto *choose = new QPushButton(tr("&Choose file..."), this);
    choose->setObjectName(QStringLiteral("chooseFileButton"));
    choose->setAccessibleName(tr("Choose file"));
    m_status->setObjectName(QStringLiteral("importFileStatusLabel"));
    m_status->setWordWrap(true);

    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_add);
    kindRow->addWidget(m_reduce);
    kindRow->addStretch();
    kindRow->addWidget(download);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);
    auto *form = new QFormLayout;
    form->addRow(tr("Sheet"), kindRow);
    form->addRow(requiredCaption(tr("&File"), m_file, this), fileRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(download, &QPushButton::clicked, this, &ImportFilePage::downloadTemplate);
    connect(choose, &QPushButton::clicked, this, &ImportFilePage::chooseFile);
    connect(m_file, &QLineEdit::textChanged, this, &ImportFilePage::completeChanged);
}

void ImportFilePage::initializePage()
{
    m_file->setFocus();
}

void ImportFilePage::downloadTemplate()
{
    const ImportKind kind = m_reduce->isChecked() ? ImportKind::Reduce : ImportKind::Add;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = FileDialog::getSaveFileName(
        this, tr("Save the template"),
        QDir(dir).filePath(tr("Template %1").arg(TemplateWriter::dataSheetName(kind)) + QStringLiteral(".xlsx")),
        tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    Result<void> written = TemplateWriter::write(path, kind);
    m_status->setText(written ? tr("Template saved as %1.").arg(QDir::toNativeSeparators(path)) : written.error().message);
}

void ImportFilePage::chooseFile()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Choose the file to import"), m_file->text(),
                                                     tr("Spreadsheets (*.xlsx *.csv *.txt)"));
    if (!path.isEmpty())
        m_file->setText(QDir::toNativeSeparators(path));
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_file->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    m_data.kind = m_reduce->isChecked() ? ImportKind::Reduce : ImportKind::Add;
    m_data.file = QDir::fromNativeSeparators(m_file->text().trimmed());
    return true;
}

} // namespace shebao::ui
