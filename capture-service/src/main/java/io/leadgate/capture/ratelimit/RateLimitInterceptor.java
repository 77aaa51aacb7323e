package io.leadgate.capture.ratelimit;

import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every API request costs its key one token, before its body is read: a flooding client is turned
 * away cheaply. A batch pays for its other captures once it has been read.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor {

  private final RateLimiter limiter;

  public RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(BearerAuthenticationFilter.CALLER) instanceof Caller caller) {
      limiter.take(caller, 1);
    }
    return true;
  }
}
