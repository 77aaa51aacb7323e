package io.leadgate.emulator.oauth;

import io.leadgate.emulator.org.OrgState;

/** An access token and whom it runs as. */
public record Session(String token, OrgState org, String userId) {}
