#include "ChangeDesk.h"

#include <QImage>
#include <QPointer>
#include <QTest>

#include "DeclarationGui.h"
#include "app/AppContext.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/maintain/ChangeWizard.h"

namespace shebao::test {

ChangeDesk::ChangeDesk() = default;
ChangeDesk::~ChangeDesk() = default;

QString ChangeDesk::start()
{
    installChinese();
    if (!m_files.isValid())
        return QStringLiteral("no temporary directory");
    if (!m_server.start())
        return m_server.error();
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    if (!submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")))
        return login.errorText();
    if (const QString syncError = syncNow(*m_context); !syncError.isEmpty())
        return syncError;
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return QStringLiteral("the main window was not shown");
    return {};
}

void ChangeDesk::stop()
{
    m_window.reset();
    m_context.reset();
}

ui::ChangeWizard *ChangeDesk::openWizard(const char *entry, const char *name)
{
    if (!m_window->showEntry(QString::fromLatin1(entry)))
        return nullptr;
    return waitForChild<ui::ChangeWizard>(m_window.get(), QString::fromLatin1(name));
}

bool ChangeDesk::closeWizard(ui::ChangeWizard *wizard)
{
    const QPointer<ui::ChangeWizard> guard(wizard);
    wizard->close();
    return QTest::qWaitFor([&] { return guard.isNull(); });
}

QString ChangeDesk::writePng(const QString &name)
{
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QString path = m_files.filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

} // namespace shebao::test
