package org.codedesk.consult;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Authentication-Results headers (RFC 8601, its appendix B examples among them) and what they vouch for. */
class AuthenticationResultsTest {

    @Test
    void readsTheAuthservIdAndEachMethodWithItsProperties() {
        AuthenticationResults results = AuthenticationResults.parse("example.com;\r\n          auth=pass (cram-md5) smtp.auth=sender@example.net;"
                + "\r\n          spf=pass smtp.mailfrom=example.net");
        assertThat(results.authservId()).isEqualTo("example.com");
        assertThat(results.results()).extracting(AuthenticationResults.Result::method).containsExactly("auth", "spf");
        assertThat(results.results().get(1).properties()).containsEntry("smtp.mailfrom", "example.net");
        assertThat(results.passFor("example.net")).isTrue();
        assertThat(results.passFor("example.com")).isFalse();

        assertThat(AuthenticationResults.parse("example.com; none").results()).isEmpty();
        assertThat(AuthenticationResults.parse("mx.example.org 1; DKIM/1 = Pass Header.D=Example.ORG").passFor("example.org")).isTrue();
    }

    @Test
    void dkimPassesForItsSigningDomainAndSpfForItsMailFromDomainOnly() {
        AuthenticationResults two = AuthenticationResults.parse("example.com; dkim=pass (good signature) header.d=mail-router.example.net;"
                + " dkim=fail (bad signature) header.d=newyork.example.com");
        assertThat(two.passFor("mail-router.example.net")).isTrue();
        assertThat(two.passFor("newyork.example.com")).isFalse();
        assertThat(two.passFor("example.net")).as("a parent domain is not the signer").isFalse();
        assertThat(AuthenticationResults.parse("mx; dkim=pass header.i=@example.org").passFor("example.org")).isTrue();
        assertThat(AuthenticationResults.parse("mx; spf=pass smtp.mailfrom=\"bounce@example.org\"").passFor("example.org")).isTrue();
        assertThat(AuthenticationResults.parse("mx; spf=pass smtp.helo=example.org").passFor("example.org")).isFalse();
        assertThat(AuthenticationResults.parse("mx; spf=softfail smtp.mailfrom=example.org").passFor("example.org")).isFalse();
        assertThat(AuthenticationResults.parse("mx; dmarc=pass header.from=example.org").passFor("example.org")).isFalse();
    }

    @Test
    void commentsAndQuotedStringsCannotSmuggleAPass() {
        AuthenticationResults commented = AuthenticationResults.parse("mx.codedesk.test (our MX; dkim=pass header.d=example.org);"
                + " dkim=fail (dkim=pass header.d=example.org \\) still a comment) header.d=example.org");
        assertThat(commented.authservId()).isEqualTo("mx.codedesk.test");
        assertThat(commented.results()).hasSize(1);
        assertThat(commented.passFor("example.org")).isFalse();
        assertThat(AuthenticationResults.parse("mx; dkim=neutral reason=\"x; dkim=pass header.d=example.org\"").passFor("example.org")).isFalse();
        assertThat(AuthenticationResults.parse("\"mx.codedesk.test\"; spf=pass smtp.mailfrom=example.org").authservId()).isEqualTo("mx.codedesk.test");
        assertThat(AuthenticationResults.parse("").passFor("example.org")).isFalse();
        assertThat(AuthenticationResults.parse("mx; dkim=pass header.d=example.org").passFor("")).isFalse();
    }
}
