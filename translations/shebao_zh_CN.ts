<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuthorizationStateText</name>
    <message>
        <source>No authorization application</source>
        <translation>未提交授权申请</translation>
    </message>
    <message>
        <source>Application saved</source>
        <translation>申请已保存</translation>
    </message>
    <message>
        <source>Application confirmed</source>
        <translation>申请已确认</translation>
    </message>
    <message>
        <source>Waiting for the counter to open the authorization</source>
        <translation>待柜台开通</translation>
    </message>
    <message>
        <source>Authorization opened</source>
        <translation>授权已开通</translation>
    </message>
    <message>
        <source>Application returned</source>
        <translation>申请已退回</translation>
    </message>
    <message>
        <source>Apply under System management &gt; Authorization application to do business online.</source>
        <translation>如需在网上办理业务，请在“系统管理 → 授权申请”中提交申请。</translation>
    </message>
    <message>
        <source>Confirm the application under System management &gt; Authorization application.</source>
        <translation>请在“系统管理 → 授权申请”中确认申请信息。</translation>
    </message>
    <message>
        <source>Print the user commitment letter, stamp it and upload its scan under System management &gt; Authorization application.</source>
        <translation>请在“系统管理 → 授权申请”中打印《用户承诺书》，加盖单位公章后上传扫描件。</translation>
    </message>
    <message>
        <source>Bring the stamped letter to %1 to open the authorization.</source>
        <translation>请携带加盖单位公章的《用户承诺书》到%1现场开通权限。</translation>
    </message>
    <message>
        <source>The business modules are open.</source>
        <translation>业务模块已开通。</translation>
    </message>
    <message>
        <source>Correct the application and apply again under System management &gt; Authorization application.</source>
        <translation>请在“系统管理 → 授权申请”中修改申请信息后重新申请。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The server sent data this client cannot read (%1).</source>
        <translation>服务器返回的数据无法识别（%1）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot read the CA file %1.</source>
        <translation>无法读取 CA 证书文件 %1。</translation>
    </message>
    <message>
        <source>Social insurance business of employer units in Changsha.</source>
        <translation>长沙市参保单位社会保险业务网上办理。</translation>
    </message>
    <message>
        <source>Server address (https://HOST:PORT); stored.</source>
        <translation>服务器地址（https://主机:端口），将被保存。</translation>
    </message>
    <message>
        <source>Extra CA certificate (PEM) to trust; stored.</source>
        <translation>额外信任的 CA 证书（PEM 格式），将被保存。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN (default) or en.</source>
        <translation>界面语言：zh_CN（默认）或 en。</translation>
    </message>
</context>
<context>
    <name>shebao::ApiClient</name>
    <message>
        <source>The CA file %1 cannot be read or holds no certificate. Check Server settings → CA certificate.</source>
        <translation>CA 证书文件 %1 无法读取或不含证书。请检查“服务器设置 → CA 证书”。</translation>
    </message>
    <message>
        <source>The server sent data this client cannot read.</source>
        <translation>服务器返回的数据无法识别。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation>服务器响应超时，请稍后再试。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so the connection was refused. If the server uses its own certificate authority, choose its CA file under Server settings → CA certificate.</source>
        <translation>服务器证书不受信任，已拒绝连接。如服务器使用自己的证书颁发机构，请在“服务器设置 → CA 证书”中选择其 CA 证书文件。</translation>
    </message>
    <message>
        <source>Cannot connect to the server. Check the network connection and the server address.</source>
        <translation>无法连接服务器，请检查网络连接和服务器地址。</translation>
    </message>
    <message>
        <source>The request to the server failed.</source>
        <translation>向服务器发送请求失败。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>服务器返回错误（HTTP %1）。</translation>
    </message>
</context>
<context>
    <name>shebao::AuthorizationService</name>
    <message>
        <source>There is no authorization application yet.</source>
        <translation>尚无授权申请。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
</context>
<context>
    <name>shebao::BillService</name>
    <message>
        <source>The contribution wage must be an amount greater than 0 with at most two decimals.</source>
        <translation>缴费工资须为大于0的金额，最多两位小数</translation>
    </message>
    <message>
        <source>The employment start month must be 1995-01 or later, before the first enrolment, and not before the month the person turned 16.</source>
        <translation>用工起始年月须在1995年1月之后、首次参保之前，且不早于年满16周岁当月</translation>
    </message>
    <message>
        <source>The back-payment months must be written YYYY-MM, and the first may not be after the last.</source>
        <translation>补缴起止年月格式应为YYYY-MM，且起始不晚于终止</translation>
    </message>
    <message>
        <source>Back payments that join the unit&apos;s settlement are collected with the unit&apos;s monthly contributions; this system can only issue arrears bills outside the unit&apos;s settlement.</source>
        <translation>参与单位结算的补缴随单位月度缴费征收，本系统只能生成不参与单位结算的断档缴费单</translation>
    </message>
    <message>
        <source>The business document number must be 17 digits with a correct check digit.</source>
        <translation>业务单据号应为17位数字且校验位正确</translation>
    </message>
    <message>
        <source>The first issue date may not be after the last.</source>
        <translation>起始出单日期不能晚于终止出单日期</translation>
    </message>
</context>
<context>
    <name>shebao::BillSlip</name>
    <message>
        <source>The bill %1 has amounts of an insurance it does not list (%2); it is not printed.</source>
        <translation>缴费单 %1 含有未列出的险种（%2）的金额，不予打印。</translation>
    </message>
    <message>
        <source>The bill %1 has expired and can no longer be paid; generate a new one.</source>
        <translation>缴费单 %1 已过期，不能再缴费，请重新生成断档缴费单。</translation>
    </message>
    <message>
        <source>The bill %1 was cancelled and can no longer be paid.</source>
        <translation>缴费单 %1 已作废，不能再缴费。</translation>
    </message>
    <message>
        <source>The bill %1 was loaded without its months; it cannot be printed.</source>
        <translation>缴费单 %1 未带明细月份，无法打印。</translation>
    </message>
    <message>
        <source>The amounts of bill %1 do not add up; it is not printed.</source>
        <translation>缴费单 %1 的金额合计不符，不予打印。</translation>
    </message>
</context>
<context>
    <name>shebao::BackupFile</name>
    <message>
        <source>The file is not a data backup of this program.</source>
        <translation>该文件不是本程序的数据备份。</translation>
    </message>
    <message>
        <source>The backup file is damaged (incomplete or changed) and cannot be restored. Nothing was changed.</source>
        <translation>备份文件已损坏（不完整或被修改），无法恢复。本机数据未作任何改动。</translation>
    </message>
    <message>
        <source>The backup password is wrong. Nothing was changed.</source>
        <translation>备份密码不正确。本机数据未作任何改动。</translation>
    </message>
    <message>
        <source>The backup was written in format version %1 by a newer version of this program; this program reads version %2 only. Update the program, then restore again.</source>
        <translation>该备份由更新版本的程序生成（格式版本 %1），本程序只能读取格式版本 %2。请先升级程序，再进行恢复。</translation>
    </message>
    <message>
        <source>The backup password must have at least %1 characters.</source>
        <translation>备份密码至少需要 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>shebao::BackupService</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>The file is too large to be a data backup of this program.</source>
        <translation>该文件过大，不是本程序的数据备份。</translation>
    </message>
    <message>
        <source>The local cache does not say which unit it belongs to: log in online once, then back it up.</source>
        <translation>本地缓存中没有所属单位的记录：请先联网登录一次，再进行备份。</translation>
    </message>
    <message>
        <source>The backup cannot be written to %1.</source>
        <translation>无法将备份写入 %1。</translation>
    </message>
    <message>
        <source>This backup belongs to unit %1; the unit logged in is %2. Log in as unit %1 to restore it: one unit&apos;s data is never restored into another&apos;s.</source>
        <translation>该备份属于单位 %1，当前登录的是单位 %2。请以单位 %1 登录后再恢复：一个单位的数据不会恢复到其他单位。</translation>
    </message>
    <message>
        <source>This backup was taken from server %1; the current server is %2. Items in it that were not sent yet will be sent to the current server.</source>
        <translation>该备份来自服务器 %1，当前服务器为 %2。备份中尚未发送的申报将发送到当前服务器。</translation>
    </message>
</context>
<context>
    <name>shebao::CacheSnapshot</name>
    <message>
        <source>The backup&apos;s content is not readable: it was not written by this program or it is damaged.</source>
        <translation>无法读取备份内容：该备份不是由本程序生成，或已损坏。</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of this program. Update the program on this computer, then restore again.</source>
        <translation>该备份由更新版本的程序生成。请先升级本机的程序，再进行恢复。</translation>
    </message>
    <message>
        <source>The backup belongs to unit %1, this local cache to unit %2: one unit&apos;s data is never restored into another&apos;s.</source>
        <translation>该备份属于单位 %1，本地缓存属于单位 %2：一个单位的数据不会恢复到其他单位。</translation>
    </message>
</context>
<context>
    <name>shebao::CertificateDialog</name>
    <message>
        <source>Certificate management</source>
        <translation>证书管理</translation>
    </message>
    <message>
        <source>PIN of the certificate file</source>
        <translation>证书文件的 PIN 码</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>Import &amp;PKCS#12 (.p12/.pfx)...</source>
        <translation>导入 PKCS#12 证书（.p12/.pfx）(&amp;P)...</translation>
    </message>
    <message>
        <source>Import PKCS#12</source>
        <translation>导入 PKCS#12 证书</translation>
    </message>
    <message>
        <source>Import P&amp;EM key and certificate...</source>
        <translation>导入 PEM 私钥和证书(&amp;E)...</translation>
    </message>
    <message>
        <source>Import PEM key and certificate</source>
        <translation>导入 PEM 私钥和证书</translation>
    </message>
    <message>
        <source>Imported certificates</source>
        <translation>已导入的证书</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import a certificate</source>
        <translation>导入证书</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Choose the private key (PEM)</source>
        <translation>选择私钥（PEM 格式）</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key)</source>
        <translation>PEM 文件 (*.pem *.key)</translation>
    </message>
    <message>
        <source>Choose the certificate (PEM)</source>
        <translation>选择证书（PEM 格式）</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer)</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (serial %2) expires on %3.</source>
        <translation>%1（序列号 %2）将于 %3 到期。</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Renew soon at the counter: %1</source>
        <translation>以下数字证书即将到期，请尽快到柜台办理更新：%1</translation>
    </message>
</context>
<context>
    <name>shebao::ChangeForm</name>
    <message>
        <source>The request %1 has no changed fields; its form cannot be printed.</source>
        <translation>变更申请 %1 没有变更的项目，无法打印表格。</translation>
    </message>
</context>
<context>
    <name>shebao::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The new password must have at least 8 characters, contain letters and digits, and must not be or contain the unit number.</source>
        <translation>新密码至少 8 位，须同时包含字母和数字，且不能是单位编号，也不能包含单位编号。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>修改(&amp;H)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
</context>
<context>
    <name>shebao::ChangeService</name>
    <message>
        <source>No information to change was entered.</source>
        <translation>没有填写要变更的信息。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a changeable field of the unit.</source>
        <translation>“%1”不是单位信息中可以变更的项目。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a changeable field of a person.</source>
        <translation>“%1”不是个人信息中可以变更的项目。</translation>
    </message>
    <message>
        <source>%1 was entered more than once.</source>
        <translation>%1填写了不止一次。</translation>
    </message>
    <message>
        <source>Choose the person whose information changes.</source>
        <translation>请选择要修改信息的人员。</translation>
    </message>
</context>
<context>
    <name>shebao::DeclarationForm</name>
    <message>
        <source>The batch %1 has no items loaded; the declaration form cannot be printed.</source>
        <translation>批次 %1 未载入人员明细，无法打印申报表。</translation>
    </message>
</context>
<context>
    <name>shebao::DeclarationService</name>
    <message>
        <source>Select at least one item to declare.</source>
        <translation>请至少选择一条待申报记录。</translation>
    </message>
    <message>
        <source>Enter the name of the reporter.</source>
        <translation>请填写报送人。</translation>
    </message>
</context>
<context>
    <name>shebao::EnrolmentCertificateForm</name>
    <message>
        <source>The certificate %1 was loaded without its content; it cannot be printed.</source>
        <translation>证明 %1 读取时缺少内容，无法打印。</translation>
    </message>
    <message>
        <source>The content of certificate %1 differs from what the agency signed; it is not printed.</source>
        <translation>证明 %1 的内容与经办机构签名的内容不一致，不予打印。</translation>
    </message>
    <message>
        <source>The certificate %1 has no valid verification address; it cannot be printed.</source>
        <translation>证明 %1 没有有效的核验网址，无法打印。</translation>
    </message>
</context>
<context>
    <name>shebao::EnrolmentCertificateService</name>
    <message>
        <source>Enter the purpose of the certificate (打印用途).</source>
        <translation>请填写打印用途。</translation>
    </message>
    <message>
        <source>The purpose may have at most %1 characters; it has %2.</source>
        <translation>打印用途最多 %1 个字，现有 %2 个字。</translation>
    </message>
    <message>
        <source>The purpose must be one line of text without control characters.</source>
        <translation>打印用途须为一行文字，不能含控制字符。</translation>
    </message>
    <message>
        <source>Choose the person the certificate is about.</source>
        <translation>请选择要出具证明的人员。</translation>
    </message>
</context>
<context>
    <name>shebao::LocalCache</name>
    <message>
        <source>The local cache cannot be opened.</source>
        <translation>无法打开本地缓存。</translation>
    </message>
    <message>
        <source>The local cache cannot be written.</source>
        <translation>无法写入本地缓存。</translation>
    </message>
    <message>
        <source>The local cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
    <message>
        <source>The local cache is damaged; sync again.</source>
        <translation>本地缓存已损坏，请重新同步。</translation>
    </message>
    <message>
        <source>The local cache cannot be prepared.</source>
        <translation>无法初始化本地缓存。</translation>
    </message>
    <message>
        <source>The local cache was written by a newer version of this program.</source>
        <translation>本地缓存由更新版本的程序写入，当前版本无法使用。</translation>
    </message>
    <message>
        <source>The local cache is not open.</source>
        <translation>本地缓存未打开。</translation>
    </message>
</context>
<context>
    <name>shebao::LoginDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Server settings...</source>
        <translation>服务器设置(&amp;S)...</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Logging in...</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Unit user login</source>
        <translation>单位用户登录</translation>
    </message>
    <message>
        <source>Log in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Changsha social insurance online service - unit user</source>
        <translation>长沙市社会保险业务网上经办系统 — 单位用户</translation>
    </message>
    <message>
        <source>Unit number</source>
        <translation>单位编号</translation>
    </message>
    <message>
        <source>Enter the unit number</source>
        <translation>请输入单位编号</translation>
    </message>
    <message>
        <source>Login password</source>
        <translation>登录密码</translation>
    </message>
    <message>
        <source>Enter the login password</source>
        <translation>请输入登录密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>服务器设置</translation>
    </message>
    <message>
        <source>Login error</source>
        <translation>登录错误</translation>
    </message>
    <message>
        <source>&amp;Unit number:</source>
        <translation>单位编号(&amp;U)：</translation>
    </message>
    <message>
        <source>Login &amp;password:</source>
        <translation>登录密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Your login has expired. Enter the password again to continue; nothing you have open is lost.</source>
        <translation>登录已过期。请重新输入密码以继续，已打开的内容不会丢失。</translation>
    </message>
    <message>
        <source>Enter the unit number.</source>
        <translation>请输入单位编号。</translation>
    </message>
    <message>
        <source>Enter the login password.</source>
        <translation>请输入登录密码。</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
</context>
<context>
    <name>shebao::LoginService</name>
    <message>
        <source>The local cache cannot be opened.</source>
        <translation>无法打开本地缓存。</translation>
    </message>
    <message>
        <source>The server cannot be reached, and the password does not match the one last used on this computer, so the saved data cannot be opened.</source>
        <translation>无法连接服务器，且登录密码与本机上次使用的密码不一致，无法打开本地保存的数据。</translation>
    </message>
</context>
<context>
    <name>shebao::MainWindow</name>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Fetch the unit&apos;s current data from the server (F5)</source>
        <translation>从服务器获取本单位最新数据（F5）</translation>
    </message>
    <message>
        <source>&amp;Find person</source>
        <translation>查找人员(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About shebao-desk</source>
        <translation>关于 shebao-desk</translation>
    </message>
    <message>
        <source>shebao-desk %1
Social insurance business of employer units in Changsha.</source>
        <translation>shebao-desk %1
长沙市参保单位社会保险业务网上办理。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Cannot read the local cache: %1</source>
        <translation>无法读取本地缓存：%1</translation>
    </message>
    <message>
        <source>%1 - Changsha social insurance online service</source>
        <translation>%1 — 长沙市社会保险业务网上经办系统</translation>
    </message>
    <message>
        <source>Offline: log in again while the server is reachable to sync</source>
        <translation>离线：请在可连接服务器时重新登录后再同步</translation>
    </message>
    <message>
        <source>Logged in again.</source>
        <translation>已重新登录。</translation>
    </message>
    <message>
        <source>Not logged in again: the data shown may be out of date until you sync.</source>
        <translation>未重新登录：同步之前，显示的数据可能不是最新的。</translation>
    </message>
    <message>
        <source>Authorization application %1: %2.</source>
        <translation>授权申请 %1：%2。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>退回原因：%1</translation>
    </message>
    <message>
        <source>&amp;Declarations</source>
        <translation>异动申报(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Add staff...</source>
        <translation>异动新增(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Remove staff...</source>
        <translation>异动减少(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Declare and query</source>
        <translation>申报及查询(&amp;D)</translation>
    </message>
    <message>
        <source>Batch &amp;import...</source>
        <translation>批量导入(&amp;I)...</translation>
    </message>
    <message>
        <source>Information changes need a connection to the server.</source>
        <translation>信息变更需要连接服务器。</translation>
    </message>
    <message>
        <source>&amp;Maintenance</source>
        <translation>信息维护(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Unit information change...</source>
        <translation>单位信息变更(&amp;U)...</translation>
    </message>
    <message>
        <source>&amp;Personal information change...</source>
        <translation>个人信息变更(&amp;P)...</translation>
    </message>
</context>
<context>
    <name>shebao::ModuleTreeWidget</name>
    <message>
        <source>Business modules</source>
        <translation>业务模块</translation>
    </message>
    <message>
        <source>System management</source>
        <comment>module</comment>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Authorization application</source>
        <comment>entry</comment>
        <translation>授权申请</translation>
    </message>
    <message>
        <source>Change password</source>
        <comment>entry</comment>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Certificate management</source>
        <comment>entry</comment>
        <translation>证书管理</translation>
    </message>
    <message>
        <source>Staff change declaration</source>
        <comment>module</comment>
        <translation>异动申报</translation>
    </message>
    <message>
        <source>Add staff</source>
        <comment>entry</comment>
        <translation>异动新增</translation>
    </message>
    <message>
        <source>Remove staff</source>
        <comment>entry</comment>
        <translation>异动减少</translation>
    </message>
    <message>
        <source>Declare and query</source>
        <comment>entry</comment>
        <translation>申报及查询</translation>
    </message>
    <message>
        <source>Batch import</source>
        <comment>entry</comment>
        <translation>批量导入</translation>
    </message>
    <message>
        <source>Information maintenance</source>
        <comment>module</comment>
        <translation>信息维护</translation>
    </message>
    <message>
        <source>Unit information change</source>
        <comment>entry</comment>
        <translation>单位信息变更</translation>
    </message>
    <message>
        <source>Personal information change</source>
        <comment>entry</comment>
        <translation>个人信息变更</translation>
    </message>
    <message>
        <source>Online payment</source>
        <comment>module</comment>
        <translation>网上缴费</translation>
    </message>
    <message>
        <source>Arrears back payment</source>
        <comment>entry</comment>
        <translation>断档补缴</translation>
    </message>
    <message>
        <source>Pay by bill</source>
        <comment>entry</comment>
        <translation>有单缴费</translation>
    </message>
    <message>
        <source>Bank payment slip query</source>
        <comment>entry</comment>
        <translation>银行缴费单查询</translation>
    </message>
    <message>
        <source>Unit query</source>
        <comment>module</comment>
        <translation>单位查询</translation>
    </message>
    <message>
        <source>Unit information</source>
        <comment>entry</comment>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Staff list</source>
        <comment>entry</comment>
        <translation>人员名单</translation>
    </message>
    <message>
        <source>Enrolment certificate</source>
        <comment>entry</comment>
        <translation>参保证明</translation>
    </message>
    <message>
        <source>This function will be provided in a later version.</source>
        <translation>本功能将在后续版本提供。</translation>
    </message>
    <message>
        <source>This unit is not yet authorized for online business (ordinary user) and cannot use this function. Submit an application under &quot;System management &gt; Authorization application&quot;, print the user commitment letter, stamp it with the unit&apos;s official seal and upload it, then have the authorization opened at the unit business counter of the social insurance collection centre, 2nd floor, Tianxin District Human Resources and Social Security Bureau.</source>
        <translation>本单位尚未开通网上经办权限（普通用户），不能办理此业务。请在“系统管理 → 授权申请”中提交申请，打印《用户承诺书》加盖单位公章并上传，再到天心区人社局二楼社保征缴中心单位业务窗口开通权限。</translation>
    </message>
    <message>
        <source>Data backup</source>
        <comment>entry</comment>
        <translation>数据备份</translation>
    </message>
    <message>
        <source>Data restore</source>
        <comment>entry</comment>
        <translation>数据恢复</translation>
    </message>
    <message>
        <source>Home</source>
        <comment>entry</comment>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>shebao::OutboxService</name>
    <message>
        <source>Saved on this computer. It will be sent when you are connected to the server.</source>
        <translation>已保存在本机，连接服务器后将自动发送。</translation>
    </message>
    <message>
        <source>Not sent: cancelled before it was sent.</source>
        <translation>未发送：发送前已取消。</translation>
    </message>
    <message>
        <source>This item may already have reached the server. Wait until it is sent, then withdraw it from the pending list.</source>
        <translation>该记录可能已送达服务器。请等待发送完成，再从待申报列表中撤销。</translation>
    </message>
</context>
<context>
    <name>shebao::OutboxStore</name>
    <message>
        <source>This saved item is no longer in the outbox.</source>
        <translation>该保存记录已不在待发送列表中。</translation>
    </message>
    <message>
        <source>Only an item the server refused can be corrected and sent again.</source>
        <translation>只有被服务器拒绝的记录才能修改后重新发送。</translation>
    </message>
    <message>
        <source>The kind of this item was chosen by the user.</source>
        <translation>此记录的业务类别（新增/续保）由用户选定。</translation>
    </message>
</context>
<context>
    <name>shebao::PendingFigure</name>
    <message>
        <source>The local cache is not open.</source>
        <translation>本地缓存未打开。</translation>
    </message>
    <message>
        <source>Items not yet sent</source>
        <translation>尚未发送的申报</translation>
    </message>
    <message>
        <source>Items waiting to be declared</source>
        <translation>待申报的人员</translation>
    </message>
    <message>
        <source>Batches waiting for the paper form</source>
        <translation>待交纸质表的批次</translation>
    </message>
    <message>
        <source>Unit changes under review</source>
        <translation>待审核的单位信息变更</translation>
    </message>
    <message>
        <source>Personal changes under review</source>
        <translation>待审核的个人信息变更</translation>
    </message>
    <message>
        <source>Drafts of staff changes</source>
        <translation>异动申报草稿</translation>
    </message>
    <message>
        <source>Drafts of information changes</source>
        <translation>信息变更草稿</translation>
    </message>
    <message>
        <source>Unpaid arrears bills</source>
        <translation>未缴费的断档缴费单</translation>
    </message>
</context>
<context>
    <name>shebao::PersonListPage</name>
    <message>
        <source>Staff list</source>
        <translation>人员名单</translation>
    </message>
    <message>
        <source>Filter by name or ID number</source>
        <translation>按姓名或身份证号筛选</translation>
    </message>
    <message>
        <source>Type a name, an ID number or a person number (Ctrl+F)</source>
        <translation>输入姓名、身份证号或个人编号（Ctrl+F）</translation>
    </message>
    <message>
        <source>People of the unit</source>
        <translation>本单位人员</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Show or hide the full ID number of the selected person (Ctrl+I)</source>
        <translation>显示或隐藏所选人员的完整身份证号（Ctrl+I）</translation>
    </message>
    <message>
        <source>%1 people / %2 shown</source>
        <translation>共 %1 人 / 显示 %2 人</translation>
    </message>
    <message>
        <source>No people in the local copy yet. Use Sync while online to fetch the staff list.</source>
        <translation>本地尚无人员数据。请在联网时点击“同步”获取人员名单。</translation>
    </message>
    <message>
        <source>Fil&amp;ter:</source>
        <translation>筛选(&amp;T)：</translation>
    </message>
    <message>
        <source>Hide &amp;ID number</source>
        <translation>隐藏身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>Show &amp;ID number</source>
        <translation>显示身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel...</source>
        <translation>导出 Excel(&amp;X)...</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Save the whole staff list (full ID numbers) as an .xlsx workbook</source>
        <translation>将整个人员名单（含完整身份证号码）保存为 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Export the staff list to Excel</source>
        <translation>导出人员名单到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n people to %1.</source>
        <translation>
            <numerusform>已导出 %n 人到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shebao::PersonTableModel</name>
    <message>
        <source>Masked. Use &quot;Show ID number&quot; to see the full number.</source>
        <translation>已遮蔽。点击“显示身份证号”查看完整号码。</translation>
    </message>
    <message>
        <source>Person No.</source>
        <translation>个人编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Insurance %1: %2</source>
        <translation>险种 %1：%2</translation>
    </message>
    <message>
        <source>Pension</source>
        <comment>insurance type (column header)</comment>
        <translation>养老</translation>
    </message>
    <message>
        <source>Unemployment</source>
        <comment>insurance type (column header)</comment>
        <translation>失业</translation>
    </message>
    <message>
        <source>Medical</source>
        <comment>insurance type (column header)</comment>
        <translation>医疗</translation>
    </message>
    <message>
        <source>Work injury</source>
        <comment>insurance type (column header)</comment>
        <translation>工伤</translation>
    </message>
    <message>
        <source>Maternity</source>
        <comment>insurance type (column header)</comment>
        <translation>生育</translation>
    </message>
    <message>
        <source>Contributing</source>
        <comment>enrolment status</comment>
        <translation>参保缴费</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>enrolment status</comment>
        <translation>暂停缴费</translation>
    </message>
    <message>
        <source>Terminated</source>
        <comment>enrolment status</comment>
        <translation>终止缴费</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <comment>enrolment status</comment>
        <translation>未参保</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>gender</comment>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>shebao::ServerSettingsDialog</name>
    <message>
        <source>Server settings</source>
        <translation>服务器设置</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Empty: trust the system&apos;s certificates only</source>
        <translation>留空：仅信任系统证书</translation>
    </message>
    <message>
        <source>Choose CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation>CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>The connection is always encrypted and the server&apos;s certificate is always checked. Choose a CA file only if your agency gave you one.</source>
        <translation>连接始终加密，并始终校验服务器证书。仅当经办机构提供了 CA 证书文件时才需选择。</translation>
    </message>
    <message>
        <source>The server address must start with https:// followed by a host name, for example https://127.0.0.1:8443.</source>
        <translation>服务器地址必须以 https:// 开头并包含主机名，例如 https://127.0.0.1:8443。</translation>
    </message>
    <message>
        <source>Choose CA certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate file.</source>
        <translation>%1 不是可读取的 PEM 证书文件。</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>选择(&amp;H)...</translation>
    </message>
</context>
<context>
    <name>shebao::SessionStatusBar</name>
    <message>
        <source>Account level</source>
        <translation>账户级别</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>同步进度</translation>
    </message>
    <message>
        <source>Syncing %p%</source>
        <translation>正在同步 %p%</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>取消同步</translation>
    </message>
    <message>
        <source>Syncing the unit&apos;s data...</source>
        <translation>正在同步本单位数据…</translation>
    </message>
    <message>
        <source>Ordinary user (not authorized)</source>
        <translation>普通用户（未授权）</translation>
    </message>
    <message>
        <source>Authorized user</source>
        <translation>授权用户</translation>
    </message>
    <message>
        <source>Certificate user</source>
        <translation>证书用户</translation>
    </message>
    <message>
        <source>Offline (read-only, data from the local cache)</source>
        <translation>离线（只读，数据来自本地缓存）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>最近同步：%1</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>最近同步：从未同步</translation>
    </message>
    <message>
        <source>Syncing: %1 of %2 people</source>
        <translation>正在同步：%1 / %2 人</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>同步完成。</translation>
    </message>
    <message>
        <source>Sync cancelled; the previous data is kept.</source>
        <translation>同步已取消，保留原有数据。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Server unreachable (showing the last synced data)</source>
        <translation>无法连接服务器（显示的是最近同步的数据）</translation>
    </message>
</context>
<context>
    <name>shebao::SyncService</name>
    <message>
        <source>The local cache is not open.</source>
        <translation>本地缓存未打开。</translation>
    </message>
    <message>
        <source>The server sent the people out of order.</source>
        <translation>服务器返回的人员数据顺序有误。</translation>
    </message>
    <message>
        <source>Sync cancelled; the previous copy is kept.</source>
        <translation>同步已取消，保留原有数据。</translation>
    </message>
</context>
<context>
    <name>shebao::UnitInfoPage</name>
    <message>
        <source>The unit&apos;s information has not been synced yet. Use Sync when online.</source>
        <translation>尚未同步单位信息。请在联网时点击“同步”。</translation>
    </message>
    <message>
        <source>Unit information</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Fields in blue are key information: changing them needs supporting documents and the agency&apos;s review.</source>
        <translation>蓝色字样为关键信息：变更时需提交证明材料并经社保经办机构审核。</translation>
    </message>
    <message>
        <source>Unit number</source>
        <translation>单位编号</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Unit type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Economic type</source>
        <translation>经济类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Work injury risk class</source>
        <translation>工伤行业风险类别</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>注册地址</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区县</translation>
    </message>
    <message>
        <source>Handling agency</source>
        <translation>经办机构</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>通讯地址</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Account level</source>
        <translation>账户级别</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1 类</translation>
    </message>
</context>
<context>
    <name>shebao::cli</name>
    <message>
        <source>--server needs a URL</source>
        <translation>--server 需要一个网址</translation>
    </message>
    <message>
        <source>--server must be an https:// URL, e.g. https://127.0.0.1:8443</source>
        <translation>--server 必须是 https:// 网址，例如 https://127.0.0.1:8443</translation>
    </message>
    <message>
        <source>--ca needs a file</source>
        <translation>--ca 需要一个文件</translation>
    </message>
    <message>
        <source>--unit needs a unit number</source>
        <translation>--unit 需要单位编号</translation>
    </message>
    <message>
        <source>--cert needs a .p12 file</source>
        <translation>--cert 需要一个 .p12 文件</translation>
    </message>
    <message>
        <source>No password on standard input.</source>
        <translation>标准输入中没有密码。</translation>
    </message>
    <message>
        <source>error: %1 [%2]</source>
        <translation>错误：%1 [%2]</translation>
    </message>
    <message>
        <source>hint: pass the server&apos;s CA certificate with --ca FILE</source>
        <translation>提示：请用 --ca 文件 指定服务器的 CA 证书</translation>
    </message>
    <message>
        <source>This command needs --unit NO and --password-stdin (the password on standard input), or --cert FILE.p12 --pin-stdin.</source>
        <translation>此命令需要 --unit 单位编号 和 --password-stdin（从标准输入读取密码），或 --cert 文件.p12 --pin-stdin。</translation>
    </message>
    <message>
        <source>--cert needs --pin-stdin (the certificate&apos;s PIN on standard input).</source>
        <translation>--cert 须与 --pin-stdin 同时使用（从标准输入读取证书 PIN 码）。</translation>
    </message>
    <message>
        <source>No PIN on standard input.</source>
        <translation>标准输入中没有 PIN 码。</translation>
    </message>
    <message>
        <source>The certificate names no unit: give the unit number with --unit NO.</source>
        <translation>证书中未包含单位信息，请用 --unit 单位编号 指定单位编号。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::AddLookupPage</name>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Select</source>
        <translation>选中(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Renewal</source>
        <translation>续保(&amp;R)</translation>
    </message>
    <message>
        <source>Ne&amp;w enrolment</source>
        <translation>新增(&amp;W)</translation>
    </message>
    <message>
        <source>Look up the person</source>
        <translation>查询人员</translation>
    </message>
    <message>
        <source>Enter the ID number of the person to enrol and press Look up. Check what the agency knows about them, press Select, then Renewal or New enrolment.</source>
        <translation>录入欲新增人员的身份证号码后点“查询”；核对下方显示的人员信息，点“选中”，再点“续保”或“新增”。</translation>
    </message>
    <message>
        <source>18-character ID number</source>
        <translation>18 位身份证号码</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选中</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续保</translation>
    </message>
    <message>
        <source>New enrolment</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <source>Looking up %1 ...</source>
        <translation>正在查询 %1 ……</translation>
    </message>
    <message>
        <source>Check the person below and press Select.</source>
        <translation>请核对下方人员信息后点“选中”。</translation>
    </message>
    <message>
        <source>Nothing can be declared for this person now:</source>
        <translation>该人员目前不能办理：</translation>
    </message>
    <message>
        <source>New enrolment is not possible: the person was enrolled before, so the enrolment continues as a renewal.</source>
        <translation>不能新增：该人员以前参过保，应办理续保。</translation>
    </message>
    <message>
        <source>Renewal is not possible: the person has never been enrolled, so this is a new enrolment.</source>
        <translation>不能续保：该人员从未参保，应办理新增。</translation>
    </message>
    <message>
        <source>The server cannot be reached, so what the agency knows about the person cannot be shown. Select, then choose New enrolment or Renewal yourself; the server checks it when the item is sent.</source>
        <translation>无法连接服务器，暂不能显示社保经办机构掌握的人员信息。请点“选中”，再自行选择“新增”或“续保”；记录发送时由服务器核对。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::AddPersonPage</name>
    <message>
        <source>Personal information</source>
        <translation>人员信息</translation>
    </message>
    <message>
        <source>Fill in the form. Items in red are required. Gender and date of birth follow from the ID number.</source>
        <translation>填报相关信息，其中红字项为必填项。性别和出生日期由身份证号码确定。</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>姓名(&amp;A)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Follows from the ID number</source>
        <translation>由身份证号码确定</translation>
    </message>
    <message>
        <source>&amp;Ethnicity</source>
        <translation>民族(&amp;E)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Household re&amp;gistration</source>
        <translation>户口性质(&amp;G)</translation>
    </message>
    <message>
        <source>E&amp;mployment form</source>
        <translation>用工形式(&amp;M)</translation>
    </message>
    <message>
        <source>Personal &amp;status</source>
        <translation>个人身份(&amp;S)</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Date of first emp&amp;loyment</source>
        <translation>参加工作日期(&amp;L)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2018-07-01</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>Mobile or 0731-xxxxxxxx</source>
        <translation>手机号码或 0731-xxxxxxxx</translation>
    </message>
    <message>
        <source>Insurances</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>Enter the date of first employment as YYYY-MM-DD.</source>
        <translation>参加工作日期应为日期，如 2018-07-01。</translation>
    </message>
    <message>
        <source>The date of first employment is before the date of birth.</source>
        <translation>参加工作日期早于出生日期。</translation>
    </message>
    <message>
        <source>The date of first employment is in the future.</source>
        <translation>参加工作日期晚于今天。</translation>
    </message>
    <message>
        <source>Choose at least one insurance.</source>
        <translation>请至少选择一个险种。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::AddWagePage</name>
    <message>
        <source>&amp;Confirm wage</source>
        <translation>确认工资(&amp;C)</translation>
    </message>
    <message>
        <source>Enrolment month and wage</source>
        <translation>参保时间和工资基数</translation>
    </message>
    <message>
        <source>Choose the first month of contributions, enter the wage and press Confirm wage, then Save.</source>
        <translation>选择参保开始年月，在“工资基数”处录入工资标准，点“确认工资”，再点“保存”。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Monthly wage in yuan, e.g. 6500.00</source>
        <translation>月工资，单位元，如 6500.00</translation>
    </message>
    <message>
        <source>Confirm wage</source>
        <translation>确认工资</translation>
    </message>
    <message>
        <source>The enrolment can start at most two months back.</source>
        <translation>参保时间最长可往前选两个月。</translation>
    </message>
    <message>
        <source>Enrolment start m&amp;onth</source>
        <translation>参保开始年月(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Wage base</source>
        <translation>工资基数(&amp;W)</translation>
    </message>
    <message>
        <source>%1: %2, ID number %3</source>
        <translation>%1：%2，身份证号码 %3</translation>
    </message>
    <message>
        <source>Press Confirm wage to see the contribution base that applies.</source>
        <translation>点“确认工资”查看适用的缴费基数。</translation>
    </message>
    <message>
        <source>Enter the wage base as a positive amount in yuan with at most two decimals.</source>
        <translation>工资基数应为大于零的金额（元），最多两位小数。</translation>
    </message>
    <message>
        <source>Choose the enrolment start month.</source>
        <translation>请选择参保开始年月。</translation>
    </message>
    <message>
        <source>Contribution base from %1: %2 yuan (limits %3 – %4 yuan).</source>
        <translation>自 %1 起的缴费基数：%2 元（上下限 %3 – %4 元）。</translation>
    </message>
    <message>
        <source>below the lower limit of %1 yuan, so the lower limit applies</source>
        <translation>低于缴费基数下限 %1 元，按下限计</translation>
    </message>
    <message>
        <source>above the upper limit of %1 yuan, so the upper limit applies</source>
        <translation>高于缴费基数上限 %1 元，按上限计</translation>
    </message>
    <message>
        <source>The wage of %1 yuan is %2: contributions are based on %3 yuan (policy table &quot;%4&quot;, period %5).</source>
        <translation>工资 %1 元%2：按 %3 元缴费（依据《%4》，期间 %5）。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::AddWizard</name>
    <message>
        <source>Add staff</source>
        <translation>异动新增</translation>
    </message>
    <message>
        <source>Add staff: %1 %2</source>
        <translation>异动新增：%1 %2</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ApplicantPage</name>
    <message>
        <source>Application</source>
        <translation>申请信息</translation>
    </message>
    <message>
        <source>Enter the person handling the application and save. Fields marked * are required.</source>
        <translation>请填写经办人信息后保存。标有 * 的为必填项。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <source>Applicant&apos;s ID number</source>
        <translation>经办人身份证号码</translation>
    </message>
    <message>
        <source>Applicant&apos;s mobile</source>
        <translation>经办人手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unit number</source>
        <translation>单位编号</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填项</translation>
    </message>
    <message>
        <source>The counter returned the application: %1</source>
        <translation>申请已被柜台退回，原因：%1</translation>
    </message>
    <message>
        <source>Enter a mobile number (11 digits starting with 1).</source>
        <translation>请输入手机号码（以 1 开头的 11 位数字）。</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>请输入有效的电子邮箱，如 name@example.com。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsBillPage</name>
    <message>
        <source>Arrears bill</source>
        <translation>断档缴费单</translation>
    </message>
    <message>
        <source>Pay online through the bank&apos;s payment page, or download and print the payment slip and pay at any branch of Bank of Changsha before the pay-by date. The bill is also listed under Bank payment slip query.</source>
        <translation>可点击“网上缴费”在长沙银行支付页面缴费，或“下载打印”缴费单，于限缴日期前到任一家长沙银行网点缴费。缴费单也可在“银行缴费单查询”中查到。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsEstimatePage</name>
    <message>
        <source>&amp;Generate arrears bill</source>
        <translation>生成断档缴费单(&amp;G)</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>补缴金额</translation>
    </message>
    <message>
        <source>The amounts as of today, computed by the agency&apos;s server. Check them and press Generate arrears bill.</source>
        <translation>以下金额由经办机构服务器按今天计算。请核对后点击“生成断档缴费单”。</translation>
    </message>
    <message>
        <source>Amounts per month</source>
        <translation>逐月补缴金额</translation>
    </message>
    <message>
        <source>Generate arrears bill</source>
        <translation>生成断档缴费单</translation>
    </message>
    <message>
        <source>Computing the amounts ...</source>
        <translation>正在计算补缴金额……</translation>
    </message>
    <message>
        <source>Policy table: %1</source>
        <translation>政策参数表：%1</translation>
    </message>
    <message>
        <source> (region %1)</source>
        <translation>（行政区划 %1）</translation>
    </message>
    <message>
        <source>Policy periods used: %1</source>
        <translation>使用的政策期间：%1</translation>
    </message>
    <message>
        <source>Late fee up to and including %1.</source>
        <translation>滞纳金计算至 %1（含当日）。</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): principal %1 yuan, late fee %2 yuan, total %3 yuan (%4).</source>
        <translation>
            <numerusform>共 %n 个月：本金 %1 元，滞纳金 %2 元，合计 %3 元（%4）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating the arrears bill ...</source>
        <translation>正在生成断档缴费单……</translation>
    </message>
    <message>
        <source>%1 Press Generate arrears bill again: it does not make a second bill.</source>
        <translation>%1 请再次点击“生成断档缴费单”，不会重复生成缴费单。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsMonthModel</name>
    <message>
        <source> (lower limit)</source>
        <translation>（按下限）</translation>
    </message>
    <message>
        <source>The wage %1 is below this period&apos;s lower limit %2; the lower limit applies.</source>
        <translation>缴费工资 %1 低于该期间的缴费基数下限 %2，按下限计算。</translation>
    </message>
    <message>
        <source> (upper limit)</source>
        <translation>（按上限）</translation>
    </message>
    <message>
        <source>The wage %1 is above this period&apos;s upper limit %2; the upper limit applies.</source>
        <translation>缴费工资 %1 高于该期间的缴费基数上限 %2，按上限计算。</translation>
    </message>
    <message>
        <source>%1: rate %2</source>
        <translation>%1：费率 %2</translation>
    </message>
    <message>
        <source>Due on %1; late fee from the next day up to and including %2.</source>
        <translation>应缴日期 %1；滞纳金自次日起计至 %2（含当日）。</translation>
    </message>
    <message>
        <source>The late fee is capped at the principal.</source>
        <translation>滞纳金以本金为限。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>所属期</translation>
    </message>
    <message>
        <source>Policy period</source>
        <translation>政策期间</translation>
    </message>
    <message>
        <source>Contribution base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <source>%1 unit</source>
        <comment>insurance column</comment>
        <translation>%1单位</translation>
    </message>
    <message>
        <source>%1 person</source>
        <comment>insurance column</comment>
        <translation>%1个人</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Late days</source>
        <translation>滞纳天数</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsOptionsPage</name>
    <message>
        <source>Not part of the unit&apos;s settlement</source>
        <translation>不参与单位结算</translation>
    </message>
    <message>
        <source>Part of the unit&apos;s settlement</source>
        <translation>参与单位结算</translation>
    </message>
    <message>
        <source>Wage and settlement</source>
        <translation>缴费工资与单位结算</translation>
    </message>
    <message>
        <source>Confirm the contribution wage, choose &quot;not part of the unit&apos;s settlement&quot;, and if only part of the gaps is to be paid back, the first and last month.</source>
        <translation>请确认缴费工资，选择“不参与单位结算”；只补缴部分断档时，填写补缴起止年月。</translation>
    </message>
    <message>
        <source>yuan per month, e.g. 5000.00</source>
        <translation>每月工资（元），如 5000.00</translation>
    </message>
    <message>
        <source>Each month&apos;s contribution base is this wage clamped to that month&apos;s lower and upper limits.</source>
        <translation>每月的缴费基数为该工资按当月缴费基数上下限调整后的金额。</translation>
    </message>
    <message>
        <source>YYYY-MM, optional</source>
        <translation>YYYY-MM，可不填</translation>
    </message>
    <message>
        <source>Unit settlement</source>
        <translation>单位结算</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Contribution &amp;wage (yuan)</source>
        <translation>缴费工资（元）(&amp;W)</translation>
    </message>
    <message>
        <source>Back-payment &amp;months</source>
        <translation>补缴起止年月(&amp;M)</translation>
    </message>
    <message>
        <source>Back-payment months, last</source>
        <translation>补缴终止年月</translation>
    </message>
    <message>
        <source>Empty: every month that can be paid back (%1).</source>
        <translation>不填则补缴全部可补缴月份（%1）。</translation>
    </message>
    <message>
        <source>The contribution wage must be an amount greater than 0 with at most two decimals.</source>
        <translation>缴费工资须为大于0的金额，最多两位小数</translation>
    </message>
    <message>
        <source>The back-payment months must be written YYYY-MM, and the first may not be after the last.</source>
        <translation>补缴起止年月格式应为YYYY-MM，且起始不晚于终止</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsPersonPage</name>
    <message>
        <source>&amp;Find gaps</source>
        <translation>查询断档(&amp;F)</translation>
    </message>
    <message>
        <source>Enter the ID number</source>
        <translation>输入身份证号</translation>
    </message>
    <message>
        <source>Enter the ID number of the person whose contributions are to be paid back, and press Find gaps. Gaps older than three months can be paid back; newer ones are declared as staff changes.</source>
        <translation>输入需补缴人员的身份证号，点击“查询断档”。三个月以前的断档可在此补缴；近三个月的断档请通过异动申报办理。</translation>
    </message>
    <message>
        <source>18-character ID number</source>
        <translation>18 位身份证号码</translation>
    </message>
    <message>
        <source>YYYY-MM, optional</source>
        <translation>YYYY-MM，可不填</translation>
    </message>
    <message>
        <source>When the unit employed the person before enrolling them: the month the employment began. The months from then on count as gaps too.</source>
        <translation>单位用工后未及时参保的，填写实际用工起始年月，自该月起未参保的月份也计为断档。</translation>
    </message>
    <message>
        <source>Find gaps</source>
        <translation>查询断档</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Employment start month</source>
        <translation>用工起始年月(&amp;E)</translation>
    </message>
    <message>
        <source>Write the employment start month as YYYY-MM, e.g. 2018-03.</source>
        <translation>用工起始年月应写作 YYYY-MM，如 2018-03。</translation>
    </message>
    <message>
        <source>Looking for the gaps of %1 ...</source>
        <translation>正在查询 %1 的断档……</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n month(s) can be paid back.</source>
        <translation>
            <numerusform>%1：可补缴 %n 个月。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsUnitPage</name>
    <message>
        <source>Choose a unit</source>
        <translation>选择一个单位</translation>
    </message>
    <message>
        <source>Choose the unit for which the gaps are paid back. Only gaps older than three months (and not before 1995-01) can be paid back here.</source>
        <translation>选择为其补缴断档的单位。此处只能补缴三个月以前、且不早于1995年1月的断档。</translation>
    </message>
    <message>
        <source>Units with gaps</source>
        <translation>有断档的单位</translation>
    </message>
    <message>
        <source>Unit and gaps</source>
        <translation>单位及断档</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>%1, ID number %2. Current month %3: gaps up to %4 can be paid back here.</source>
        <translation>%1，公民身份号码 %2。当前年月 %3，可补缴 %4 及以前的断档。</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) to pay back</source>
        <translation>
            <numerusform>可补缴 %n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrolled with this unit: %1 to %2; risk class %3; insurances %4</source>
        <translation>在本单位参保：%1 至 %2；工伤风险类别 %3；参保险种 %4</translation>
    </message>
    <message>
        <source>Can be paid back: %1</source>
        <translation>可补缴：%1</translation>
    </message>
    <message>
        <source>Within the last three months: %1 (declare it as a staff change)</source>
        <translation>近三个月：%1（请通过异动申报办理）</translation>
    </message>
    <message>
        <source>Gaps of the last three months are handled by staff change declarations.</source>
        <translation>近三个月的断档请通过异动申报办理。</translation>
    </message>
    <message>
        <source>Already in the unpaid bill %1: %2</source>
        <translation>已在未缴费的缴费单 %1 中：%2</translation>
    </message>
    <message>
        <source>Pay or cancel that bill first (Bank payment slip query).</source>
        <translation>请先缴费或作废该缴费单（银行缴费单查询）。</translation>
    </message>
    <message>
        <source>This unit has no gaps older than three months to pay back.</source>
        <translation>该单位没有三个月以前可补缴的断档。</translation>
    </message>
    <message>
        <source>The person has no gaps older than three months with this unit that can be paid back.</source>
        <translation>该人员在本单位没有可补缴的断档月份（三个月以前）。</translation>
    </message>
    <message>
        <source>Gaps within the last three months are declared under Staff change declaration.</source>
        <translation>近三个月的断档请在“异动申报”中办理。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ArrearsWizard</name>
    <message>
        <source>Arrears back payment</source>
        <translation>断档补缴</translation>
    </message>
    <message>
        <source>Arrears back payment: %1 %2</source>
        <translation>断档补缴：%1 %2</translation>
    </message>
</context>
<context>
    <name>shebao::ui::AuthorizationWizard</name>
    <message>
        <source>Authorization application</source>
        <translation>授权申请</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BackupDialog</name>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>Data backup</source>
        <translation>数据备份</translation>
    </message>
    <message>
        <source>Saves this unit&apos;s drafts, the declarations not yet sent, the record of printed forms and this program&apos;s settings to one file protected by a password you choose, to be restored on this or another computer. The login password is not saved; the staff list is fetched from the server again.</source>
        <translation>将本单位的草稿、尚未发送的申报、打印记录和本程序的设置保存为一个由您设定密码保护的文件，可在本机或其他电脑上恢复。登录密码不会保存；人员名单恢复后从服务器重新获取。</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Backup password</source>
        <translation>备份密码</translation>
    </message>
    <message>
        <source>Backup password again</source>
        <translation>再次输入备份密码</translation>
    </message>
    <message>
        <source>At least %1 characters. Keep it safe: without it the backup cannot be restored, and nobody can recover it.</source>
        <translation>至少 %1 个字符。请妥善保管：忘记密码将无法恢复备份，任何人都无法找回。</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>备份文件保存为</translation>
    </message>
    <message>
        <source>Choose where to save the backup file.</source>
        <translation>请选择备份文件的保存位置。</translation>
    </message>
    <message>
        <source>The two backup passwords differ.</source>
        <translation>两次输入的备份密码不一致。</translation>
    </message>
    <message>
        <source>The data of unit %1 was backed up to %2.</source>
        <translation>单位 %1 的数据已备份到 %2。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BackupText</name>
    <message>
        <source>social-insurance-backup</source>
        <translation>社保数据备份</translation>
    </message>
    <message>
        <source>Data backups (*.sbk);;All files (*)</source>
        <translation>数据备份 (*.sbk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backup of unit %1, made %2 from server %3 (%4).</source>
        <translation>单位 %1 的备份，备份于 %2，来自服务器 %3（%4）。</translation>
    </message>
    <message>
        <source>Restored: %1 draft(s), %2 outbox record(s) of declarations, %3 record(s) of printed forms.</source>
        <translation>已恢复：草稿 %1 份，申报发送记录 %2 条，打印记录 %3 条。</translation>
    </message>
    <message>
        <source>%1 item(s) were already on this computer and were left as they are.</source>
        <translation>另有 %1 项已在本机，保持不变。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BatchFormActions</name>
    <message numerus="yes">
        <source>Printed the form of batch %1 (%n page(s)).</source>
        <translation>
            <numerusform>已打印批次 %1 的申报表（共 %n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the declaration form as PDF</source>
        <translation>将申报表另存为 PDF</translation>
    </message>
    <message>
        <source>Staff change declaration form</source>
        <translation>人员异动申报表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>Export the batch to Excel</source>
        <translation>导出批次到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BatchTableModel</name>
    <message>
        <source>%1 (signed)</source>
        <translation>%1（已签名）</translation>
    </message>
    <message>
        <source>%1 (+%2 / -%3)</source>
        <translation>%1（增 %2 / 减 %3）</translation>
    </message>
    <message>
        <source>Batch number</source>
        <translation>申报批次号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation>申报时间</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Return reason</source>
        <translation>退回原因</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BatchesTab</name>
    <message>
        <source>Re&amp;load</source>
        <translation>刷新(&amp;L)</translation>
    </message>
    <message>
        <source>Print the staff change declaration form (authorized units only)</source>
        <translation>人员异动申报表（仅供授权单位使用）打印</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel...</source>
        <translation>导出 Excel(&amp;X)...</translation>
    </message>
    <message>
        <source>Batch state</source>
        <translation>批次状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Declared batches</source>
        <translation>已申报批次</translation>
    </message>
    <message>
        <source>Items of the batch</source>
        <translation>批次明细</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>年月</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No batches declared yet.</source>
        <translation>尚未申报任何批次。</translation>
    </message>
    <message>
        <source>Returned: %1</source>
        <translation>退回：%1</translation>
    </message>
    <message>
        <source>Select a batch to see its items and history.</source>
        <translation>选择一个批次查看明细和办理经过。</translation>
    </message>
    <message>
        <source>Batch %1, reporter %2, phone %3
%4</source>
        <translation>批次 %1，报送人 %2，联系电话 %3
%4</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BillActions</name>
    <message numerus="yes">
        <source>Printed the payment slip of %1 (%n page(s)).</source>
        <translation>
            <numerusform>已打印缴费单 %1（%n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the payment slip as PDF</source>
        <translation>将缴费单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BillLookupPage</name>
    <message>
        <source>&amp;Look up the bill</source>
        <translation>查询缴费单(&amp;L)</translation>
    </message>
    <message>
        <source>Pay by bill</source>
        <translation>有单缴费</translation>
    </message>
    <message>
        <source>Enter the ID number and the business document number (it can be looked up under Bank payment slip query), then download and print the payment slip and pay at any branch of Bank of Changsha.</source>
        <translation>输入身份证号和业务单据号（业务单据号可通过“银行缴费单查询”模块进行查询），点击“下载打印”按钮，打印缴费单，可到任一家长沙银行网点缴费。</translation>
    </message>
    <message>
        <source>18-character ID number</source>
        <translation>18 位身份证号码</translation>
    </message>
    <message>
        <source>17 digits</source>
        <translation>17 位数字</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Business document number</source>
        <translation>业务单据号(&amp;B)</translation>
    </message>
    <message>
        <source>Bills are kept by the server: connect first.</source>
        <translation>缴费单保存在服务器上，请先连接服务器。</translation>
    </message>
    <message>
        <source>Looking up the bill %1 ...</source>
        <translation>正在查询缴费单 %1……</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BillQueryPage</name>
    <message>
        <source>Issued &amp;between</source>
        <translation>出单日期(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>查询(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Load more</source>
        <translation>加载更多(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel the bill...</source>
        <translation>作废(&amp;C)...</translation>
    </message>
    <message>
        <source>Bank payment slip query</source>
        <translation>银行缴费单查询</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>出单日期自</translation>
    </message>
    <message>
        <source>Issued until</source>
        <translation>出单日期至</translation>
    </message>
    <message>
        <source>all people</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>查询条件</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation>身份证号码(&amp;N)</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>缴费单</translation>
    </message>
    <message>
        <source>The chosen bill</source>
        <translation>所选缴费单</translation>
    </message>
    <message>
        <source>Bills are kept by the server: connect first.</source>
        <translation>缴费单保存在服务器上，请先连接服务器。</translation>
    </message>
    <message>
        <source>Only an unpaid bill can be cancelled.</source>
        <translation>只能作废未缴费的缴费单。</translation>
    </message>
    <message>
        <source>Bills need a connection to the server; they cannot be listed offline.</source>
        <translation>缴费单需要连接服务器，离线时无法查询。</translation>
    </message>
    <message>
        <source>No bill matches the filter.</source>
        <translation>没有符合条件的缴费单。</translation>
    </message>
    <message numerus="yes">
        <source>%n bill(s) listed.</source>
        <translation>
            <numerusform>共列出 %n 张缴费单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the bill</source>
        <translation>作废缴费单</translation>
    </message>
    <message>
        <source>Cancel the bill %1 of %2 (%3 yuan)? A cancelled bill can no longer be paid; its months can be billed again.</source>
        <translation>作废 %2 的缴费单 %1（%3 元）吗？作废后不能再缴费，其月份可重新生成缴费单。</translation>
    </message>
    <message>
        <source>The bill %1 was cancelled.</source>
        <translation>缴费单 %1 已作废。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BillTableModel</name>
    <message>
        <source>Paid on %1 (%2)</source>
        <translation>%1 已缴费（流水号 %2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n month(s))</source>
        <translation>
            <numerusform>%1 至 %2（%n 个月）</numerusform>
        </translation>
    </message>
    <message>
        <source>Business document number</source>
        <translation>业务单据号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>Issued at (Beijing time)</source>
        <translation>出单时间（北京时间）</translation>
    </message>
    <message>
        <source>Pay by</source>
        <translation>限缴日期</translation>
    </message>
</context>
<context>
    <name>shebao::ui::BillView</name>
    <message>
        <source>Pay &amp;online</source>
        <translation>网上缴费(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Download and print...</source>
        <translation>下载打印(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <source>Arrears bill</source>
        <translation>断档缴费单</translation>
    </message>
    <message>
        <source>Pay online</source>
        <translation>网上缴费</translation>
    </message>
    <message>
        <source>Download and print</source>
        <translation>下载打印</translation>
    </message>
    <message>
        <source>Business document number:</source>
        <translation>业务单据号：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>补缴所属期：</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>In words:</source>
        <translation>大写：</translation>
    </message>
    <message>
        <source>Pay by:</source>
        <translation>限缴日期：</translation>
    </message>
    <message>
        <source>Calculated with:</source>
        <translation>计算依据：</translation>
    </message>
    <message>
        <source>The bank has reported the payment: the bill is paid. The months are filled in the enrolment record.</source>
        <translation>银行已通知缴费成功：缴费单已缴费，补缴月份已计入参保记录。</translation>
    </message>
    <message>
        <source>The bill has expired unpaid. Generate a new bill under Arrears back payment.</source>
        <translation>缴费单已过期未缴费，请在“断档补缴”中重新生成。</translation>
    </message>
    <message>
        <source>The state could not be refreshed (%1); it is tried again.</source>
        <translation>暂时无法刷新状态（%1），将自动重试。</translation>
    </message>
    <message>
        <source> (%1, transaction %2)</source>
        <translation>（%1，流水号 %2）</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>%1, ID number %2, personal number %3</source>
        <translation>%1，公民身份号码 %2，个人编号 %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2, %n month(s); %3; wage %4 yuan</source>
        <translation>
            <numerusform>%1 至 %2，共 %n 个月；%3；缴费工资 %4 元</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 yuan (principal %2, late fee %3)</source>
        <translation>%1 元（本金 %2，滞纳金 %3）</translation>
    </message>
    <message>
        <source>%1 (the bill expires at the end of that day)</source>
        <translation>%1（逾期本缴费单失效）</translation>
    </message>
    <message>
        <source>; periods %1; late fee up to and including %2</source>
        <translation>；政策期间 %1；滞纳金计算至 %2（含当日）</translation>
    </message>
    <message>
        <source>The bill is paid.</source>
        <translation>缴费单已缴费。</translation>
    </message>
    <message>
        <source>The bill is %1 and can no longer be paid.</source>
        <translation>缴费单%1，不能再缴费。</translation>
    </message>
    <message>
        <source>Online payment is not available on this server: download and print the slip and pay at any branch of Bank of Changsha.</source>
        <translation>本服务器未开通网上缴费：请下载打印缴费单，到任一家长沙银行网点缴费。</translation>
    </message>
    <message>
        <source>Paying online needs a connection to the server.</source>
        <translation>网上缴费需要连接服务器。</translation>
    </message>
    <message>
        <source>The browser could not be opened. Open this address to pay: %1</source>
        <translation>无法打开浏览器，请手动打开以下地址缴费：%1</translation>
    </message>
    <message>
        <source>The bank&apos;s payment page was opened in the browser. Once paid, this page shows &quot;paid&quot; by itself.</source>
        <translation>已在浏览器中打开长沙银行支付页面。支付完成后，本页面会自动显示“已缴费”。</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
</context>
<context>
    <name>shebao::ui::CertificateActions</name>
    <message numerus="yes">
        <source>Printed certificate %1 (%n page(s)).</source>
        <translation>
            <numerusform>已打印证明 %1（共 %n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the certificate as PDF</source>
        <translation>将证明另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::CertificateHistoryModel</name>
    <message>
        <source>Revoked on %1: %2</source>
        <translation>已于 %1 撤销：%2</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>打印用途</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Issued at (Beijing time)</source>
        <translation>出具时间（北京时间）</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeChecks</name>
    <message>
        <source>%1 is key information and cannot be emptied.</source>
        <translation>%1为关键信息，不能为空。</translation>
    </message>
    <message>
        <source>%1 is at most %2 characters long.</source>
        <translation>%1最多 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 must be six digits.</source>
        <translation>%1应为 6 位数字。</translation>
    </message>
    <message>
        <source>%1 must be a date written YYYY-MM-DD.</source>
        <translation>%1应为日期，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>%1 is not an e-mail address.</source>
        <translation>%1不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>Gender (%1) does not agree with the ID number %2, which is that of a %3.</source>
        <translation>性别（%1）与公民身份号码 %2 不符：该身份证号码为%3性。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>man</source>
        <translation>男</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Date of birth %1 does not agree with the ID number %2, which gives %3.</source>
        <translation>出生日期 %1 与公民身份号码 %2 不符：该身份证号码的出生日期为 %3。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeEditPage</name>
    <message>
        <source>Change the unit&apos;s information</source>
        <translation>修改单位信息</translation>
    </message>
    <message>
        <source>Change the person&apos;s information</source>
        <translation>修改个人信息</translation>
    </message>
    <message>
        <source>Enter the new values in the column &quot;After the change&quot;. Non-key information (black) takes effect at once with &quot;Change information&quot;; key information (blue) needs proofs and is reviewed by the agency: press &quot;Declare the change&quot;.</source>
        <translation>在“变更后”一栏填写新的信息。修改黑色字样的非关键信息，点击“信息变更”按钮，信息直接修改；修改蓝色字样的关键信息，需上传证明材料，点“变更申报”后交社保经办机构审核。</translation>
    </message>
    <message>
        <source>Unit: %1 %2</source>
        <translation>单位：%1 %2</translation>
    </message>
    <message>
        <source>Person: %1, ID number %2, person number %3</source>
        <translation>人员：%1，公民身份号码 %2，个人编号 %3</translation>
    </message>
    <message>
        <source>Nothing was changed: enter the new values in the column &quot;After the change&quot;.</source>
        <translation>没有修改任何信息：请在“变更后”一栏填写新的信息。</translation>
    </message>
    <message>
        <source>Key information (blue) was changed: press &quot;Declare the change&quot; to upload the proofs and declare it for review.</source>
        <translation>修改了蓝色字样的关键信息：请点“变更申报”，上传证明材料后申报审核。</translation>
    </message>
    <message>
        <source>Only non-key information (black) was changed: press &quot;Change information&quot;; it takes effect at once.</source>
        <translation>只修改了黑色字样的非关键信息：请点击“信息变更”，信息直接修改。</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正红字标出的项目。</translation>
    </message>
    <message>
        <source>Check the credit code</source>
        <translation>核对统一社会信用代码</translation>
    </message>
    <message>
        <source>%1

The credit code fails the national check (GB 32100). Declare it anyway? The agency will see that you confirmed it.</source>
        <translation>%1

该统一社会信用代码未通过国家标准（GB 32100）校验。仍要申报吗？社保经办机构将看到您已确认该代码。</translation>
    </message>
    <message>
        <source>The server refused the change: see the fields marked in red.</source>
        <translation>服务器未接受变更：请查看红字标出的项目。</translation>
    </message>
    <message>
        <source>The new ID number is the 18-digit upgrade of the old 15-digit one: the person stays the same, and this alone needs no proof and takes effect at once with &quot;Declare the change&quot;.</source>
        <translation>新的公民身份号码是原 15 位号码的 18 位升位号码：人员不变，仅升位无需上传证明材料，点“变更申报”即直接生效。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeFormActions</name>
    <message numerus="yes">
        <source>Printed %1 of request %2 (%n page(s)).</source>
        <translation>
            <numerusform>已打印变更申请 %2 的%1（%n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>将表格另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeFormWidget</name>
    <message>
        <source>Key information: proofs must be uploaded and the social insurance agency reviews the change</source>
        <translation>关键信息：需上传证明材料并经社保经办机构审核</translation>
    </message>
    <message>
        <source>Non-key information: the change takes effect at once</source>
        <translation>非关键信息：直接生效</translation>
    </message>
    <message>
        <source>Blue: key information, which needs proofs and the agency&apos;s review.</source>
        <translation>蓝色为关键信息，需上传证明材料并经社保经办机构审核。</translation>
    </message>
    <message>
        <source>Black: non-key information, which takes effect at once.</source>
        <translation>黑色为非关键信息，修改后直接生效。</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>After the change</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1 类</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Current %1: %2</source>
        <translation>当前%1：%2</translation>
    </message>
    <message>
        <source>Current and new values</source>
        <translation>当前信息和变更后信息</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeOutcomePage</name>
    <message>
        <source>Print pre&amp;view...</source>
        <translation>打印预览(&amp;V)...</translation>
    </message>
    <message>
        <source>&amp;Print the form...</source>
        <translation>打印表格(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
    <message>
        <source>Change &amp;records</source>
        <translation>变更记录(&amp;R)</translation>
    </message>
    <message>
        <source>Change records</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Declared: waiting for review</source>
        <translation>已申报，待审核</translation>
    </message>
    <message>
        <source>Changed: in effect</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>The new ID number is the 18-digit upgrade of the old 15-digit one.</source>
        <translation>新的公民身份号码是原 15 位号码的 18 位升位号码。</translation>
    </message>
    <message>
        <source>You confirmed a credit code that fails the national check.</source>
        <translation>您已确认使用未通过国家标准校验的统一社会信用代码。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>The new information is in effect now and is shown under &quot;Unit information&quot; and &quot;Staff&quot; after the next sync.</source>
        <translation>新的信息已生效，下次同步后在“单位信息”和“人员信息”中显示。</translation>
    </message>
    <message>
        <source>The request was signed with the unit&apos;s certificate: no printed form is needed. The agency reviews the key information and the proofs; the result is shown under &quot;Change records&quot;.</source>
        <translation>该申请已用单位数字证书签名，无需打印表格。社保经办机构将审核关键信息和证明材料，审核结果在“变更记录”中显示。</translation>
    </message>
    <message>
        <source>Print %1, stamp it with the unit&apos;s seal and take it to the social insurance agency&apos;s counter for review. The result is shown under &quot;Change records&quot;.</source>
        <translation>请打印%1，加盖单位公章后送社保经办机构窗口审核。审核结果在“变更记录”中显示。</translation>
    </message>
    <message>
        <source>Result of printing</source>
        <translation>打印结果</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeProofsPage</name>
    <message>
        <source>Choose the file and &amp;upload...</source>
        <translation>选择文件并上传(&amp;U)...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Upload the proofs</source>
        <translation>上传证明材料</translation>
    </message>
    <message>
        <source>Key information needs an image of the original business licence, organisation code certificate, the legal representative&apos;s ID card or the bank account permit: a JPEG, PNG or PDF file of at most 5 MB each.</source>
        <translation>修改关键信息，需上传工商营业执照、组织机构代码证照、法人身份证或开户许可证原件图片：JPEG、PNG 或 PDF 文件，每个不超过 5 MB。</translation>
    </message>
    <message>
        <source>Key information needs an image of the person&apos;s original ID card: a JPEG, PNG or PDF file of at most 5 MB.</source>
        <translation>修改关键信息，须上传身份证原件图片：JPEG、PNG 或 PDF 文件，不超过 5 MB。</translation>
    </message>
    <message>
        <source>&amp;Declare the change</source>
        <translation>变更申报(&amp;D)</translation>
    </message>
    <message>
        <source>Kind of proof</source>
        <translation>证明材料类别</translation>
    </message>
    <message>
        <source>Choose the file and upload</source>
        <translation>选择文件并上传</translation>
    </message>
    <message>
        <source>Uploaded proofs</source>
        <translation>已上传的证明材料</translation>
    </message>
    <message>
        <source>Remove the proof</source>
        <translation>移除证明材料</translation>
    </message>
    <message>
        <source>&amp;Proof:</source>
        <translation>证明材料(&amp;P)：</translation>
    </message>
    <message>
        <source>Every proof the change needs is uploaded: press &quot;Declare the change&quot;.</source>
        <translation>所需证明材料均已上传：请点“变更申报”。</translation>
    </message>
    <message>
        <source>%1: %2 (%3, %4)</source>
        <translation>%1：%2（%3，%4）</translation>
    </message>
    <message>
        <source>Choose the image of the %1</source>
        <translation>选择%1原件图片</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeRequestsPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>Print pre&amp;view...</source>
        <translation>打印预览(&amp;V)...</translation>
    </message>
    <message>
        <source>&amp;Print the form...</source>
        <translation>打印表格(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
    <message>
        <source>Requests about</source>
        <translation>变更类别</translation>
    </message>
    <message>
        <source>The unit&apos;s information</source>
        <translation>单位信息变更</translation>
    </message>
    <message>
        <source>Staff information</source>
        <translation>个人信息变更</translation>
    </message>
    <message>
        <source>State</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source> (approved)</source>
        <translation>（审核通过）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New change</source>
        <translation>新建变更</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print the form</source>
        <translation>打印表格</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Change records</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Request number</source>
        <translation>变更申请编号</translation>
    </message>
    <message>
        <source>Whose information</source>
        <translation>变更对象</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更项目</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>&amp;Unit information change...</source>
        <translation>单位信息变更(&amp;U)...</translation>
    </message>
    <message>
        <source>&amp;Personal information change...</source>
        <translation>个人信息变更(&amp;P)...</translation>
    </message>
    <message>
        <source>The change records need a connection to the server.</source>
        <translation>变更记录需要连接服务器。</translation>
    </message>
    <message>
        <source>Loading ...</source>
        <translation>正在加载……</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s).</source>
        <translation>
            <numerusform>共 %n 条变更申请。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a request to see what it changes.</source>
        <translation>选中一条变更申请，查看变更内容。</translation>
    </message>
    <message>
        <source>Returned by the agency: %1</source>
        <translation>社保经办机构已退回：%1</translation>
    </message>
    <message>
        <source>Decided %1 by %2</source>
        <translation>%2 于 %1 审核</translation>
    </message>
    <message>
        <source>Signed with the unit&apos;s certificate: no printed form is needed.</source>
        <translation>已用单位数字证书签名，无需打印表格。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Withdraw the request</source>
        <translation>撤回变更申请</translation>
    </message>
    <message>
        <source>Withdraw request %1? The agency will not review it, and nothing changes.</source>
        <translation>撤回变更申请 %1 吗？社保经办机构将不再审核，信息不作变更。</translation>
    </message>
    <message>
        <source>Request %1 was withdrawn.</source>
        <translation>变更申请 %1 已撤回。</translation>
    </message>
    <message>
        <source>What the request changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeSelectPersonPage</name>
    <message>
        <source>Choose the person</source>
        <translation>选择人员</translation>
    </message>
    <message>
        <source>Search the unit&apos;s staff by name, ID number or person number and choose the person whose information changes.</source>
        <translation>按姓名、公民身份号码或个人编号查找本单位人员，选择要修改信息的人员。</translation>
    </message>
    <message>
        <source>Name, ID number or person number</source>
        <translation>姓名、公民身份号码或个人编号</translation>
    </message>
    <message>
        <source>Search the staff</source>
        <translation>查找人员</translation>
    </message>
    <message>
        <source>Staff of the unit</source>
        <translation>本单位人员</translation>
    </message>
    <message>
        <source>The local copy holds no staff of the unit: sync first (F5).</source>
        <translation>本地数据中没有本单位人员：请先同步（F5）。</translation>
    </message>
    <message>
        <source>Chosen: %1, %2</source>
        <translation>已选择：%1，%2</translation>
    </message>
    <message>
        <source>Choose a person in the list.</source>
        <translation>请在列表中选择人员。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ChangeWizard</name>
    <message>
        <source>Unit information change</source>
        <translation>单位信息变更</translation>
    </message>
    <message>
        <source>Personal information change</source>
        <translation>个人信息变更</translation>
    </message>
    <message>
        <source>&amp;Change information</source>
        <translation>信息变更(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Declare the change</source>
        <translation>变更申报(&amp;D)</translation>
    </message>
    <message>
        <source>Change information</source>
        <translation>信息变更</translation>
    </message>
    <message>
        <source>Declare the change</source>
        <translation>变更申报</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ConfirmPage</name>
    <message>
        <source>Confirm the application</source>
        <translation>确认申请信息</translation>
    </message>
    <message>
        <source>Check the details. After confirming, the system produces the user commitment letter to print.</source>
        <translation>请核对以下信息。确认后，系统将生成《用户承诺书》供打印。</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unit number</source>
        <translation>单位编号</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <source>Applicant&apos;s ID number</source>
        <translation>经办人身份证号码</translation>
    </message>
    <message>
        <source>Applicant&apos;s mobile</source>
        <translation>经办人手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Application to confirm</source>
        <translation>待确认的申请信息</translation>
    </message>
</context>
<context>
    <name>shebao::ui::DeadlineDialog</name>
    <message>
        <source>Monthly deadline</source>
        <translation>每月申报截止日</translation>
    </message>
    <message>
        <source>The day of each month by which the month&apos;s staff changes must be declared, as the agency announced it. In a shorter month its last day counts.</source>
        <translation>每月须在哪一天之前完成当月的人员异动申报，以经办机构的通知为准。当月没有这一天时，以当月最后一天为准。</translation>
    </message>
    <message>
        <source>Deadline day of the month</source>
        <translation>每月截止日</translation>
    </message>
    <message>
        <source> (day of the month)</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Remind this many days before</source>
        <translation>提前几天提醒</translation>
    </message>
    <message>
        <source> day(s) before</source>
        <translation> 天前提醒</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>shebao::ui::DeclarationPage</name>
    <message>
        <source>Declare and query</source>
        <translation>申报及查询</translation>
    </message>
    <message>
        <source>Pendin&amp;g items</source>
        <translation>待申报(&amp;G)</translation>
    </message>
    <message>
        <source>Declared &amp;batches</source>
        <translation>申报查询(&amp;B)</translation>
    </message>
    <message>
        <source>Draf&amp;ts</source>
        <translation>草稿(&amp;T)</translation>
    </message>
    <message>
        <source>Draf&amp;ts (%1)</source>
        <translation>草稿（%1）(&amp;T)</translation>
    </message>
</context>
<context>
    <name>shebao::ui::DeclarationText</name>
    <message>
        <source>New enrolment</source>
        <comment>declaration kind</comment>
        <translation>新增</translation>
    </message>
    <message>
        <source>Renewal</source>
        <comment>declaration kind</comment>
        <translation>续保</translation>
    </message>
    <message>
        <source>Reduction</source>
        <comment>declaration kind</comment>
        <translation>减少</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>item state</comment>
        <translation>待申报</translation>
    </message>
    <message>
        <source>Declared</source>
        <comment>item state</comment>
        <translation>已申报</translation>
    </message>
    <message>
        <source>Effective</source>
        <comment>item state</comment>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <comment>item state</comment>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Declared</source>
        <comment>batch state</comment>
        <translation>已申报</translation>
    </message>
    <message>
        <source>Awaiting the paper form</source>
        <comment>batch state</comment>
        <translation>待交纸质表</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>batch state</comment>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Effective</source>
        <comment>batch state</comment>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Returned</source>
        <comment>batch state</comment>
        <translation>退回</translation>
    </message>
    <message>
        <source>Contributing</source>
        <comment>enrolment status</comment>
        <translation>参保缴费</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>enrolment status</comment>
        <translation>暂停缴费</translation>
    </message>
    <message>
        <source>Terminated</source>
        <comment>enrolment status</comment>
        <translation>终止缴费</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <comment>year and month</comment>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <comment>outbox state</comment>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>outbox state</comment>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <comment>outbox state</comment>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>%1 (this month)</source>
        <translation>%1（本月）</translation>
    </message>
</context>
<context>
    <name>shebao::ui::DraftsTab</name>
    <message>
        <source>&amp;Continue</source>
        <translation>继续填写(&amp;C)</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>立即发送(&amp;N)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Drafts and unsent items</source>
        <translation>草稿和未发送记录</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Not saved yet: continue it</source>
        <translation>尚未保存，可继续填写</translation>
    </message>
    <message>
        <source>No drafts and nothing waiting to be sent.</source>
        <translation>没有草稿，也没有待发送的记录。</translation>
    </message>
    <message>
        <source>The draft no longer exists.</source>
        <translation>该草稿已不存在。</translation>
    </message>
    <message>
        <source>Sending what is waiting ...</source>
        <translation>正在发送待发送的记录……</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? What was typed is lost.</source>
        <translation>删除“%1”？已填写的内容将丢失。</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>Co&amp;rrect</source>
        <translation>修改(&amp;R)</translation>
    </message>
    <message>
        <source>Open the refused item in its wizard to correct it; the refused entry goes once the correction is saved</source>
        <translation>在原来的向导中打开被拒绝的记录进行修改；修改后保存成功，原记录即删除</translation>
    </message>
</context>
<context>
    <name>shebao::ui::EnrolledGroupBox</name>
    <message>
        <source>Enrolled and paying now</source>
        <translation>当前参保缴费人数</translation>
    </message>
    <message>
        <source>%1: %2 people</source>
        <translation>%1：%2 人</translation>
    </message>
    <message>
        <source>People enrolled</source>
        <translation>参保缴费人数</translation>
    </message>
</context>
<context>
    <name>shebao::ui::EnrolmentCertificatePage</name>
    <message>
        <source>Unit enrolment certificate</source>
        <translation>单位参保证明</translation>
    </message>
    <message>
        <source>Roster of insured staff</source>
        <translation>参保人员名单</translation>
    </message>
    <message>
        <source>Personal enrolment and contribution certificate</source>
        <translation>个人参保缴费证明</translation>
    </message>
    <message>
        <source>&amp;Generate certificate</source>
        <translation>生成参保证明(&amp;G)</translation>
    </message>
    <message>
        <source>Pre&amp;view...</source>
        <translation>打印预览(&amp;V)...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
    <message>
        <source>Open the verificat&amp;ion page</source>
        <translation>打开核验页面(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Print &amp;again...</source>
        <translation>再次打印(&amp;A)...</translation>
    </message>
    <message>
        <source>Save agai&amp;n as PDF...</source>
        <translation>再次另存为 PDF(&amp;N)...</translation>
    </message>
    <message>
        <source>Enrolment certificate</source>
        <translation>参保证明</translation>
    </message>
    <message>
        <source>Choose what to print, enter its purpose and generate the certificate. Printed certificates can be verified online by their QR code or verification code; they need no stamp.</source>
        <translation>选择想打印的项目，填写打印用途后生成参保证明。打印的证明可扫描二维码或输入验证码在网上验证，无须再盖章。</translation>
    </message>
    <message>
        <source>Choose what to print</source>
        <translation>选择想打印的项目</translation>
    </message>
    <message>
        <source>Name or personal number</source>
        <translation>姓名或个人编号</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>e.g. tender, residence permit, school enrolment</source>
        <translation>例如：投标、办理居住证、子女入学</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>打印用途</translation>
    </message>
    <message>
        <source>Issued certificates</source>
        <translation>已出具的证明</translation>
    </message>
    <message>
        <source>Certificates are issued by the server: connect first.</source>
        <translation>参保证明由服务器出具，请先连接服务器。</translation>
    </message>
    <message>
        <source>Certificates need a connection to the server; the history cannot be loaded offline.</source>
        <translation>参保证明需要连接服务器；离线时无法读取出具记录。</translation>
    </message>
    <message>
        <source>Choose the person from the list of the unit&apos;s staff.</source>
        <translation>请从本单位人员名单中选择人员。</translation>
    </message>
    <message>
        <source>Generating the certificate...</source>
        <translation>正在生成参保证明……</translation>
    </message>
    <message>
        <source>%1 %2 was issued. Verification code: %3, valid until %4.</source>
        <translation>已出具%1 %2。验证码：%3，有效期至 %4。</translation>
    </message>
    <message>
        <source>Preview, print or save the certificate. It can be printed again from the history below.</source>
        <translation>可预览、打印或保存该证明，也可在下方的出具记录中再次打印。</translation>
    </message>
    <message>
        <source>Certificate %1 is %2 and is not printed again.</source>
        <translation>证明 %1 %2，不再打印。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::FieldCaption</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>shebao::ui::FigureButton</name>
    <message>
        <source>Show the list</source>
        <translation>查看名单</translation>
    </message>
</context>
<context>
    <name>shebao::ui::FormPrinter</name>
    <message>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>Print: %1</source>
        <translation>打印：%1</translation>
    </message>
</context>
<context>
    <name>shebao::ui::HomePage</name>
    <message>
        <source>Set the dead&amp;line...</source>
        <translation>设置截止日(&amp;L)...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Set the monthly deadline</source>
        <translation>设置每月申报截止日</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>刷新数字</translation>
    </message>
    <message>
        <source>Pending items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Home - %1 (%2)</source>
        <translation>首页 — %1（%2）</translation>
    </message>
    <message>
        <source>Offline: this figure is shown once the server can be reached.</source>
        <translation>离线：连接服务器后才能显示此数字。</translation>
    </message>
    <message>
        <source>%1: not known offline</source>
        <translation>%1：离线时无法获取</translation>
    </message>
    <message>
        <source>%1: being counted</source>
        <translation>%1：正在统计</translation>
    </message>
    <message>
        <source>%1: not known (%2)</source>
        <translation>%1：无法获取（%2）</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>查看名单</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>This unit is not authorized for online business yet: there are no pending items.</source>
        <translation>本单位尚未开通网上业务授权，暂无待办事项。</translation>
    </message>
    <message>
        <source>Offline: figures marked — need the server and are shown once it can be reached (log in again while online).</source>
        <translation>离线：标有“—”的数字需要连接服务器，联网重新登录后显示。</translation>
    </message>
    <message>
        <source>MMMM d</source>
        <comment>deadline date</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Today, %1, is this month&apos;s deadline for declarations.</source>
        <translation>今天（%1）是本月申报截止日。</translation>
    </message>
    <message numerus="yes">
        <source>Next deadline for declarations: %1, in %n day(s).</source>
        <translation>
            <numerusform>下一个申报截止日：%1，还有 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Declare this month&apos;s staff changes in time.</source>
        <translation>请及时完成本月的人员异动申报。</translation>
    </message>
    <message>
        <source>People figures: the local copy of the staff list, updated %1.</source>
        <translation>人员数字来自本地缓存的人员名单，更新于 %1。</translation>
    </message>
    <message>
        <source>People figures: no staff list fetched yet; sync while online (F5).</source>
        <translation>人员数字：尚未获取人员名单，请联网后同步（F5）。</translation>
    </message>
    <message>
        <source>Offline: they may be out of date.</source>
        <translation>当前离线，数字可能不是最新的。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ImportCheckPage</name>
    <message>
        <source>&amp;Cancel check</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Every row is checked. Cells with a problem are red (error) or yellow (warning); point at a cell or choose a problem in the list to see what is wrong. Only rows without errors are added.</source>
        <translation>逐行检查。有问题的单元格标红（错误）或标黄（提示）；指向单元格或在下方列表中选择问题可查看原因。只有没有错误的行会加入待申报。</translation>
    </message>
    <message>
        <source>&amp;Add to pending items</source>
        <translation>加入待申报(&amp;A)</translation>
    </message>
    <message>
        <source>Progress of the check</source>
        <translation>检查进度</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>文件中的行</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Reading and checking %1 ...</source>
        <translation>正在读取并检查 %1 ……</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>%1 data rows: %2 without errors, %3 with errors; %4 error(s) and %5 warning(s).</source>
        <translation>共 %1 行数据：%2 行无错误，%3 行有错误；错误 %4 处，提示 %5 处。</translation>
    </message>
    <message>
        <source>Rules that need the server (such as already contributing) are checked when the rows are added.</source>
        <translation>需要服务器核对的规则（如是否已在参保）在加入待申报时检查。</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>(row)</source>
        <translation>（整行）</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ImportFilePage</name>
    <message>
        <source>Ne&amp;w enrolment / renewal</source>
        <translation>新增/续保(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reduction</source>
        <translation>减少(&amp;R)</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Download the template, fill it in with Excel or WPS (one person per row), then choose the file. .xlsx and .csv (UTF-8 or GBK) files are read.</source>
        <translation>先下载模板，用 Excel 或 WPS 填写（每人一行），再选择文件。可读取 .xlsx 和 .csv（UTF-8 或 GBK）文件。</translation>
    </message>
    <message>
        <source>&amp;Download template...</source>
        <translation>下载模板(&amp;D)...</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>&amp;Choose file...</source>
        <translation>选择文件(&amp;C)...</translation>
    </message>
    <message>
        <source>Choose file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>表格类别</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>%1模板</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved as %1.</source>
        <translation>模板已保存为 %1。</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ImportSubmitPage</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Add to the pending items</source>
        <translation>加入待申报</translation>
    </message>
    <message>
        <source>Progress of adding the rows</source>
        <translation>加入进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Rows not sent yet are not added; rows already added stay pending.</source>
        <translation>尚未发送的行不再加入；已加入的行仍在待申报中。</translation>
    </message>
    <message>
        <source>Rows the server refused</source>
        <translation>服务器拒绝的行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n row(s) to the pending items ...</source>
        <translation>
            <numerusform>正在将 %n 行加入待申报……</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 row(s) added to the pending items.</source>
        <translation>已有 %1 行加入待申报。</translation>
    </message>
    <message>
        <source>%1 row(s) are saved on this computer and will be sent when the connection is back.</source>
        <translation>%1 行已保存在本机，连接恢复后自动发送。</translation>
    </message>
    <message>
        <source>%1 row(s) were refused by the server (listed below); they are kept under Drafts until you correct or delete them.</source>
        <translation>%1 行被服务器拒绝（见下表）；这些行保留在“草稿”中，直到修改或删除。</translation>
    </message>
    <message>
        <source>%1 row(s) were not sent because you cancelled.</source>
        <translation>%1 行因取消而未发送。</translation>
    </message>
    <message>
        <source>Declare them under &quot;Declare and query&quot;.</source>
        <translation>请到“申报及查询”申报。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ImportWizard</name>
    <message>
        <source>Batch import</source>
        <translation>批量导入</translation>
    </message>
    <message>
        <source>Batch import: %1</source>
        <translation>批量导入：%1</translation>
    </message>
</context>
<context>
    <name>shebao::ui::LookupView</name>
    <message>
        <source>Enrolment history</source>
        <translation>参保经历</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始年月</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终止年月</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>缴费状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <comment>this or another unit</comment>
        <translation>参保单位</translation>
    </message>
    <message>
        <source>%1, ID number %2, person number %3. Known to the agency.</source>
        <translation>%1，身份证号码 %2，个人编号 %3，社保经办机构已有此人信息。</translation>
    </message>
    <message>
        <source>ID number %1 is not known to the agency: the person is enrolled for the first time (new enrolment).</source>
        <translation>身份证号码 %1 在社保经办机构没有记录：此人为首次参保（新增）。</translation>
    </message>
    <message>
        <source>contributing in this unit</source>
        <translation>在本单位参保缴费</translation>
    </message>
    <message>
        <source>contributing in another unit</source>
        <translation>在其他单位参保缴费</translation>
    </message>
    <message>
        <source>a change of key information awaits review</source>
        <translation>有关键信息变更待审核</translation>
    </message>
    <message>
        <source>this unit already has an item for the person that is not yet effective</source>
        <translation>本单位已有此人尚未生效的异动记录</translation>
    </message>
    <message>
        <source>Currently: %1.</source>
        <translation>目前：%1。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>This unit</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Another unit</source>
        <translation>其他单位</translation>
    </message>
</context>
<context>
    <name>shebao::ui::PayModule</name>
    <message>
        <source>Arrears back payment needs a connection to the server.</source>
        <translation>断档补缴需要连接服务器。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::MovementGroupBox</name>
    <message>
        <source>People added and removed, last 12 months</source>
        <translation>近12个月人员增减</translation>
    </message>
    <message>
        <source>People added and removed in the last twelve months (chart)</source>
        <translation>近十二个月人员增减（图表）</translation>
    </message>
    <message>
        <source>People added and removed in the last twelve months (table)</source>
        <translation>近十二个月人员增减（表格）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>增加</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>减少</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Click a bar, or press Enter on a figure of the table, to see who it was.</source>
        <translation>点击柱形，或在表格中选中数字后按回车，可查看相应人员。</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>People added in %1</source>
        <translation>%1增加的人员</translation>
    </message>
    <message>
        <source>People removed in %1</source>
        <translation>%1减少的人员</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>month number on the chart</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
</context>
<context>
    <name>shebao::ui::PendingItemModel</name>
    <message>
        <source>Returned by the counter: %1</source>
        <translation>经办柜台退回：%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Start / stop month</source>
        <translation>参保/停保年月</translation>
    </message>
    <message>
        <source>Contribution base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <source>Insurances / reason</source>
        <translation>险种/变更原因</translation>
    </message>
    <message>
        <source>Item number</source>
        <translation>业务编号</translation>
    </message>
</context>
<context>
    <name>shebao::ui::PendingTab</name>
    <message>
        <source>De&amp;clare</source>
        <translation>申报(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Withdraw item</source>
        <translation>撤销(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>刷新(&amp;L)</translation>
    </message>
    <message>
        <source>Declare the checked items as one batch (Ctrl+Return)</source>
        <translation>将勾选的记录作为一个批次申报（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Pending items</source>
        <translation>待申报记录</translation>
    </message>
    <message>
        <source>Mobile or 0731-xxxxxxxx</source>
        <translation>手机号码或 0731-xxxxxxxx</translation>
    </message>
    <message>
        <source>Print the staff change declaration form (authorized units only)</source>
        <translation>人员异动申报表（仅供授权单位使用）打印</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Reporter</source>
        <translation>报送人(&amp;R)</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>联系电话(&amp;O)</translation>
    </message>
    <message>
        <source>%1 pending, %2 checked</source>
        <translation>待申报 %1 条，已勾选 %2 条</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>全不选(&amp;A)</translation>
    </message>
    <message>
        <source>Select an item to see its details.</source>
        <translation>选择一条记录查看明细。</translation>
    </message>
    <message>
        <source>Change: %1, reason %2, from %3</source>
        <translation>变更类型：%1，变更原因：%2，自 %3 起</translation>
    </message>
    <message>
        <source>Insurances %1 from %2; declared wage %3 yuan, contribution base %4 yuan</source>
        <translation>险种 %1，自 %2 起；申报工资 %3 元，缴费基数 %4 元</translation>
    </message>
    <message>
        <source>Returned by the counter: %1</source>
        <translation>经办柜台退回：%1</translation>
    </message>
    <message numerus="yes">
        <source>Declaring %n item(s) ...</source>
        <translation>
            <numerusform>正在申报 %n 条记录……</numerusform>
        </translation>
    </message>
    <message>
        <source>Declared as batch %1 (%2 people): %3. Print the staff change declaration form, stamp it with the unit&apos;s official seal and hand it in at the counter.</source>
        <translation>已申报，批次号 %1（%2 人），状态：%3。请打印《长沙市社会保险参保人员异动申报表》，加盖单位公章后报社保经办机构。</translation>
    </message>
    <message>
        <source>Batch %1 (%2 people) was signed with the unit&apos;s certificate and accepted at once: %3. No paper form is needed.</source>
        <translation>批次 %1（%2 人）已用单位数字证书签名并即时受理，状态：%3。无需提交纸质资料。</translation>
    </message>
    <message>
        <source>Withdraw item</source>
        <translation>撤销记录</translation>
    </message>
    <message>
        <source>Withdraw %1? It disappears from the pending items.</source>
        <translation>撤销 %1？撤销后将从待申报中移除。</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>shebao::ui::PeopleListDialog</name>
    <message numerus="yes">
        <source>%1: %n person(s). ID numbers are masked; the staff list shows them in full on request.</source>
        <translation>
            <numerusform>%1：共 %n 人。身份证号码已部分隐藏，可在人员名单中按需显示完整号码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>shebao::ui::PrintLetterPage</name>
    <message>
        <source>Print the user commitment letter</source>
        <translation>打印《用户承诺书》</translation>
    </message>
    <message>
        <source>Print the letter and have it stamped with the unit&apos;s official seal. You then upload a scan of the stamped letter.</source>
        <translation>请打印《用户承诺书》并加盖单位公章，下一步上传盖章后的扫描件。</translation>
    </message>
    <message>
        <source>Print pre&amp;view...</source>
        <translation>打印预览(&amp;V)...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)...</translation>
    </message>
    <message>
        <source>The letter has already been printed.</source>
        <translation>《用户承诺书》已打印。</translation>
    </message>
    <message>
        <source>User commitment letter</source>
        <translation>用户承诺书</translation>
    </message>
    <message>
        <source>Save the letter as PDF</source>
        <translation>将《用户承诺书》另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Printed (%n page(s)).</source>
        <translation>
            <numerusform>已打印（共 %n 页）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shebao::ui::ReduceMonthPage</name>
    <message>
        <source>Month of the change</source>
        <translation>停保年月</translation>
    </message>
    <message>
        <source>Choose the month from which contributions stop, then press Reduce.</source>
        <translation>选择停止缴费的年月，再点“减少”。</translation>
    </message>
    <message>
        <source>&amp;Reduce</source>
        <translation>减少(&amp;R)</translation>
    </message>
    <message>
        <source>The month can be at most two months back.</source>
        <translation>最长可往前选两个月。</translation>
    </message>
    <message>
        <source>&amp;Stop month</source>
        <translation>停保年月(&amp;S)</translation>
    </message>
    <message>
        <source>%1 (%2), reason %3: %4, ID number %5</source>
        <translation>%1（%2），变更原因 %3：%4，身份证号码 %5</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ReducePersonPage</name>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Select</source>
        <translation>选中(&amp;S)</translation>
    </message>
    <message>
        <source>The person to remove</source>
        <translation>欲减少人员</translation>
    </message>
    <message>
        <source>Enter the ID number and press Look up, or pick the person from the unit&apos;s contributing staff; then press Select.</source>
        <translation>在身份证号码中输入欲减少人员的身份证号码，点“查询”，或从本单位在职参保人员中选择；然后点“选中”。</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选中</translation>
    </message>
    <message>
        <source>Filter by name or ID number</source>
        <translation>按姓名或身份证号码筛选</translation>
    </message>
    <message>
        <source>Filter the contributing staff</source>
        <translation>筛选参保人员</translation>
    </message>
    <message>
        <source>Contributing staff of the unit</source>
        <translation>本单位参保缴费人员</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <source>Contributing staff (local copy)</source>
        <translation>本单位参保缴费人员（本机数据）</translation>
    </message>
    <message>
        <source>Selected: %1, %2</source>
        <translation>已选中：%1，%2</translation>
    </message>
    <message>
        <source>Looking up %1 ...</source>
        <translation>正在查询 %1 ……</translation>
    </message>
    <message>
        <source>The server cannot be reached; the person is taken from the local copy.</source>
        <translation>无法连接服务器；人员信息取自本机数据。</translation>
    </message>
    <message>
        <source>The person is not contributing in this unit and cannot be removed.</source>
        <translation>该人员不在本单位参保缴费，不能减少。</translation>
    </message>
    <message>
        <source>This unit already has an item for the person that is not yet effective.</source>
        <translation>本单位已有此人尚未生效的异动记录。</translation>
    </message>
    <message>
        <source>Check the person and press Select.</source>
        <translation>请核对人员信息后点“选中”。</translation>
    </message>
    <message>
        <source>The person cannot be removed:</source>
        <translation>该人员不能减少：</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ReduceTypePage</name>
    <message>
        <source>Type and reason of the change</source>
        <translation>变更类型和变更原因</translation>
    </message>
    <message>
        <source>Choose the type of change and its reason.</source>
        <translation>在变更类型中选择“停保”或“终止”，在变更原因中选择原因。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Surrender of insurance and retirement from employment are best done directly at the counter.</source>
        <translation>退保和在职转退休建议直接到窗口办理。</translation>
    </message>
    <message>
        <source>Change &amp;type</source>
        <translation>变更类型(&amp;T)</translation>
    </message>
    <message>
        <source>Change &amp;reason</source>
        <translation>变更原因(&amp;R)</translation>
    </message>
    <message>
        <source>(choose the type first)</source>
        <translation>（请先选择变更类型）</translation>
    </message>
</context>
<context>
    <name>shebao::ui::ReduceWizard</name>
    <message>
        <source>Remove staff</source>
        <translation>异动减少</translation>
    </message>
    <message>
        <source>Remove staff: %1 %2</source>
        <translation>异动减少：%1 %2</translation>
    </message>
</context>
<context>
    <name>shebao::ui::RestoreDialog</name>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>Data restore</source>
        <translation>数据恢复</translation>
    </message>
    <message>
        <source>Adds the drafts, declarations not yet sent and printed-form records of a backup of this unit to this computer. Nothing on this computer is deleted or overwritten, and what is already here is not added twice.</source>
        <translation>将本单位备份中的草稿、尚未发送的申报和打印记录恢复到本机。本机已有的内容不会被删除或覆盖，也不会重复导入。</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Backup password</source>
        <translation>备份密码</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Enter the password of the backup.</source>
        <translation>请输入备份密码。</translation>
    </message>
    <message>
        <source>Restore a backup of another server</source>
        <translation>恢复其他服务器的备份</translation>
    </message>
    <message>
        <source>Restore it anyway?</source>
        <translation>仍要恢复吗？</translation>
    </message>
</context>
<context>
    <name>shebao::ui::SavedPage</name>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Added to the pending items</source>
        <translation>已加入待申报</translation>
    </message>
    <message>
        <source>%1 was saved as item %2 and is now among the pending items. Declare the pending items under &quot;Declare and query&quot;.</source>
        <translation>%1 已保存，业务编号 %2，现在在待申报中。请到“申报及查询”申报。</translation>
    </message>
    <message>
        <source>Saved on this computer</source>
        <translation>已保存在本机</translation>
    </message>
    <message>
        <source>%1 is saved on this computer but not yet sent: %2 It will be sent when the connection to the server is back; until then it is listed under &quot;Declare and query&quot; &gt; Drafts.</source>
        <translation>%1 已保存在本机，但尚未发送：%2 连接服务器恢复后将自动发送；在此之前列在“申报及查询 &gt; 草稿”中。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::StatusPage</name>
    <message>
        <source>&amp;Apply again</source>
        <translation>重新申请(&amp;A)</translation>
    </message>
    <message>
        <source>Application status</source>
        <translation>申请状态</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>重新申请</translation>
    </message>
    <message>
        <source>Bring the user commitment letter stamped with the unit&apos;s official seal to the counter to have the authorization opened:
%1

Application number: %2</source>
        <translation>请携带加盖单位公章的《用户承诺书》到以下窗口开通权限：
%1

申请编号：%2</translation>
    </message>
    <message>
        <source>The unit is an authorized user: the business modules are open.</source>
        <translation>本单位已是授权用户，业务模块已开通。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>退回原因：%1</translation>
    </message>
</context>
<context>
    <name>shebao::ui::SystemModule</name>
    <message>
        <source>The authorization application needs a connection to the server.</source>
        <translation>办理授权申请需要连接服务器。</translation>
    </message>
    <message>
        <source>Changing the password needs a connection to the server.</source>
        <translation>修改密码需要连接服务器。</translation>
    </message>
    <message>
        <source>The password was changed. Use the new password at the next login.</source>
        <translation>密码已修改，下次登录请使用新密码。</translation>
    </message>
    <message>
        <source>Log in first: a backup is made of and restored into the logged-in unit&apos;s data.</source>
        <translation>请先登录：备份和恢复针对当前登录单位的数据。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::UploadScanPage</name>
    <message>
        <source>C&amp;hoose the scan and upload...</source>
        <translation>选择扫描件并上传(&amp;H)...</translation>
    </message>
    <message>
        <source>Upload the stamped letter</source>
        <translation>上传盖章后的《用户承诺书》</translation>
    </message>
    <message>
        <source>Scan or photograph the letter stamped with the unit&apos;s official seal: a JPEG, PNG or PDF file of at most 5 MB.</source>
        <translation>请将加盖单位公章的《用户承诺书》扫描或拍照上传，文件格式为 JPEG、PNG 或 PDF，大小不超过 5 MB。</translation>
    </message>
    <message>
        <source>Choose the scan and upload</source>
        <translation>选择扫描件并上传</translation>
    </message>
    <message>
        <source>Uploaded: %1 (%2, %3)</source>
        <translation>已上传：%1（%2，%3）</translation>
    </message>
    <message>
        <source>Choose the scan of the stamped letter</source>
        <translation>选择盖章后《用户承诺书》的扫描件</translation>
    </message>
    <message>
        <source>Scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>shebao::ui::UserGuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Contents of the user guide</source>
        <translation>使用指南目录</translation>
    </message>
    <message>
        <source>The user guide is missing from this build of the program.</source>
        <translation>本程序版本中缺少使用指南。</translation>
    </message>
</context>
<context>
    <name>shebao::ui::WizardButtons</name>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>shebao::ui::guide</name>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Open this step&apos;s section of the user guide (F1)</source>
        <translation>打开使用指南中本步骤的说明（F1）</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>Open the user guide at what is shown (F1)</source>
        <translation>打开使用指南中当前页面的说明（F1）</translation>
    </message>
</context>
</TS>
