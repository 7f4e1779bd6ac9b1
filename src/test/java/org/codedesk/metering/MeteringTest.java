package org.codedesk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import jakarta.servlet.http.Cookie;

/** Guests see one code page, re-opening is free, the limit holds without cookies, and counting is race-safe. */
@SpringBootTest(properties = {"codedesk.metering.enabled=true", "codedesk.plans.guest.api-calls=3",
        "codedesk.plans.guest.assistant-questions=2"})
@AutoConfigureMockMvc
class MeteringTest {

    static final String DOS = "?date=2016-06-01";

    @Autowired MockMvc mvc;
    @Autowired CodePageViews views;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
    }

    private static String address() {
        return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID(); // a fresh guest
    }

    @Test
    void aGuestSeesOneCodePageThenThePromptWithoutTheContent() throws Exception {
        String ip = address();
        MvcResult first = mvc.perform(get("/codes/icd10cm/S72.001A" + DOS).with(r -> { r.setRemoteAddr(ip); return r; }))
                .andExpect(status().isOk()).andReturn();
        assertThat(first.getResponse().getContentAsString()).contains("0 code page views remaining")
                .contains("Fracture of unspecified part of neck of right femur");
        Cookie cookie = first.getResponse().getCookie(Viewers.COOKIE);
        assertThat(cookie).isNotNull();

        String second = mvc.perform(get("/codes/icd10cm/T36.0X1A" + DOS).cookie(cookie).with(r -> { r.setRemoteAddr(ip); return r; }))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Register to view content").contains("T36.0X1A")
                .doesNotContain("Poisoning by penicillins").doesNotContain("Instructional notes");

        // re-opening the page already seen costs nothing
        assertThat(mvc.perform(get("/codes/icd10cm/S72.001A" + DOS).cookie(cookie).with(r -> { r.setRemoteAddr(ip); return r; }))
                .andReturn().getResponse().getContentAsString()).contains("Fracture of unspecified part of neck of right femur");

        // clearing cookies does not reset the quota: the address still counts
        assertThat(mvc.perform(get("/codes/icd10cm/H54.7" + DOS).with(r -> { r.setRemoteAddr(ip); return r; }))
                .andReturn().getResponse().getContentAsString()).contains("Register to view content").doesNotContain("Unspecified visual loss");

        // nor does the JSON API hand out what the page withholds
        mvc.perform(get("/api/v1/codes/icd10cm/H54.7" + DOS).cookie(cookie).with(r -> { r.setRemoteAddr(ip); return r; }))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Code page view limit reached"));
    }

    @Test
    void aForgedGuestCookieIsIgnoredAndReplaced() throws Exception {
        String first = address();
        MvcResult seen = mvc.perform(get("/codes/icd10cm/S72.001A" + DOS).with(r -> { r.setRemoteAddr(first); return r; }))
                .andExpect(status().isOk()).andReturn();
        Cookie genuine = seen.getResponse().getCookie(Viewers.COOKIE);
        String id = genuine.getValue().substring(0, genuine.getValue().lastIndexOf('.'));

        // the genuine cookie carries its guest's count to another address: the quota is spent
        String second = address();
        assertThat(mvc.perform(get("/codes/icd10cm/T36.0X1A" + DOS).cookie(genuine).with(r -> { r.setRemoteAddr(second); return r; }))
                .andReturn().getResponse().getContentAsString()).contains("Register to view content");

        // the same guest id with a signature made up by the client is no cookie at all: that address's own view is granted,
        // and the answer sets a new, properly signed cookie in its place
        String third = address();
        Cookie forged = new Cookie(Viewers.COOKIE, id + ".c2lnbmVkLWJ5LW1l");
        MvcResult answered = mvc.perform(get("/codes/icd10cm/T36.0X1A" + DOS).cookie(forged).with(r -> { r.setRemoteAddr(third); return r; }))
                .andExpect(status().isOk()).andReturn();
        assertThat(answered.getResponse().getContentAsString()).contains("Poisoning by penicillins").contains("0 code page views remaining");
        Cookie replacement = answered.getResponse().getCookie(Viewers.COOKIE);
        assertThat(replacement).isNotNull();
        assertThat(replacement.getValue()).doesNotStartWith(id + ".");
    }

    @Test
    void aFreeAccountHasSixViewsAndProIsUnlimited() {
        Viewer member = Viewer.account(Math.abs(UUID.randomUUID().getMostSignificantBits()), "FREE");
        int granted = 0;
        for (int i = 0; i < 8; i++) {
            granted += views.view(member, "icd10cm:CODE" + i).granted() ? 1 : 0;
        }
        assertThat(granted).isEqualTo(6);
        assertThat(views.remaining(member)).isZero();
        assertThat(views.view(Viewer.account(1, "PRO"), "icd10cm:ANY").unlimited()).isTrue();
    }

    @Test
    void aGuestWhoRegistersSeesFiveMoreNotSix() {
        String cookie = UUID.randomUUID().toString();
        assertThat(views.view(Viewer.guest(cookie, address()), "icd10cm:GUESTPAGE").granted()).isTrue();
        Viewer member = Viewer.account(Math.abs(UUID.randomUUID().getMostSignificantBits()), "FREE", cookie);
        assertThat(views.remaining(member)).isEqualTo(5);
        assertThat(views.view(member, "icd10cm:GUESTPAGE").granted()).isTrue(); // already seen: free
        int granted = 0;
        for (int i = 0; i < 7; i++) {
            granted += views.view(member, "icd10cm:MEMBERPAGE" + i).granted() ? 1 : 0;
        }
        assertThat(granted).isEqualTo(5);
    }

    @Test
    void twentyParallelRequestsForTheLastViewGrantExactlyOne() throws Exception {
        Viewer guest = Viewer.guest(UUID.randomUUID().toString(), address());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String item = "icd10cm:RACE" + i;
                requests.add(() -> views.view(guest, item).granted());
            }
            int granted = 0;
            for (Future<Boolean> result : pool.invokeAll(requests)) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
            assertThat(views.remaining(guest)).isZero();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void apiCallsCountAgainstThePlansApiQuota() throws Exception {
        String ip = address();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/search/suggest?q=S72").with(r -> { r.setRemoteAddr(ip); return r; })).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/search/suggest?q=S72").with(r -> { r.setRemoteAddr(ip); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("API call limit reached"));
    }

    @Test
    void assistantQuestionsHaveTheirOwnQuota() {
        Viewer guest = Viewer.guest(UUID.randomUUID().toString(), address());
        assertThat(views.assistantQuestion(guest)).isTrue();
        assertThat(views.assistantQuestion(guest)).isTrue();
        assertThat(views.assistantQuestion(guest)).isFalse();
        assertThat(views.view(guest, "icd10cm:OWNCOUNTER").granted()).isTrue(); // code page views are counted apart
    }

    @Test
    void thePlansPageSaysHowToUpgrade() throws Exception {
        assertThat(mvc.perform(get("/plans")).andReturn().getResponse().getContentAsString())
                .contains("online payment is not available yet").contains("<td>6</td>");
    }

    @Test
    void thePlansPageShowsEachPlansApiCallsAssistantQuestionsAndConsultsAsConfigured() throws Exception {
        String html = mvc.perform(get("/plans")).andReturn().getResponse().getContentAsString();
        // this test's properties set the guest's API calls to 3 and questions to 2: the page shows what is enforced
        assertThat(row(html, "plan-guest")).contains("<td>1</td>", "<td>3</td>", "<td>2</td>", "<td>none</td>");
        assertThat(row(html, "plan-free")).contains("<td>6</td>", "<td>2000</td>", "<td>20</td>", "<td>2</td>");
        assertThat(row(html, "plan-pro")).contains("<td>unlimited</td>").doesNotContain("<td>none</td>");
        assertThat(html).contains("API calls").contains("Assistant questions").contains("Email consults");
    }

    private static String row(String html, String id) {
        String from = html.substring(html.indexOf("id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }
}
