package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Members create API tokens on their page; a token acts as its owner (plan quota included) until revoked. */
@SpringBootTest(properties = "codedesk.metering.enabled=true")
@AutoConfigureMockMvc
class ApiTokenTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository repository;
    @Autowired PasswordEncoder encoder;
    @Autowired ApiTokens tokens;
    @Autowired CatalogImporter importer;

    @Test
    void aTokenActsAsItsOwnerUntilRevoked() throws Exception {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        String email = "api-" + UUID.randomUUID() + "@example.org";
        long id = repository.create(email, encoder.encode("a long enough passphrase"), EnumSet.of(Role.MEMBER));
        repository.markVerified(id);

        var created = mvc.perform(post("/account/tokens").with(csrf()).with(user(email).roles("MEMBER")).param("name", "billing"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String token = String.valueOf(created.getFlashMap().get("newToken"));
        assertThat(token).startsWith("cdk_");
        assertThat(tokens.of(email)).singleElement().satisfies(t -> assertThat(t.prefix()).isEqualTo(token.substring(0, 10)));

        // a FREE member has 6 code pages: more than a guest's 1, counted on the account, not on the address
        for (String code : List.of("S72.001A", "T36.0X1A", "H54.7")) {
            mvc.perform(get("/api/v1/codes/icd10cm/" + code + "?date=2016-06-01").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk());
        }
        assertThat(tokens.of(email).get(0).lastUsedAt()).isNotNull();

        mvc.perform(get("/api/v1/codes/icd10cm/S72.001A?date=2016-06-01").header("Authorization", "Bearer cdk_not-a-token"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        long tokenId = tokens.of(email).get(0).id();
        assertThat(tokens.revoke("someone-else@example.org", tokenId)).isFalse();
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf()).with(user(email).roles("MEMBER")));
        mvc.perform(get("/api/v1/codes/icd10cm/S72.001A?date=2016-06-01").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }
}
