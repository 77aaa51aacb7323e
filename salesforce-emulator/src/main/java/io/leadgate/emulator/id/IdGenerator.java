package io.leadgate.emulator.id;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out fresh record ids. One generator serves every org of an emulator so that ids are unique
 * across orgs, as they are in Salesforce; a client that mixes up orgs then sees unknown ids instead
 * of silently touching another org's record.
 */
public final class IdGenerator {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  // Start away from zero so ids carry letters of both cases and the checksum is exercised.
  private final AtomicLong counter = new AtomicLong(3_000_000_000L);

  /** Returns a new 18-character id with the given 3-character key prefix. */
  public String next(String keyPrefix) {
    if (keyPrefix.length() != 3) {
      throw new IllegalArgumentException("key prefix must have 3 characters: " + keyPrefix);
    }
    long n = counter.getAndAdd(7919);
    char[] body = new char[12];
    for (int i = 11; i >= 0; i--) {
      body[i] = BASE62.charAt((int) (n % 62));
      n /= 62;
    }
    return SalesforceIds.to18(keyPrefix + new String(body));
  }
}
