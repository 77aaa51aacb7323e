package io.leadgate.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.leadgate.emulator.admin.AdminHandler;
import io.leadgate.emulator.limits.LimitsHandler;
import io.leadgate.emulator.oauth.TokenHandler;
import io.leadgate.emulator.soap.SoapHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes every request of the single HTTP context to the handler of its URL family. */
public final class Router implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  private static final Pattern LIMITS = Pattern.compile("^/services/data/v\\d+\\.\\d+/limits/?$");

  private final TokenHandler token;
  private final SoapHandler soap;
  private final LimitsHandler limits;
  private final AdminHandler admin;

  public Router(TokenHandler token, SoapHandler soap, LimitsHandler limits, AdminHandler admin) {
    this.token = token;
    this.soap = soap;
    this.limits = limits;
    this.admin = admin;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/services/oauth2/token")) {
        token.handle(exchange);
      } else if (isSoapPath(path)) {
        soap.handle(exchange);
      } else if (LIMITS.matcher(path).matches()) {
        limits.handle(exchange);
      } else if (path.equals("/admin") || path.startsWith("/admin/")) {
        admin.handle(exchange);
      } else {
        HttpSupport.send(
            exchange,
            404,
            "application/json;charset=UTF-8",
            "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]"
                .getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The client went away; nothing left to answer.
      log.debug("I/O error serving {}", exchange.getRequestURI(), e);
    } catch (RuntimeException e) {
      log.error("unhandled error serving {}", exchange.getRequestURI(), e);
      try {
        HttpSupport.send(
            exchange,
            500,
            "text/plain;charset=UTF-8",
            "internal error".getBytes(StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException ignored) {
        // Response already started; closing below is all that is left.
      }
    } finally {
      exchange.close();
    }
  }

  /** {@code .../services/Soap/u/65.0} optionally followed by {@code /<orgId>}. */
  private static boolean isSoapPath(String path) {
    int at = path.indexOf(SoapHandler.PATH);
    if (at < 0) {
      return false;
    }
    String rest = path.substring(at + SoapHandler.PATH.length());
    return rest.isEmpty() || rest.equals("/") || rest.matches("/[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
  }
}
