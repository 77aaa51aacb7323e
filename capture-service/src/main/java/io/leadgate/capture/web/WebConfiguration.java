package io.leadgate.capture.web;

import io.leadgate.capture.ratelimit.RateLimitInterceptor;
import io.leadgate.capture.status.StatusFeed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API requests pass, in order: bearer authentication (a filter, shared), readiness (an API answer
 * before the status view is complete could accept a duplicate or deny a capture exists), then the
 * key's rate limit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final StatusFeed feed;
  private final RateLimitInterceptor rateLimit;

  WebConfiguration(StatusFeed feed, RateLimitInterceptor rateLimit) {
    this.feed = feed;
    this.rateLimit = rateLimit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!feed.isCaughtUp()) {
                  throw new ViewNotReadyException();
                }
                return true;
              }
            })
        .addPathPatterns("/api/v1/leads", "/api/v1/leads/**");
    registry.addInterceptor(rateLimit).addPathPatterns("/api/**");
  }
}
