#pragma once
// A private registry for the registry:// tests: Debian's docker-registry (distribution 2.8) serving
// plain HTTP on 127.0.0.1 at a free port, storing in a directory of the test. The server is killed
// when the object goes, and also if the test process dies first (PR_SET_PDEATHSIG), so a crashed or
// timed-out test never leaves it running.
#include <QProcess>
#include <QString>

class RegistryServer {
public:
    RegistryServer() = default;
    ~RegistryServer() { stop(); }
    RegistryServer(const RegistryServer &) = delete;
    RegistryServer &operator=(const RegistryServer &) = delete;

    // Writes DIR/registry.yml, starts `docker-registry serve` and waits until /v2/ answers 200.
    // Returns an empty string on success, else what went wrong (with the server's output).
    QString start(const QString &directory);
    void stop();

    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); } // "127.0.0.1:PORT"
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // A port on 127.0.0.1 that nothing listens on (just released by the kernel).
    static quint16 freePort();
    // Nothing listens on `port` of 127.0.0.1 (and it may be taken).
    static bool isFree(quint16 port);
    // GET http://HOST/v2/ answered 200 within `timeoutMs`.
    static bool answers(quint16 port, int timeoutMs);

private:
    QProcess m_process;
    quint16 m_port = 0;
};
