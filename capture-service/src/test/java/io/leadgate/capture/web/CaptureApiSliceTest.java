package io.leadgate.capture.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.capture.CaptureServiceApplication;
import io.leadgate.capture.intake.CaptureAccepted;
import io.leadgate.capture.intake.CaptureIdConflictException;
import io.leadgate.capture.intake.CaptureIntake;
import io.leadgate.capture.intake.FieldProblem;
import io.leadgate.capture.intake.InvalidCaptureException;
import io.leadgate.capture.intake.KafkaUnavailableException;
import io.leadgate.capture.ratelimit.RateLimiter;
import io.leadgate.capture.status.CaptureStatus;
import io.leadgate.capture.status.StatusFeed;
import io.leadgate.capture.status.StatusQueries;
import io.leadgate.capture.status.StatusStreams;
import io.leadgate.capture.status.ViewUnavailableException;
import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenant;
import io.leadgate.service.tenant.TenantProperties;
import io.leadgate.service.tenant.Tenants;
import io.leadgate.service.web.BearerAuthenticationFilter;
import io.leadgate.testsupport.TestTenants;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP contract alone: status codes, headers and problem bodies, with the application services
 * mocked. What they do is proven on a real broker by the integration tests.
 */
@WebMvcTest(properties = {CaptureServiceApplication.CONFIG_NAME, "LEADGATE_SERVICE_TOKEN=t"})
@Import(CaptureApiSliceTest.Wiring.class)
class CaptureApiSliceTest {

  private static final String CAPTURE =
      "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@lovelace.example\"}";

  @Autowired MockMvc mvc;
  @MockitoBean CaptureIntake intake;
  @MockitoBean StatusQueries queries;
  @MockitoBean StatusStreams streams;
  @MockitoBean StatusFeed feed;
  @MockitoBean RateLimiter limiter;

  @TestConfiguration
  @EnableConfigurationProperties(CaptureProperties.class)
  static class Wiring {
    @Bean
    Tenants tenants() {
      return new Tenants(
          new TenantProperties(
              List.of(
                  tenant("acme", TestTenants.ACME_API_KEY),
                  tenant("globex", TestTenants.GLOBEX_API_KEY)),
              TestTenants.SERVICE_TOKEN));
    }

    @Bean
    FilterRegistrationBean<BearerAuthenticationFilter> bearer(Tenants tenants, JsonMapper json) {
      FilterRegistrationBean<BearerAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new BearerAuthenticationFilter(tenants, json));
      registration.addUrlPatterns("/api/*");
      return registration;
    }

    private static Tenant tenant(String team, String key) {
      return new Tenant(
          team,
          "00D" + team,
          key,
          team + "-admin",
          RecordTarget.LEAD,
          new Tenant.SalesforceOrg(URI.create("http://127.0.0.1:1"), "c", "s"));
    }
  }

  @BeforeEach
  void ready() {
    given(feed.isCaughtUp()).willReturn(true);
  }

  @Test
  void anAcceptedCaptureIs202WithItsStatusUrl() throws Exception {
    String id = UUID.randomUUID().toString();
    given(intake.accept(any(), any()))
        .willReturn(new CaptureAccepted(id, LeadState.RECEIVED, "/api/v1/leads/" + id));

    mvc.perform(capture(CAPTURE))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/leads/" + id))
        .andExpect(jsonPath("$.captureId").value(id))
        .andExpect(jsonPath("$.state").value("RECEIVED"))
        .andExpect(jsonPath("$.statusUrl").value("/api/v1/leads/" + id));
  }

  @Test
  void invalidFieldsAreEachNamed() throws Exception {
    given(intake.accept(any(), any()))
        .willThrow(
            new InvalidCaptureException(
                List.of(
                    new FieldProblem("lastName", "must not be blank"),
                    new FieldProblem("phone", "not a usable phone number"))));

    mvc.perform(capture(CAPTURE))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[0].field").value("lastName"))
        .andExpect(jsonPath("$.errors[1].field").value("phone"));
  }

  @Test
  void aWrongTypeIsNamedByItsPath() throws Exception {
    mvc.perform(capture("{\"lastName\":\"L\",\"captureId\":42}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("captureId"));
    mvc.perform(
            post("/api/v1/leads/batch")
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"captures\":[{\"lastName\":\"A\"},{\"target\":\"ACCOUNT\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("captures[1].target"));
  }

  @Test
  void malformedJsonSaysWhere() throws Exception {
    mvc.perform(capture("{\"lastName\": \"Lovelace\",,}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line 1")));
  }

  @Test
  void aBodyOverTheLimitIs413WithoutReachingTheIntake() throws Exception {
    String huge = "{\"lastName\":\"" + "x".repeat(20_000) + "\"}";

    mvc.perform(capture(huge))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verify(intake, never()).accept(any(), any());
  }

  @Test
  void aNonJsonBodyIs415() throws Exception {
    mvc.perform(
            post("/api/v1/leads")
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .content("Ada Lovelace"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void noKeyOrAnUnknownKeyIs401() throws Exception {
    mvc.perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON).content(CAPTURE))
        .andExpect(status().isUnauthorized())
        .andExpect(header().exists("WWW-Authenticate"));
    mvc.perform(get("/api/v1/leads/x").header("Authorization", "Bearer guessed"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void overTheKeysRateIs429WithRetryAfter() throws Exception {
    willThrow(new RateLimiter.RateLimitedException(Duration.ofMillis(1_200)))
        .given(limiter)
        .take(any(Caller.class), anyInt());

    mvc.perform(capture(CAPTURE))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verify(intake, never()).accept(any(), any());
  }

  @Test
  void kafkaNotAcknowledgingIs503WithRetryAfter() throws Exception {
    given(intake.accept(any(), any())).willThrow(new KafkaUnavailableException("down"));

    mvc.perform(capture(CAPTURE))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("Nothing was accepted")));
  }

  @Test
  void beforeTheViewHasCaughtUpTheApiIs503() throws Exception {
    given(feed.isCaughtUp()).willReturn(false);

    mvc.perform(capture(CAPTURE))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"));
    verify(intake, never()).accept(any(), any());
  }

  @Test
  void anotherTeamsCaptureIdIs409() throws Exception {
    given(intake.accept(any(), any())).willThrow(new CaptureIdConflictException());

    mvc.perform(capture(CAPTURE)).andExpect(status().isConflict());
  }

  @Test
  void aStatusShowsWhatTheTeamMayKnow() throws Exception {
    given(queries.status(eq("acme"), eq("c-1")))
        .willReturn(
            Optional.of(
                new CaptureStatus(
                    "c-1",
                    LeadState.DUPLICATE,
                    Cloud.BLUE,
                    new MatchedRecord(
                        "Lead", "00Q1", "Jane Roe", "jane@acme.example", "email", 1.0),
                    null,
                    null,
                    null,
                    Instant.parse("2026-01-01T00:00:00Z"))));

    mvc.perform(
            get("/api/v1/leads/c-1").header("Authorization", "Bearer " + TestTenants.ACME_API_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("DUPLICATE"))
        .andExpect(jsonPath("$.match.ownerName").value("Jane Roe"))
        .andExpect(jsonPath("$.orgId").doesNotExist())
        .andExpect(jsonPath("$.salesforceId").doesNotExist());
  }

  @Test
  void unknownAndOtherTeamsCapturesAreTheSame404() throws Exception {
    given(queries.status(any(), any())).willReturn(Optional.empty());

    String unknown =
        mvc.perform(
                get("/api/v1/leads/nope")
                    .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String foreign =
        mvc.perform(
                get("/api/v1/leads/nope")
                    .header("Authorization", "Bearer " + TestTenants.GLOBEX_API_KEY))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    org.assertj.core.api.Assertions.assertThat(foreign).isEqualTo(unknown);
  }

  @Test
  void aLookupThatCannotCatchUpIs503NotA404() throws Exception {
    given(queries.status(any(), any()))
        .willThrow(new ViewUnavailableException(new RuntimeException()));

    mvc.perform(
            get("/api/v1/leads/x").header("Authorization", "Bearer " + TestTenants.ACME_API_KEY))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"));
  }

  @Test
  void aForeignLastEventIdIs400() throws Exception {
    given(streams.open(any(), any())).willThrow(new StatusStreams.InvalidLastEventIdException());

    mvc.perform(
            get("/api/v1/leads/stream")
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .header("Last-Event-ID", "garbage"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("Last-Event-ID"));
  }

  @Test
  void theOpenApiDocumentIsServedToTeams() throws Exception {
    mvc.perform(
            get("/api/v1/openapi.yaml")
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/yaml"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("openapi: 3.1")));
    mvc.perform(get("/api/v1/openapi.yaml")).andExpect(status().isUnauthorized());
  }

  private static org.springframework.test.web.servlet.RequestBuilder capture(String body) {
    return post("/api/v1/leads")
        .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }
}
