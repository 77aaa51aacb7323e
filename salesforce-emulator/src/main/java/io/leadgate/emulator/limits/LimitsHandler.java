package io.leadgate.emulator.limits;

import com.sun.net.httpserver.HttpExchange;
import io.leadgate.emulator.http.HttpSupport;
import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.oauth.SessionRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST {@code GET /services/data/vXX.X/limits}: the DailyApiRequests figures and the
 * Sforce-Limit-Info header. The call itself counts against the limit, which Salesforce does not
 * document either way; counting it is the conservative choice.
 */
public final class LimitsHandler {

  private static final String JSON = "application/json;charset=UTF-8";

  private final SessionRegistry sessions;
  private final JsonMapper json;

  public LimitsHandler(SessionRegistry sessions, JsonMapper json) {
    this.sessions = sessions;
    this.json = json;
  }

  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equalsIgnoreCase("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      HttpSupport.send(exchange, 405, null, new byte[0]);
      return;
    }
    Optional<Session> session = sessions.use(HttpSupport.bearerToken(exchange));
    if (session.isEmpty()) {
      error(exchange, 401, "INVALID_SESSION_ID", "Session expired or invalid");
      return;
    }
    ApiUsageWindow usage = session.get().org().usage();
    if (!usage.tryAcquire("limits")) {
      usage.log("limits", false, "REQUEST_LIMIT_EXCEEDED");
      limitHeader(exchange, usage);
      error(exchange, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
      return;
    }
    usage.log("limits", true, "ok");
    long current = usage.current();
    long limit = usage.limit();
    Map<String, Object> daily = new LinkedHashMap<>();
    daily.put("Max", limit);
    daily.put("Remaining", Math.max(0, limit - current));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("DailyApiRequests", daily);
    limitHeader(exchange, usage);
    HttpSupport.send(exchange, 200, JSON, json.writeValueAsBytes(body));
  }

  private static void limitHeader(HttpExchange exchange, ApiUsageWindow usage) {
    exchange
        .getResponseHeaders()
        .set("Sforce-Limit-Info", "api-usage=" + usage.current() + "/" + usage.limit());
  }

  private void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("errorCode", code);
    HttpSupport.send(exchange, status, JSON, json.writeValueAsBytes(List.of(error)));
  }
}
