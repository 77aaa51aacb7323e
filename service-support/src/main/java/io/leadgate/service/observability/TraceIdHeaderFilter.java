package io.leadgate.service.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the request's trace in the response, so that a rep's "it did not work" comes with the id an
 * operator greps for across every service's logs. Registered after Spring's observation filter,
 * whose span is then current; set before the chain runs, since a streamed or error response may be
 * committed by then.
 */
public final class TraceIdHeaderFilter extends OncePerRequestFilter {

  /** The response header carrying the trace id (32 hex digits). */
  public static final String HEADER = "X-Trace-Id";

  private final Tracer tracer;

  public TraceIdHeaderFilter(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Span span = tracer.currentSpan();
    if (span != null && !span.context().traceId().isEmpty()) {
      response.setHeader(HEADER, span.context().traceId());
    }
    chain.doFilter(request, response);
  }
}
