package io.leadgate.emulator;

import java.time.Instant;

/**
 * One API call an org received.
 *
 * @param timestamp when the call arrived (emulator clock)
 * @param operation SOAP operation or REST resource, e.g. "query" or "limits"
 * @param counted whether it entered the API usage window
 * @param outcome "ok" or the fault / error code returned
 */
public record CallLogEntry(Instant timestamp, String operation, boolean counted, String outcome) {}
