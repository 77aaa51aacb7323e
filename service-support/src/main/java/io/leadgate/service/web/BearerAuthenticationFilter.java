package io.leadgate.service.web;

import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/} request must carry {@code Authorization: Bearer <key>} naming a known team
 * key, admin key or the service token; anything else gets 401 problem+json before reaching a
 * controller. The caller is handed to controllers as the request attribute {@link #CALLER}.
 */
public class BearerAuthenticationFilter extends OncePerRequestFilter {

  public static final String CALLER = "leadgate.caller";

  private final Tenants tenants;
  private final JsonMapper jsonMapper;

  public BearerAuthenticationFilter(Tenants tenants, JsonMapper jsonMapper) {
    this.tenants = tenants;
    this.jsonMapper = jsonMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Optional<Caller> caller =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? tenants.authenticate(header.substring(7).trim())
            : Optional.empty();
    if (caller.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED,
              header == null
                  ? "Send your team's API key as 'Authorization: Bearer <key>'."
                  : "The key is not known.");
      problem.setTitle("Unauthorized");
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", "Bearer realm=\"leadgate\"");
      response.setCharacterEncoding("UTF-8");
      response.setContentType("application/problem+json");
      response.getWriter().write(jsonMapper.writeValueAsString(problem));
      return;
    }
    request.setAttribute(CALLER, caller.get());
    chain.doFilter(request, response);
  }
}
