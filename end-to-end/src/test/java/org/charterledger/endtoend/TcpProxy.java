package org.charterledger.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * A TCP proxy between a service and PostgreSQL that a test controls: {@link #cut()} takes the database away as a
 * restart or an outage would (every open connection breaks, every new one is closed at once), {@link #restore()}
 * brings it back. The shared PostgreSQL cluster the other tests use is never touched.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = new HashSet<>();
    private boolean cut;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy to " + targetHost + ":" + targetPort, this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The database goes away: open connections break, new ones are closed as soon as they are accepted. */
    synchronized void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** The database is back. */
    synchronized void restore() {
        cut = false;
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                connect(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private synchronized void connect(Socket client) {
        if (cut) {
            closeQuietly(client);
            return;
        }
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            open.add(client);
            open.add(upstream);
            daemon("proxy upstream", () -> pump(client, upstream));
            daemon("proxy downstream", () -> pump(upstream, client));
        } catch (IOException unreachable) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException broken) {
            // the other direction, or cut(), closed the pair
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            synchronized (this) {
                open.remove(from);
                open.remove(to);
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
