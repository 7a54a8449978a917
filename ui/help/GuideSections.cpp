#include "ui/help/GuideSections.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QShortcut>
#include <QWizard>

#include "ui/help/UserGuideWindow.h"

namespace shebao::ui::guide {

QString home() { return QStringLiteral("首页"); }
QString login() { return QStringLiteral("登录"); }
QString authorization() { return QStringLiteral("授权申请"); }
QString password() { return QStringLiteral("修改密码"); }
QString certificate() { return QStringLiteral("证书管理"); }
QString backup() { return QStringLiteral("数据备份与恢复"); }
QString declareAdd() { return QStringLiteral("异动新增"); }
QString declareReduce() { return QStringLiteral("异动减少"); }
QString declareSubmit() { return QStringLiteral("申报及查询"); }
QString declareImport() { return QStringLiteral("批量导入"); }
QString maintainUnit() { return QStringLiteral("单位信息变更"); }
QString maintainPerson() { return QStringLiteral("个人信息变更"); }
QString payment() { return QStringLiteral("网上缴费"); }
QString queryUnit() { return QStringLiteral("单位信息"); }
QString queryPersons() { return QStringLiteral("人员名单"); }
QString queryCertificate() { return QStringLiteral("参保证明"); }

QStringList anchors()
{
    return {home(),          login(),         authorization(), password(),     certificate(),   backup(),
            declareAdd(),    declareReduce(), declareSubmit(), declareImport(), maintainUnit(), maintainPerson(),
            payment(),       queryUnit(),     queryPersons(),  queryCertificate()};
}

QString anchorOfEntry(const QString &entryKey)
{
    static const QList<std::pair<QString, QString>> entries{
        {QStringLiteral("home"), home()},
        {QStringLiteral("system.authorization"), authorization()},
        {QStringLiteral("system.password"), password()},
        {QStringLiteral("system.certificate"), certificate()},
        {QStringLiteral("system.backup"), backup()},
        {QStringLiteral("system.restore"), backup()},
        {QStringLiteral("declare.add"), declareAdd()},
        {QStringLiteral("declare.reduce"), declareReduce()},
        {QStringLiteral("declare.submit"), declareSubmit()},
        {QStringLiteral("declare.import"), declareImport()},
        {QStringLiteral("maintain.unit"), maintainUnit()},
        {QStringLiteral("maintain.person"), maintainPerson()},
        {QStringLiteral("query.unit"), queryUnit()},
        {QStringLiteral("query.persons"), queryPersons()},
        {QStringLiteral("query.certificate"), queryCertificate()},
    };
    for (const auto &[key, anchor] : entries) {
        if (key == entryKey)
            return anchor;
    }
    return entryKey.startsWith(u"pay.") ? payment() : QString();
}

QString slugOf(const QString &heading)
{
    QString slug;
    for (const QChar c : heading.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_')
            slug += c;
        else if (c == u' ')
            slug += u'-';
    }
    return slug;
}

QAction *createGuideAction(QWidget *window, std::function<QString()> currentSection)
{
    auto *action = new QAction(QCoreApplication::translate("shebao::ui::guide", "&User guide"), window);
    action->setObjectName(QStringLiteral("userGuideAction"));
    action->setShortcut(QKeySequence::HelpContents);
    action->setToolTip(QCoreApplication::translate("shebao::ui::guide", "Open the user guide at what is shown (F1)"));
    QObject::connect(action, &QAction::triggered, window,
                     [currentSection = std::move(currentSection)] { UserGuideWindow::showSection(currentSection()); });
    return action;
}

void addHelpButton(QWizard *wizard, const QString &anchor)
{
    wizard->setOption(QWizard::HaveHelpButton, true);
    QAbstractButton *button = wizard->button(QWizard::HelpButton);
    button->setObjectName(QStringLiteral("helpPushButton"));
    button->setAccessibleName(QCoreApplication::translate("shebao::ui::guide", "Help"));
    button->setToolTip(QCoreApplication::translate("shebao::ui::guide", "Open this step's section of the user guide (F1)"));
    QObject::connect(wizard, &QWizard::helpRequested, wizard, [anchor] { UserGuideWindow::showSection(anchor); });
    auto *f1 = new QShortcut(QKeySequence::HelpContents, wizard);
    QObject::connect(f1, &QShortcut::activated, wizard, [anchor] { UserGuideWindow::showSection(anchor); });
}

} // namespace shebao::ui::guide
