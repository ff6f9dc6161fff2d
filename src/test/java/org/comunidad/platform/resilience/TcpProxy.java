package org.comunidad.platform.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A TCP forwarder on loopback between the app and a server (PostgreSQL, the S3 server), that a
 * test can cut as a network does: every connection closed and new ones refused (the server's host
 * is down), or every connection closed and new ones accepted and never answered (a firewall that
 * drops packets, a hung server: the case that makes clients hang). The server's port is asked for
 * at each connection, so the proxy follows a server restarted on another port.
 */
final class TcpProxy implements AutoCloseable {

    enum State {
        OPEN, REFUSING, BLACKHOLED
    }

    private final String name;
    private final int port;
    private final IntSupplier target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile State state = State.OPEN;
    private volatile ServerSocket server;
    private volatile boolean closed;

    TcpProxy(String name, int port, IntSupplier target) {
        this.name = name;
        this.port = port;
        this.target = target;
    }

    int port() {
        return port;
    }

    State state() {
        return state;
    }

    synchronized TcpProxy start() {
        listen();
        return this;
    }

    /** Closes every connection; new ones are refused (nothing listens on the port). */
    synchronized void refuse() {
        state = State.REFUSING;
        stopListening();
        dropAll();
    }

    /** Closes every connection; new ones are accepted and never answered (what is sent is swallowed). */
    synchronized void blackhole() {
        state = State.BLACKHOLED;
        dropAll();
        listen();
    }

    /** Forwards again: new connections reach the server. */
    synchronized void restore() {
        if (state != State.OPEN) {
            // The connections accepted while cut go; those that were forwarded stay.
            dropAll();
        }
        state = State.OPEN;
        listen();
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopListening();
        dropAll();
    }

    private void listen() {
        if (server != null && !server.isClosed()) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            server = socket;
            Thread acceptor = new Thread(() -> accept(socket), name + "-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
    }

    private void stopListening() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void dropAll() {
        for (Socket socket : sockets) {
            try {
                // RST rather than FIN: the peer learns at once that the connection is gone.
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        sockets.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed() && !closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(client);
            if (state == State.BLACKHOLED) {
                // Read and drop whatever the client sends; never answer.
                daemon(() -> swallow(client), name + "-hole");
                continue;
            }
            daemon(() -> connect(client), name + "-connect");
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getAsInt()), 2000);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(upstream);
            closeQuietly(client);
            sockets.remove(client);
            return;
        }
        sockets.add(upstream);
        if (state != State.OPEN) {
            // Cut while connecting.
            closeQuietly(upstream);
            closeQuietly(client);
            return;
        }
        daemon(() -> pump(client, upstream), name + "-up");
        daemon(() -> pump(upstream, client), name + "-down");
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side or a cut closed it
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void swallow(Socket client) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // cut
        } finally {
            sockets.remove(client);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
