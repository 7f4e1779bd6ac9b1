package org.codedesk.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;

/** The site's own servlet filters, each placed where it must be among Spring's (see each filter for why). */
@Configuration
@ConditionalOnWebApplication
class WebFilters {

    /** First of all, before the session filter (which loads the session from the database). */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(OutageAnswer answer) {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(answer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Before the security filters, whose CSRF check is the first to read a form. */
    @Bean
    FilterRegistrationBean<OversizedUploadFilter> oversizedUploadFilter() {
        FilterRegistrationBean<OversizedUploadFilter> registration = new FilterRegistrationBean<>(new OversizedUploadFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
