package io.leadgate.salesforce.auth;

import java.net.URI;

/**
 * An OAuth access token and the instance it is valid for. The token doubles as the SOAP session id.
 * {@link #toString()} never shows the token, so it cannot leak into logs.
 */
public record AccessToken(String value, URI instanceUrl) {

  @Override
  public String toString() {
    return "AccessToken[instanceUrl=" + instanceUrl + ", value=<redacted>]";
  }
}
