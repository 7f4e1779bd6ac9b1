package org.codedesk.consult;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether our MX vouches for a received mail's From: with {@code codedesk.consult.trust-authentication-results} set to
 * the authserv-id our MX writes, the topmost {@code Authentication-Results} header with that id (the one our MX added
 * on top of whatever the message already carried) must report DKIM or SPF passing for the From address's domain.
 * Headers of other hosts, and ours further down (which a sender can forge), do not count. Blank: nothing is vouched for.
 */
@Component
class SenderAuthentication {

    private final String trustedAuthservId;

    SenderAuthentication(@Value("${codedesk.consult.trust-authentication-results:}") String trustedAuthservId) {
        this.trustedAuthservId = trustedAuthservId.strip().toLowerCase(Locale.ROOT);
    }

    boolean vouchesFor(InboundMail mail) {
        if (trustedAuthservId.isEmpty()) {
            return false;
        }
        return mail.authenticationResults().stream().map(AuthenticationResults::parse)
                .filter(results -> results.authservId().equals(trustedAuthservId)).findFirst()
                .map(results -> results.passFor(AuthenticationResults.domainOf(mail.from()))).orElse(false);
    }
}
