package io.leadgate.emulator.soap;

import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.oauth.SessionRegistry;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * login(). Real orgs refuse it on API 65.0, so the emulator does too unless the org allows it; then
 * it checks the password and answers with a LoginResult. Login is not counted against API REQUESTS
 * and carries no LimitInfoHeader.
 */
final class LoginOperation {

  private final OrgRegistry orgs;
  private final SessionRegistry sessions;
  private final URI baseUrl;

  LoginOperation(OrgRegistry orgs, SessionRegistry sessions, URI baseUrl) {
    this.orgs = orgs;
    this.sessions = sessions;
    this.baseUrl = baseUrl;
  }

  String execute(SoapRequest request) {
    String username = SoapRequest.childText(request.operation(), "username");
    String password = SoapRequest.childText(request.operation(), "password");
    Optional<Map.Entry<OrgState, String>> user = orgs.findUser(username);
    if (user.isEmpty() || !user.get().getKey().loginAllowed()) {
      user.ifPresent(u -> u.getKey().usage().log("login", false, "INVALID_OPERATION"));
      throw SoapFault.unexpected(
          "INVALID_OPERATION",
          "The SOAP Login operation is not available in the API version specified ("
              + SoapHandler.API_VERSION
              + "). Refer to the documentation for supported versions.");
    }
    OrgState org = user.get().getKey();
    String userId = user.get().getValue();
    String expected = org.password(userId);
    if (expected == null
        || password == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
      org.usage().log("login", false, "INVALID_LOGIN");
      throw new SoapFault(
          "INVALID_LOGIN",
          "LoginFault",
          "Invalid username, password, security token; or user locked out.");
    }
    Session session = sessions.issue(org, userId);
    org.usage().log("login", false, "ok");
    return Envelopes.success(
        null,
        body -> {
          body.start("loginResponse").start("result");
          body.element(
              "metadataServerUrl",
              baseUrl + "/services/Soap/m/" + SoapHandler.API_VERSION + "/" + org.orgId15());
          body.element("passwordExpired", false);
          body.element("sandbox", false);
          body.element("serverUrl", baseUrl + SoapHandler.PATH + "/" + org.orgId15());
          body.element("sessionId", session.token());
          body.element("userId", userId);
          UserInfoOperations.writeUserInfo(body, "userInfo", org, userId, sessions.idleTimeout());
          body.end().end();
        });
  }
}
