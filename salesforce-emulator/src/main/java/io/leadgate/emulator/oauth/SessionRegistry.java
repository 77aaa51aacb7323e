package io.leadgate.emulator.oauth;

import io.leadgate.emulator.org.OrgState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued access tokens (which double as SOAP session ids) and their idle expiry. Salesforce
 * sessions time out after a period without use; each use restarts the period.
 */
public final class SessionRegistry {

  private static final String TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

  private record Entry(Session session, Instant lastUsed) {}

  private final Clock clock;
  private final Duration idleTimeout;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

  public SessionRegistry(Clock clock, Duration idleTimeout) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  /** Issues a token {@code <orgId15>!<opaque>} as Salesforce formats session ids. */
  public Session issue(OrgState org, String userId) {
    StringBuilder token = new StringBuilder(org.orgId15()).append("!AQ");
    for (int i = 0; i < 96; i++) {
      token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    Session session = new Session(token.toString(), org, userId);
    sessions.put(session.token(), new Entry(session, clock.instant()));
    return session;
  }

  /** Returns the live session for a token and restarts its idle period. */
  public Optional<Session> use(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry entry = sessions.get(token);
    if (entry == null) {
      return Optional.empty();
    }
    if (now.isAfter(entry.lastUsed().plus(idleTimeout))) {
      sessions.remove(token, entry);
      return Optional.empty();
    }
    sessions.put(token, new Entry(entry.session(), now));
    return Optional.of(entry.session());
  }

  /** Ends every session of an org, e.g. when it is removed. */
  public void revokeAll(OrgState org) {
    sessions.values().removeIf(e -> e.session().org() == org);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }
}
