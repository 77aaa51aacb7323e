package io.leadgate.capture.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the API's OpenAPI document, a static file copied at build time from docs/capture-api.yaml
 * (one source: what the service serves is what the repository documents). It sits under /api/ and
 * so needs a team key like the rest of the API: only teams integrate with it, and an
 * unauthenticated scanner learns nothing about the surface.
 */
@RestController
class OpenApiController {

  static final MediaType YAML = MediaType.parseMediaType("application/yaml");
  private final Resource document = new ClassPathResource("openapi/capture-api.yaml");

  @GetMapping(path = "/api/v1/openapi.yaml", produces = "application/yaml")
  ResponseEntity<Resource> openApi() {
    return ResponseEntity.ok()
        .contentType(YAML)
        .cacheControl(CacheControl.noCache())
        .body(document);
  }
}
