package io.leadgate.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Request and response plumbing shared by the emulator's HTTP handlers. */
public final class HttpSupport {

  private HttpSupport() {}

  /** Reads the request body, gunzipping it when the client compressed it (WSC does by default). */
  public static byte[] readBody(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    try (InputStream raw = exchange.getRequestBody()) {
      InputStream in =
          encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")
              ? new GZIPInputStream(raw)
              : raw;
      return in.readAllBytes();
    }
  }

  /**
   * Compresses at the fastest level. A search's answer runs to hundreds of kilobytes of repetitive
   * XML; at the default level compressing it was a quarter of the emulator's CPU in a burst, on a
   * machine where the emulator shares the cores with the stack it stands in for.
   */
  private static final class FastGzip extends GZIPOutputStream {

    private FastGzip(OutputStream out) throws IOException {
      super(out);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /**
   * Sends a complete response, gzip-compressed when the client accepts it, as Salesforce does for
   * clients that send Accept-Encoding: gzip.
   */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    byte[] payload = body;
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length / 2 + 64);
      try (GZIPOutputStream gzip = new FastGzip(buffer)) {
        gzip.write(body);
      }
      payload = buffer.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    if (status == 204 || payload.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, payload.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(payload);
    }
  }

  /** Parses an application/x-www-form-urlencoded body. */
  public static Map<String, String> parseForm(byte[] body) {
    Map<String, String> form = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return form;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      form.putIfAbsent(
          java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }

  /** The bearer token of the Authorization header, or null. */
  public static String bearerToken(HttpExchange exchange) {
    List<String> values = exchange.getRequestHeaders().get("Authorization");
    if (values == null || values.isEmpty()) {
      return null;
    }
    String header = values.get(0).trim();
    // Salesforce also accepts the legacy "OAuth <token>" scheme.
    for (String scheme : List.of("Bearer ", "OAuth ")) {
      if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return header.substring(scheme.length()).trim();
      }
    }
    return null;
  }
}
