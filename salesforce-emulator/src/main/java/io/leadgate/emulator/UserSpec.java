package io.leadgate.emulator;

import java.util.Objects;

/**
 * A user of an emulated org (a record owner).
 *
 * @param id 15- or 18-character 005 id, or null to generate one
 * @param firstName first name, may be null
 * @param lastName last name
 * @param email e-mail address
 * @param username login name; defaults to the e-mail address
 * @param active whether the user is active
 * @param integrationUser whether OAuth tokens of the org run as this user; if no user is flagged
 *     the first one is the integration user
 * @param password password for SOAP login(), only used when the org allows login; may be null
 */
public record UserSpec(
    String id,
    String firstName,
    String lastName,
    String email,
    String username,
    Boolean active,
    boolean integrationUser,
    String password) {

  public UserSpec {
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    if (username == null) {
      username = email;
    }
    if (active == null) {
      active = Boolean.TRUE;
    }
  }

  public static UserSpec of(String firstName, String lastName, String email) {
    return new UserSpec(null, firstName, lastName, email, email, true, false, null);
  }

  public static UserSpec integration(String firstName, String lastName, String email) {
    return new UserSpec(null, firstName, lastName, email, email, true, true, null);
  }

  public UserSpec withId(String newId) {
    return new UserSpec(
        newId, firstName, lastName, email, username, active, integrationUser, password);
  }

  public UserSpec withPassword(String newPassword) {
    return new UserSpec(
        id, firstName, lastName, email, username, active, integrationUser, newPassword);
  }
}
