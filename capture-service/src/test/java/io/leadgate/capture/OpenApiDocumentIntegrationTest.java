package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.testsupport.TestTenants;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The document the service serves is docs/capture-api.yaml, and it names every API endpoint. */
@CaptureServiceTest
class OpenApiDocumentIntegrationTest {

  @LocalServerPort int port;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theServedDocumentIsTheRepositorysAndCoversEveryEndpoint() throws Exception {
    HttpResponse<String> served =
        new Api(port).get(TestTenants.ACME_API_KEY, "/api/v1/openapi.yaml");
    String document = Files.readString(Path.of("../docs/capture-api.yaml"));

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(document);
    Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(document);
    @SuppressWarnings("unchecked")
    Set<String> documented = ((Map<String, Object>) yaml.get("paths")).keySet();
    Set<String> mapped =
        mappings.getHandlerMethods().keySet().stream()
            .map(RequestMappingInfo::getPatternValues)
            .flatMap(Set::stream)
            .filter(path -> path.startsWith("/api/"))
            .filter(path -> !path.startsWith("/api/v1/benchmark"))
            .collect(Collectors.toSet());
    assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
  }
}
