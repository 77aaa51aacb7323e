package io.leadgate.emulator.soap;

import com.sun.net.httpserver.HttpExchange;
import io.leadgate.emulator.faults.FaultPlan;
import io.leadgate.emulator.http.HttpSupport;
import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.oauth.SessionRegistry;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Partner SOAP endpoint, {@code /services/Soap/u/65.0[/orgId]}. Dispatches on the Body's first
 * element (WSC always sends an empty SOAPAction), authenticates the session, enforces and counts
 * API usage, and answers 200 with LimitInfoHeader or 500 with a fault.
 */
public final class SoapHandler {

  public static final String API_VERSION = "65.0";
  public static final String PATH = "/services/Soap/u/" + API_VERSION;

  private static final Logger log = LoggerFactory.getLogger(SoapHandler.class);
  private static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
  // What Salesforce's load balancer answers while an instance is unavailable.
  private static final String SERVICE_UNAVAILABLE =
      "<html><head><title>503 Service Unavailable</title></head><body>"
          + "<h1>Service Unavailable</h1><p>The server is temporarily unable to service your"
          + " request. Please try again later.</p></body></html>";

  private final SessionRegistry sessions;
  private final LoginOperation login;
  private final Map<String, SoapOperation> operations;

  public SoapHandler(OrgRegistry orgs, SessionRegistry sessions, URI baseUrl) {
    this.sessions = sessions;
    this.login = new LoginOperation(orgs, sessions, baseUrl);
    Map<String, SoapOperation> ops = new HashMap<>();
    ops.put("query", QueryOperations.query("queryResponse"));
    ops.put("queryAll", QueryOperations.query("queryAllResponse"));
    ops.put("queryMore", QueryOperations.queryMore());
    ops.put("create", new CreateOperation());
    ops.put("update", SaveOperations.update());
    ops.put("upsert", SaveOperations.upsert());
    ops.put("retrieve", new RetrieveOperation());
    ops.put("search", new SearchOperation());
    ops.put("findDuplicates", new FindDuplicatesOperation());
    ops.put("getUserInfo", UserInfoOperations.getUserInfo(sessions.idleTimeout()));
    ops.put("describeSObject", DescribeOperations.describeSObject(baseUrl));
    ops.put("describeGlobal", DescribeOperations.describeGlobal());
    this.operations = Map.copyOf(ops);
  }

  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      HttpSupport.send(exchange, 405, null, new byte[0]);
      return;
    }
    String response;
    int status;
    Duration holdBack = Duration.ZERO;
    try {
      SoapRequest request = SoapRequest.parse(HttpSupport.readBody(exchange));
      String name = request.operationName();
      if (name.equals("login")) {
        response = login.execute(request);
      } else {
        Session session = authenticate(exchange.getRequestURI().getPath(), request);
        OrgState org = session.org();
        FaultPlan.Decision decision = org.faults().decide(name);
        if (!pause(decision.latency())) {
          return;
        }
        switch (decision.action()) {
          case HTTP_503 -> {
            org.usage().log(name, false, "HTTP_503");
            HttpSupport.send(
                exchange,
                503,
                "text/html; charset=UTF-8",
                SERVICE_UNAVAILABLE.getBytes(StandardCharsets.UTF_8));
            return;
          }
          case DROP_CONNECTION -> {
            org.usage().log(name, false, "CONNECTION_DROPPED");
            // Closing an exchange before any response closes the TCP connection.
            exchange.close();
            return;
          }
          case COMMIT_THEN_TIMEOUT -> holdBack = decision.delay();
          default -> {}
        }
        response = dispatch(request, session, !holdBack.isZero() ? "COMMIT_THEN_TIMEOUT" : "ok");
      }
      status = 200;
    } catch (SoapFault fault) {
      response = Envelopes.fault(fault);
      status = 500;
    }
    if (!pause(holdBack)) {
      return;
    }
    HttpSupport.send(exchange, status, CONTENT_TYPE, response.getBytes(StandardCharsets.UTF_8));
  }

  /** Sleeps for an injected delay; false when interrupted (the emulator is stopping). */
  private static boolean pause(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Session authenticate(String path, SoapRequest request) {
    Optional<Session> session = sessions.use(request.header("SessionHeader", "sessionId"));
    if (session.isEmpty() || !pathMatchesOrg(path, session.get().org())) {
      throw SoapFault.invalidSession();
    }
    return session.get();
  }

  private String dispatch(SoapRequest request, Session session, String okOutcome) {
    String name = request.operationName();
    OrgState org = session.org();
    SoapOperation operation = operations.get(name);
    if (operation == null || !Namespaces.PARTNER.equals(request.operation().getNamespaceURI())) {
      throw SoapFault.client(
          "No operation available for request {"
              + request.operation().getNamespaceURI()
              + "}"
              + name
              + ", please check the WSDL for the service.");
    }
    if (!org.usage().tryAcquire(name)) {
      org.usage().log(name, false, "REQUEST_LIMIT_EXCEEDED");
      throw SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
    try {
      // The call is already counted, so the header reflects it, as Salesforce's does.
      long[] limitInfo = {org.usage().current(), org.usage().limit()};
      String envelope =
          Envelopes.success(limitInfo, xml -> operation.execute(request, session, xml));
      org.usage().log(name, true, okOutcome);
      return envelope;
    } catch (SoapFault fault) {
      org.usage().log(name, true, fault.exceptionCode());
      throw fault;
    } catch (RuntimeException e) {
      String errorId = UUID.randomUUID().toString().substring(0, 18);
      log.error("unexpected error in {} (ErrorId {})", name, errorId, e);
      org.usage().log(name, true, "UNKNOWN_EXCEPTION");
      throw SoapFault.unexpected(
          "UNKNOWN_EXCEPTION",
          "An unexpected error occurred. Please include this ErrorId if you contact support: "
              + errorId);
    }
  }

  /** A session id may only be used on its own org's endpoint when the path names an org. */
  private static boolean pathMatchesOrg(String path, OrgState org) {
    int at = path.indexOf(PATH);
    String rest = path.substring(at + PATH.length());
    if (rest.isEmpty() || rest.equals("/")) {
      return true;
    }
    String orgId = rest.substring(1);
    return orgId.equals(org.orgId15()) || orgId.equals(org.orgId());
  }
}
