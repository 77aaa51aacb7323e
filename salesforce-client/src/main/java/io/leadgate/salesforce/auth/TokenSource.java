package io.leadgate.salesforce.auth;

import io.leadgate.salesforce.SalesforceException;

/** Obtains a fresh access token; called at start and whenever the session expires. */
@FunctionalInterface
public interface TokenSource {

  AccessToken fetch() throws SalesforceException;
}
