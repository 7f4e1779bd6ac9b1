package org.codedesk.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The site's own servlet filters, each placed where it must be among Spring's (see each filter for why). */
@Configuration
@ConditionalOnWebApplication
class WebFilters {

    /** Before the security filters, whose CSRF check is the first to read a form. */
    @Bean
    FilterRegistrationBean<OversizedUploadFilter> oversizedUploadFilter() {
        FilterRegistrationBean<OversizedUploadFilter> registration = new FilterRegistrationBean<>(new OversizedUploadFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
