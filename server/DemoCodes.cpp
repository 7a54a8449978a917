#include "server/DemoCodes.h"

namespace shebao::server::demo {

quint64 Prng::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int Prng::range(int low, int high)
{
    return low + int(next() % quint64(high - low + 1));
}

QChar idNumberCheck(QStringView first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17 && i < first17.size(); ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return QLatin1Char(checks[sum % 11]);
}

namespace {

int organisationValue(QChar c)
{
    if (c.isDigit())
        return c.digitValue();
    return c.unicode() - u'A' + 10;
}

QChar organisationCheck(QStringView base8)
{
    static const int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += organisationValue(base8.at(i)) * weights[i];
    const int c = 11 - sum % 11;
    if (c == 10)
        return u'X';
    if (c == 11)
        return u'0';
    return QLatin1Char(char('0' + c));
}

} // namespace

QString creditCode(QStringView region6, QStringView organisation8)
{
    static const QString charset = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    QString code = QStringLiteral("91") + region6.toString() + organisation8.toString()
                   + organisationCheck(organisation8);
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += int(charset.indexOf(code.at(i))) * weights[i];
    const int check = (31 - sum % 31) % 31;
    return code + charset.at(check);
}

const DemoDictionary &dictionary()
{
    static const DemoDictionary d{
        // Codes of resources/data/dictionaries (户口性质, 用工形式, 个人身份), as the persons table
        // stores them: 城镇 / 农村; 合同制, 劳务派遣, 非全日制, 临时工; 工人 / 干部.
        {QStringLiteral("1"), QStringLiteral("2")},
        {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")},
        {QStringLiteral("1"), QStringLiteral("2")},
        {QStringLiteral("15"), QStringLiteral("06"), QStringLiteral("12"), QStringLiteral("13"), QStringLiteral("03")},
        {QStringLiteral("430102"), QStringLiteral("430103"), QStringLiteral("430104"), QStringLiteral("430105"),
         QStringLiteral("430111"), QStringLiteral("430112"), QStringLiteral("430121"), QStringLiteral("430181"),
         QStringLiteral("430182")},
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 曹 "
                       "袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 余 潘 杜 戴 夏 钟 汪 田 任 姜 范 方 石 "
                       "姚 谭 廖 邹 熊 金 陆 郝 孔 白 崔 康 毛 邱 秦 江 史 顾 侯 邵 孟 龙 万 段 雷 钱 汤 尹 黎 易 "
                       "常 武 乔 贺 赖 龚 文 欧阳")
            .split(u' '),
        QStringLiteral("伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 "
                       "志强 建华 志明 俊杰 文博 子轩 浩然 宇航 嘉豪 明辉 国庆 建军 海涛 振华 晓东 立新 湘文 湘军")
            .split(u' '),
        QStringLiteral("芳 娜 敏 静 丽 艳 娟 霞 燕 玲 婷 雪 琳 晶 颖 倩 洁 慧 莉 萍 红 梅 兰 丹 蓉 "
                       "秀英 桂英 玉兰 晓燕 丽娟 海燕 雅琴 欣怡 梓涵 诗琪 雨萱 思雨 佳怡 婉婷 湘君 春梅 丽华")
            .split(u' '),
    };
    return d;
}

} // namespace shebao::server::demo
