package io.leadgate.capture.benchmark;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling the capture endpoint is measured against: the same server, filters (bearer auth) and
 * interceptors (rate limit), a body read, a small JSON answer, and no work. Test scope and the
 * benchmark profile only, so it can never ship.
 */
@RestController
@Profile("benchmark")
class BenchmarkCeiling {

  @PostMapping(
      path = "/api/v1/benchmark/empty",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  String empty(@RequestBody String body) {
    return "{\"state\":\"RECEIVED\"}";
  }
}
