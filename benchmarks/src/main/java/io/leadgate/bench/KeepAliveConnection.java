package io.leadgate.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection on a plain socket: writes a request, reads the status, the
 * headers and the body (by Content-Length or chunked). Reconnects when the server closes it (Tomcat
 * does after 100 requests on a connection).
 *
 * <p>Load drivers use it instead of {@code java.net.http.HttpClient}, which spent more CPU per
 * request than the services it measured: on this 2-core machine a driver's CPU is taken from the
 * stack under test.
 */
public final class KeepAliveConnection implements AutoCloseable {

  /** A status line's code and the body as text. */
  public record Response(int status, String body) {}

  private final String host;
  private final int port;
  private final int readTimeoutMillis;
  private final StringBuilder line = new StringBuilder();
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  public KeepAliveConnection(String host, int port, int readTimeoutMillis) throws IOException {
    this.host = host;
    this.port = port;
    this.readTimeoutMillis = readTimeoutMillis;
    open();
  }

  /** The bytes of a request with a JSON body, ready to be written as often as needed. */
  public static byte[] jsonRequest(
      String method, String host, String path, String authorization, byte[] body) {
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: "
            + authorization
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(readTimeoutMillis);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  /**
   * Sends the request and reads its answer. A connection the server closed between requests is
   * opened again and the request sent on the new one: nothing of it had been read.
   */
  public Response exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    String status = readLine();
    if (status == null) {
      close();
      open();
      out.write(request);
      out.flush();
      status = readLine();
      if (status == null) {
        throw new IOException("the server closed the connection without an answer");
      }
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closing = true;
      }
    }
    StringBuilder body = new StringBuilder();
    if (chunked) {
      for (int size = Integer.parseInt(readLine().trim(), 16);
          size > 0;
          size = Integer.parseInt(readLine().trim(), 16)) {
        body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        readLine();
      }
      readLine();
    } else if (length > 0) {
      body.append(new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
    }
    if (closing) {
      close();
      open();
    }
    return new Response(code, body.toString());
  }

  private String readLine() throws IOException {
    line.setLength(0);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
