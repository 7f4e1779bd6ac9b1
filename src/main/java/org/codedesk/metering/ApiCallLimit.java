package org.codedesk.metering;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Counts every {@code /api/v1} call against the plan's API quota; over it, 429 problem+json before any work is done. */
@Configuration
class ApiCallLimit implements WebMvcConfigurer {

    private final CodePageViews quotas;
    private final Viewers viewers;

    ApiCallLimit(CodePageViews quotas, Viewers viewers) {
        this.quotas = quotas;
        this.viewers = viewers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
                if (request.getRequestURI().startsWith("/api/v1/openapi") || quotas.apiCall(viewers.of(request, response))) {
                    return true;
                }
                response.setStatus(429);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"API call limit reached\",\"status\":429,"
                        + "\"detail\":\"Your plan's API calls for this period are used up. See /plans.\"}");
                return false;
            }
        }).addPathPatterns("/api/v1/**");
    }
}
