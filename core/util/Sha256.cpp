#include "Sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdexcept>

namespace ballast {

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not initialise SHA-256");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
    // OpenSSL keeps per-thread state (its error queue) and frees it from a thread-exit handler. Qt's
    // pool threads are detached: the process may exit while one of them is still in that handler, and
    // the state is then lost, which LeakSanitizer reports. Freeing it here leaves nothing for thread
    // exit; the next hasher on this thread allocates it again, a few hundred bytes.
    OPENSSL_thread_stop();
}

void Sha256::update(const void *data, size_t size)
{
    if (size)
        EVP_DigestUpdate(m_ctx, data, size);
}

QString Sha256::finishDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &length);
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

} // namespace ballast
