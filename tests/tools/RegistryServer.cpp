#include "RegistryServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <sys/prctl.h>

QString RegistryServer::start(const QString &directory)
{
    QString failures;
    // The port is free when freePort() returns but another process may take it before the registry
    // binds it: try a few.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        const QString config = directory + QStringLiteral("/registry.yml");
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QStringLiteral("cannot write %1").arg(config);
        file.write(QStringLiteral("version: 0.1\n"
                                  "log:\n  level: warn\n"
                                  "storage:\n  filesystem:\n    rootdirectory: %1/registry-data\n"
                                  "http:\n  addr: 127.0.0.1:%2\n  secret: ballast-test-only\n")
                       .arg(directory)
                       .arg(m_port)
                       .toUtf8());
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start(QStringLiteral("docker-registry"), { QStringLiteral("serve"), config });
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("docker-registry did not start: %1").arg(m_process.errorString());
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && isRunning()) {
            if (answers(m_port, 500))
                return {};
            m_process.waitForFinished(100);
        }
        failures += QStringLiteral("port %1: %2\n").arg(m_port).arg(QString::fromUtf8(m_process.readAll()).trimmed());
        stop();
    }
    return QStringLiteral("docker-registry never answered http://127.0.0.1:PORT/v2/:\n") + failures;
}

void RegistryServer::stop()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 RegistryServer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool RegistryServer::isFree(quint16 port)
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, port);
}

bool RegistryServer::answers(quint16 port, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write("GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray reply;
    const QDeadlineTimer deadline(timeoutMs);
    while (!reply.contains("\r\n") && !deadline.hasExpired() && socket.waitForReadyRead(int(deadline.remainingTime())))
        reply += socket.readAll();
    return reply.startsWith("HTTP/1.1 200") || reply.startsWith("HTTP/1.0 200");
}
