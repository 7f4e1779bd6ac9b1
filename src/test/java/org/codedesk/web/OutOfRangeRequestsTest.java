package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The probe's out-of-range requests: a page number at the top of int, list indexes far past the form, ids past long,
 * values of the wrong type. Each gets a clear 400 (a form error or the error page in words; problem+json in the API) or
 * is clamped to what exists, never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutOfRangeRequestsTest {

    private static final RequestPostProcessor MEMBER = user("member@example.org").roles("MEMBER");

    @Autowired MockMvc mvc;

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aJobsPagePastTheLastShowsTheLast() throws Exception {
        for (String page : new String[] {"2147483647", "2147483646", "-5", "0"}) {
            MockHttpServletResponse html = perform(get("/jobs").param("page", page));
            assertThat(html.getStatus()).as("page=%s", page).isEqualTo(200);
            assertThat(html.getContentAsString()).contains("job(s)");
            MockHttpServletResponse json = perform(get("/api/v1/jobs").param("page", page));
            assertThat(json.getStatus()).as("api page=%s", page).isEqualTo(200);
            assertThat(json.getContentAsString()).contains("\"page\":1").contains("\"pages\":1");
        }
        assertThat(perform(get("/jobs").param("within", "2147483647")).getStatus()).isEqualTo(200);
        assertThat(perform(get("/api/v1/jobs").param("within", "2147483647").param("minSalary", "99999999999")).getStatus()).isEqualTo(200);
    }

    @Test
    void aPageNumberThatIsNoNumberIsABadRequestInWords() throws Exception {
        MockHttpServletResponse html = perform(get("/jobs").param("page", "abc").accept("text/html"));
        assertThat(html.getStatus()).isEqualTo(400);
        assertThat(html.getContentAsString()).contains("&quot;abc&quot; is not a valid page: give a whole number.");
        MockHttpServletResponse json = perform(get("/api/v1/jobs").param("page", "99999999999").accept("application/json"));
        assertThat(json.getStatus()).isEqualTo(400);
        assertThat(json.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.getContentAsString()).contains("\\\"99999999999\\\" is not a valid page: give a whole number.");
    }

    @Test
    void aClaimLineFarPastTheFormIsAFormError() throws Exception {
        for (String field : new String[] {"lines[10000].code", "lines[256].code", "lines[-1].code"}) {
            MockHttpServletResponse reply = perform(post("/claims/check").with(csrf()).with(MEMBER).param("dateOfService", "2026-05-01")
                    .param("setting", "practitioner").param("lines[0].code", "99213").param(field, "99214"));
            assertThat(reply.getStatus()).as(field).isEqualTo(400);
            assertThat(reply.getContentAsString()).as(field).contains("id=\"lines-error\"")
                    .contains("a claim has at most 50 lines").contains("id=\"claim-form\"");
        }
        // rows up to the binder's limit are fine: blank ones are skipped
        assertThat(perform(post("/claims/check").with(csrf()).with(MEMBER).param("dateOfService", "2026-05-01")
                .param("setting", "practitioner").param("lines[0].code", "99213").param("lines[200].code", "")).getStatus()).isEqualTo(200);
    }

    @Test
    void otherPagedAndListBoundEndpointsStayBelow500() throws Exception {
        MockHttpServletRequestBuilder[] probes = {
            get("/api/v1/search").param("q", "heart").param("limit", "2147483647"),
            get("/api/v1/search").param("q", "heart").param("limit", "-2147483648"),
            get("/api/v1/search/suggest").param("q", "hea").param("limit", "2147483647"),
            get("/search").param("q", "heart").param("date", "99999-99-99"),
            get("/crosswalk").param("code", "80061").param("date", "99999-99-99").with(MEMBER),
            get("/api/v1/crosswalk").param("code", "80061").param("date", "99999-99-99").with(MEMBER),
            get("/jobs/99999999999999999999"),
            get("/consult/threads/99999999999999999999").with(MEMBER),
            get("/consult/queue").with(user("consultant@example.org").roles("MEMBER", "CONSULTANT")),
            get("/case-to-code/cases").with(MEMBER),
            get("/case-to-code/cases/99999999999999999999").with(MEMBER),
            get("/admin/users").param("q", "%_%' or 1=1 --").with(user("admin@example.org").roles("ADMIN")),
            get("/admin/users/99999999999999999999").with(user("admin@example.org").roles("ADMIN")),
            post("/case-to-code/export").with(csrf()).with(MEMBER).param("accepted", new String[] {"icd10cm|A00|x", "junk"}),
        };
        for (MockHttpServletRequestBuilder probe : probes) {
            MockHttpServletResponse reply = perform(probe);
            assertThat(reply.getStatus()).as(probe.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI())
                    .isLessThan(500);
        }
    }
}
