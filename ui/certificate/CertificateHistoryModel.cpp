#include "ui/certificate/CertificateHistoryModel.h"

#include <QBrush>
#include <QColor>

namespace shebao::ui {

namespace {

// Times as the agency states them: Beijing time, whatever the clerk's computer says.
QString beijing(const QDateTime &utc, const char *format)
{
    return utc.isValid() ? utc.toOffsetFromUtc(8 * 3600).toString(QString::fromLatin1(format)) : QString();
}

} // namespace

CertificateHistoryModel::CertificateHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void CertificateHistoryModel::setCertificates(QList<IssuedCertificate> certificates)
{
    beginResetModel();
    m_rows = std::move(certificates);
    endResetModel();
}

void CertificateHistoryModel::prepend(const IssuedCertificate &certificate)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].content.number == certificate.content.number) {
            m_rows[i] = certificate;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(certificate);
    endInsertRows();
}

int CertificateHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CertificateHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CertificateHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IssuedCertificate &c = m_rows.at(index.row());
    if (role == Qt::UserRole)
        return c.content.number;
    if (role == Qt::ForegroundRole && index.column() == State && c.state != CertificateState::Valid)
        return QBrush(c.state == CertificateState::Revoked ? QColor(0xB0, 0x10, 0x10) : QColor(0x80, 0x80, 0x80));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Number: return c.content.number;
    case Kind: return certificateKindName(c.content.kind);
    case Purpose: return c.content.purpose;
    case Person:
        return c.content.kind == CertificateKind::Person
                   ? QStringLiteral("%1 %2").arg(c.content.personName, c.content.personNo).trimmed()
                   : QString();
    case IssuedAt: return beijing(c.content.issuedAt, "yyyy-MM-dd HH:mm");
    case ValidUntil: return beijing(c.content.validUntil, "yyyy-MM-dd");
    case State:
        if (role == Qt::ToolTipRole && c.state == CertificateState::Revoked)
            return tr("Revoked on %1: %2").arg(beijing(c.revokedAt, "yyyy-MM-dd HH:mm"), c.revokeReason);
        return certificateStateName(c.state);
    case ColumnCount: break;
    }
    return {};
}

QVariant CertificateHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Number: return tr("Certificate number");
    case Kind: return tr("Kind");
    case Purpose: return tr("Purpose");
    case Person: return tr("Person");
    case IssuedAt: return tr("Issued at (Beijing time)");
    case ValidUntil: return tr("Valid until");
    case State: return tr("State");
    case ColumnCount: break;
    }
    return {};
}

} // namespace shebao::ui
