#include "ui/ServerSettingsDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QVBoxLayout>

#include "app/Settings.h"
#include "ui/widgets/FileDialog.h"

namespace shebao {

ServerSettingsDialog::ServerSettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_serverUrlLineEdit(new QLineEdit(this))
    , m_caFileLineEdit(new QLineEdit(this))
    , m_caFileButton(new QPushButton(tr("C&hoose..."), this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("serverSettingsDialog"));
    setWindowTitle(tr("Server settings"));

    m_serverUrlLineEdit->setObjectName(QStringLiteral("serverUrlLineEdit"));
    m_serverUrlLineEdit->setAccessibleName(tr("Server address"));
    m_serverUrlLineEdit->setPlaceholderText(QStringLiteral("https://127.0.0.1:8443"));
    m_serverUrlLineEdit->setText(settings.serverUrl().toString());
    m_serverUrlLineEdit->setMinimumWidth(320);

    m_caFileLineEdit->setObjectName(QStringLiteral("caFileLineEdit"));
    m_caFileLineEdit->setAccessibleName(tr("CA certificate file"));
    m_caFileLineEdit->setPlaceholderText(tr("Empty: trust the system's certificates only"));
    m_caFileLineEdit->setText(settings.caFile());

    m_caFileButton->setObjectName(QStringLiteral("caFileButton"));
    m_caFileButton->setAccessibleName(tr("Choose CA certificate file"));
    connect(m_caFileButton, &QPushButton::clicked, this, &ServerSettingsDialog::chooseCaFile);

    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFileLineEdit, 1);
    caRow->addWidget(m_caFileButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Server &address:"), m_serverUrlLineEdit);
    form->addRow(tr("CA &certificate:"), caRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("serverSettingsButtonBox"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServerSettingsDialog::reject);

    auto *hint = new QLabel(tr("The connection is always encrypted and the server's certificate is always "
                               "checked. Choose a CA file only if your agency gave you one."), this);
    hint->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    setTabOrder(m_serverUrlLineEdit, m_caFileLineEdit);
    setTabOrder(m_caFileLineEdit, m_caFileButton);
}

Result<QUrl> ServerSettingsDialog::parseServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty())
        return Error{QStringLiteral("settings.server_url"),
                     tr("The server address must start with https:// followed by a host name, "
                        "for example https://127.0.0.1:8443."),
                     text, QStringLiteral("serverUrl")};
    return url;
}

void ServerSettingsDialog::chooseCaFile()
{
    const QString start = m_caFileLineEdit->text().isEmpty() ? QString() : QFileInfo(m_caFileLineEdit->text()).path();
    const QString file = ui::FileDialog::getOpenFileName(this, tr("Choose CA certificate"), start,
                                                         tr("Certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFileLineEdit->setText(QDir::toNativeSeparators(file));
}

void ServerSettingsDialog::accept()
{
    const Result<QUrl> url = parseServerUrl(m_serverUrlLineEdit->text());
    if (!url) {
        m_errorLabel->setText(url.error().message);
        m_errorLabel->show();
        adjustSize();
        m_serverUrlLineEdit->setFocus();
        return;
    }
    const QString caFile = QDir::fromNativeSeparators(m_caFileLineEdit->text().trimmed());
    if (!caFile.isEmpty() && QSslCertificate::fromPath(caFile, QSsl::Pem).isEmpty()) {
        m_errorLabel->setText(tr("%1 is not a readable PEM certificate file.").arg(QDir::toNativeSeparators(caFile)));
        m_errorLabel->show();
        adjustSize();
        m_caFileLineEdit->setFocus();
        return;
    }
    m_settings.setServerUrl(url.value());
    m_settings.setCaFile(caFile.isEmpty() ? QString() : QFileInfo(caFile).absoluteFilePath());
    m_settings.sync();
    QDialog::accept();
}

} // namespace shebao
