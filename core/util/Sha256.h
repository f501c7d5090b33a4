#pragma once
#include <QString>
#include <cstddef>
#include <memory>

struct evp_md_ctx_st;

namespace ballast {

// Streaming SHA-256 over OpenSSL's libcrypto: about ten times faster than QCryptographicHash on this
// hardware because it uses the CPU's SHA extensions, which matters when every layer is verified.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(const void *data, size_t size);
    // "sha256:<64 hex digits>"; the hasher cannot be updated afterwards.
    QString finishDigest();

private:
    evp_md_ctx_st *m_ctx;
};

} // namespace ballast
