package org.interlock.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection, kept alive across requests, used by one load worker at a time: the
 * request is written from bytes prepared once, the answer's status line and headers are parsed and
 * its body read (Content-Length or chunked). So little work per request that the generator is not
 * what limits a measurement on a 2-core machine — java.net.http's client costs several times more
 * CPU per request (its own selector thread, futures, header maps). Reopens the connection when the
 * server closed it.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** An answer: its status and, when asked for, its body. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** An HTTP/1.1 request as bytes: method, path (with query), headers, optional JSON body. */
    static byte[] request(URI base, String method, String path, Map<String, String> headers, String body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + content.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return request;
    }

    /**
     * Sends the request and reads the answer. A read (idempotent) whose connection the server had
     * closed while idle is sent once more on a new one; a write never is: its failure is the answer.
     */
    Answer send(byte[] request, boolean keepBody, boolean idempotent) throws IOException {
        boolean reused = socket != null;
        try {
            open();
            out.write(request);
            out.flush();
            return read(keepBody);
        } catch (IOException e) {
            close();
            if (reused && idempotent) {
                open();
                out.write(request);
                out.flush();
                return read(keepBody);
            }
            throw e;
        }
    }

    private void open() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }
    }

    private Answer read(boolean keepBody) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, body);
        }
        if (closing) {
            close();
        }
        return new Answer(code, body == null ? new byte[0] : body.toByteArray());
    }

    private void copy(long count, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[8_192];
        while (count > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
            if (read < 0) {
                throw new EOFException("the connection closed inside a body");
            }
            if (body != null) {
                body.write(buffer, 0, read);
            }
            count -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
