package io.leadgate.bench.json;

import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.service.json.IsoInstantModule;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and writing the two commonest events, with Jackson's own java.time support ({@code
 * jackson}) and with the services' {@link IsoInstantModule} ({@code leadgate}), side by side. The
 * instants carry microseconds, as {@code Clock.systemUTC()} stamps them on Linux.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventJsonBenchmark {

  @Param({"jackson", "leadgate"})
  public String instants;

  private JsonMapper mapper;
  private LeadStatusChanged status;
  private LeadCaptured captured;
  private byte[] statusJson;
  private byte[] capturedJson;

  @Setup
  public void setUp() {
    mapper =
        instants.equals("jackson")
            ? JsonMapper.builder().build()
            : JsonMapper.builder().addModule(new IsoInstantModule()).build();
    Instant at = Instant.parse("2026-11-27T13:19:01.123456Z");
    status =
        LeadStatusChanged.of(
                "6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01",
                "acme-sales",
                "00D000000000001AAA",
                LeadState.CHECKING,
                at)
            .withCloud(Cloud.BLUE)
            .withApiCalls(0.0125)
            .withKeysTried(List.of("email", "phone", "name+company"));
    captured =
        new LeadCaptured(
            LeadCaptured.VERSION,
            "6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01",
            "acme-sales",
            "00D000000000001AAA",
            "email:ada@lovelace.example",
            new LeadDetails(
                "Ada",
                "Lovelace",
                "Ada@Lovelace.example",
                "+44 20 7946 0018",
                "Analytical Engines Ltd",
                "Chief Mathematician",
                "https://www.linkedin.com/in/ada-lovelace/"),
            RecordTarget.LEAD,
            "rep@acme.example",
            at);
    statusJson = mapper.writeValueAsBytes(status);
    capturedJson = mapper.writeValueAsBytes(captured);
  }

  @Benchmark
  public LeadStatusChanged readStatus() {
    return mapper.readValue(statusJson, LeadStatusChanged.class);
  }

  @Benchmark
  public byte[] writeStatus() {
    return mapper.writeValueAsBytes(status);
  }

  @Benchmark
  public LeadCaptured readCaptured() {
    return mapper.readValue(capturedJson, LeadCaptured.class);
  }

  @Benchmark
  public byte[] writeCaptured() {
    return mapper.writeValueAsBytes(captured);
  }
}
