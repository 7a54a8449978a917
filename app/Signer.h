#pragma once

#include <QByteArray>
#include <QString>

#include "crypto/Certificate.h"
#include "models/core/Result.h"

namespace shebao {

// Who signs for a certificate user: the certificate login's challenge and the body of every
// business submission (issue 3). SoftwareSigner holds a key from a PKCS#12 / PEM file; a USB
// key (PKCS#11 / SKF) will implement the same interface, so callers never see the key itself.
class Signer
{
public:
    virtual ~Signer() = default;

    // The algorithm name on the wire: "SM2-SM3" or "ECDSA-SHA256".
    virtual QString algorithm() const = 0;
    virtual crypto::Certificate certificate() const = 0;
    // A detached DER signature over bytes (SM2 with SM3 and the standard ID, or ECDSA-SHA256).
    virtual Result<QByteArray> sign(const QByteArray &bytes) const = 0;
};

} // namespace shebao
