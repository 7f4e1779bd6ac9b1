package org.codedesk.careers;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job board over HTTP: an approved employer drafts (with validation), publishes and renews a job; seekers find it by
 * words, credential, remote and salary, see its JSON-LD, RSS and JSON; a member applies with a résumé checked by content;
 * one employer never sees another's applicants; drafts and expired jobs stay out of search.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JobBoardTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired JdbcTemplate jdbc;

    private String register(String prefix) {
        String email = TestMembers.verified(accounts, jdbc, prefix);
        return email;
    }

    private RequestPostProcessor employer() {
        String email = register("employer");
        administration.setRoles("test", accounts.member(email).orElseThrow().id(), EnumSet.of(Role.EMPLOYER));
        return user(email).roles("MEMBER", "EMPLOYER");
    }

    private static MockHttpServletRequestBuilder job(String title, java.util.Map<String, String> overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", title);
        fields.put("organisation", "Mercy Health");
        fields.put("location", "United States");
        fields.put("workplace", "REMOTE");
        fields.put("employmentType", "FULL_TIME");
        fields.put("credentialsRequired", "CPC, ccs");
        fields.put("credentialsPreferred", "CRC");
        fields.put("specialties", "Cardiology, Radiology");
        fields.put("codeSets", "ICD-10-CM, CPT");
        fields.put("experienceYears", "3");
        fields.put("salaryMin", "58000");
        fields.put("salaryMax", "72000");
        fields.put("salaryPeriod", "YEAR");
        fields.put("description", "Code **cardiology** encounters. <script>alert(1)</script>");
        fields.put("applyUrl", "");
        fields.put("expiresOn", "");
        fields.putAll(overrides);
        MockHttpServletRequestBuilder request = post("/jobs").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private long create(RequestPostProcessor employer, String title) throws Exception {
        String location = mvc.perform(job(title, java.util.Map.of()).with(employer)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static byte[] docx() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void anEmployerPostsAndASeekerFindsAndApplies() throws Exception {
        String word = "Zyx" + UUID.randomUUID().toString().substring(0, 8);
        RequestPostProcessor employer = employer();
        long id = create(employer, "Remote Cardiology Coder " + word);
        // a draft is not public
        mvc.perform(get("/jobs/" + id)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/jobs").param("q", word)).andReturn().getResponse().getContentAsString()).contains("0 job(s)");
        mvc.perform(post("/jobs/" + id + "/publish").with(csrf()).with(employer)).andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/jobs/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("application/ld+json").contains("\"@type\":\"JobPosting\"").contains("\"jobLocationType\":\"TELECOMMUTE\"")
                .contains("<strong>cardiology</strong>").doesNotContain("<script>alert(1)</script>").contains("Required: CPC, CCS");
        assertThat(mvc.perform(get("/jobs").param("q", word).param("credential", "CCS").param("remote", "true").param("minSalary", "70000"))
                .andReturn().getResponse().getContentAsString()).contains("1 job(s)").contains("/jobs/" + id);
        assertThat(mvc.perform(get("/jobs").param("q", word).param("minSalary", "90000")).andReturn().getResponse().getContentAsString())
                .contains("0 job(s)");
        assertThat(mvc.perform(get("/jobs").param("q", word).param("credential", "RHIA")).andReturn().getResponse().getContentAsString())
                .contains("0 job(s)");
        assertThat(mvc.perform(get("/jobs").param("q", word).param("specialty", "radiology")).andReturn().getResponse().getContentAsString())
                .contains("1 job(s)");
        mvc.perform(get("/api/v1/jobs").param("q", word)).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.jobs[0].credentialsRequired[1]").value("CCS")).andExpect(jsonPath("$.jobs[0].employerId").doesNotExist());
        assertThat(mvc.perform(get("/jobs/feed.rss")).andReturn().getResponse().getContentAsString()).contains("<rss version=\"2.0\">")
                .contains("/jobs/" + id + "</link>");

        String seekerEmail = register("seeker");
        RequestPostProcessor seeker = user(seekerEmail).roles("MEMBER");
        MockMultipartFile renamedText = new MockMultipartFile("resume", "resume.pdf", "application/pdf", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.perform(multipart("/jobs/" + id + "/apply").file(renamedText).with(csrf()).with(seeker).param("coverNote", "Hello"))
                .andReturn().getResponse().getContentAsString()).contains("id=\"apply-errors\"").contains("neither");
        MockMultipartFile resume = new MockMultipartFile("resume", "resume.docx", "application/octet-stream", docx());
        mvc.perform(multipart("/jobs/" + id + "/apply").file(resume).with(csrf()).with(seeker).param("coverNote", "CPC, 4 years in cardiology"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(multipart("/jobs/" + id + "/apply").file(resume).with(csrf()).with(seeker)).andReturn().getResponse()
                .getContentAsString()).contains("already applied");

        String applicants = mvc.perform(get("/jobs/" + id + "/applications").with(employer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(applicants).contains(seekerEmail).contains("CPC, 4 years in cardiology");
        RequestPostProcessor otherEmployer = employer();
        mvc.perform(get("/jobs/" + id + "/applications").with(otherEmployer)).andExpect(status().isNotFound());
        long application = jdbc.queryForObject("select id from career_application where job_id = ?", Long.class, id);
        mvc.perform(get("/applications/" + application + "/resume").with(otherEmployer)).andExpect(status().isNotFound());
        mvc.perform(post("/applications/" + application + "/status").with(csrf()).with(otherEmployer).param("status", "HIRED").param("job", "" + id))
                .andExpect(status().isNotFound());
        mvc.perform(post("/applications/" + application + "/status").with(csrf()).with(employer).param("status", "INTERVIEW").param("job", "" + id))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/my/applications").with(seeker)).andReturn().getResponse().getContentAsString()).contains("INTERVIEW");

        // expired: out of search, renewed: back
        jdbc.update("update career_job set expires_on = ? where id = ?", java.time.LocalDate.now().minusDays(1), id);
        assertThat(mvc.perform(get("/jobs").param("q", word)).andReturn().getResponse().getContentAsString()).contains("0 job(s)");
        mvc.perform(get("/jobs/" + id)).andExpect(status().isNotFound());
        mvc.perform(post("/jobs/" + id + "/renew").with(csrf()).with(employer)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/jobs").param("q", word)).andReturn().getResponse().getContentAsString()).contains("1 job(s)");
    }

    @Test
    void aDeletedMembersApplicationAndResumeGoWithTheAccount() throws Exception {
        RequestPostProcessor employer = employer();
        long job = create(employer, "Coder " + UUID.randomUUID());
        mvc.perform(post("/jobs/" + job + "/publish").with(csrf()).with(employer)).andExpect(status().is3xxRedirection());
        String seekerEmail = register("leaving");
        mvc.perform(multipart("/jobs/" + job + "/apply").file(new MockMultipartFile("resume", "cv.docx", "application/octet-stream", docx()))
                .with(csrf()).with(user(seekerEmail).roles("MEMBER")).param("coverNote", "My private cover note")).andExpect(status().is3xxRedirection());
        long application = jdbc.queryForObject("select id from career_application where job_id = ?", Long.class, job);
        mvc.perform(get("/applications/" + application + "/resume").with(employer)).andExpect(status().isOk());

        assertThat(accounts.delete(seekerEmail, TestMembers.PASSWORD)).isTrue();

        mvc.perform(get("/applications/" + application + "/resume").with(employer)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/jobs/" + job + "/applications").with(employer)).andReturn().getResponse().getContentAsString())
                .doesNotContain(seekerEmail).doesNotContain("My private cover note");
        assertThat(jdbc.queryForObject("select count(*) from career_application where id = ?", Integer.class, application)).isZero();
    }

    @Test
    void onlyApprovedEmployersPostAndBadFieldsAreShown() throws Exception {
        RequestPostProcessor member = user(register("member")).roles("MEMBER");
        mvc.perform(job("Coder", java.util.Map.of()).with(member)).andExpect(status().isForbidden());
        RequestPostProcessor employer = employer();
        String html = mvc.perform(job("", java.util.Map.of("salaryMin", "90000", "salaryMax", "50000", "credentialsRequired", "CPC, XYZ",
                        "applyUrl", "javascript:alert(1)")).with(employer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"form-errors\"").contains("id=\"title-error\"").contains("below the lowest").contains("Not a coding credential: XYZ")
                .contains("https://");
        long id = create(employer, "Inpatient coder");
        RequestPostProcessor other = employer();
        mvc.perform(post("/jobs/" + id + "/publish").with(csrf()).with(other)).andExpect(status().isConflict());
        mvc.perform(get("/jobs/" + id + "/edit").with(other)).andExpect(status().isNotFound());
    }

    @Test
    void jobPagesSpeakToPeopleAndTheirJsonLdFollowsGooglesJobPostingRules() throws Exception {
        RequestPostProcessor employer = employer();
        String form = mvc.perform(get("/jobs/new").with(employer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Credentials required").contains("Lowest salary in US dollars").contains(">Full time<")
                .doesNotContain("<span>credentialsRequired</span>").doesNotContain("<span>salaryMin</span>").doesNotContain(">FULL_TIME<");

        long remote = create(employer, "Remote coder anywhere in the US");
        mvc.perform(post("/jobs/" + remote + "/publish").with(csrf()).with(employer)).andExpect(status().is3xxRedirection());
        // the remote job of the helper is in "United States"; this one names a city and state
        String location = mvc.perform(job("On-site coder", java.util.Map.of("workplace", "ONSITE", "location", "Austin, TX",
                "salaryMin", "62000", "salaryMax", "78000")).with(employer)).andReturn().getResponse().getRedirectedUrl();
        long onsite = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/jobs/" + onsite + "/publish").with(csrf()).with(employer)).andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/jobs/" + onsite).with(employer)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Salary: $62,000–$78,000 a year").doesNotContain("62000–78000");
        // published: close and renew are offered, publish is not
        assertThat(page).contains("id=\"close\"").contains("id=\"renew\"").doesNotContain("id=\"publish\"");

        JsonNode onSite = jsonLd(page);
        assertRequiredJobPostingFields(onSite);
        assertThat(onSite.has("applicantLocationRequirements")).isFalse();
        JsonNode address = onSite.path("jobLocation").path("address");
        assertThat(onSite.path("jobLocation").path("@type").asString()).isEqualTo("Place");
        assertThat(address.path("@type").asString()).isEqualTo("PostalAddress");
        assertThat(address.path("addressLocality").asString()).isEqualTo("Austin");
        assertThat(address.path("addressRegion").asString()).isEqualTo("TX");
        assertThat(address.path("addressCountry").asString()).isEqualTo("US");
        assertThat(onSite.path("baseSalary").path("value").path("unitText").asString()).isEqualTo("YEAR");

        JsonNode remotePosting = jsonLd(mvc.perform(get("/jobs/" + remote)).andReturn().getResponse().getContentAsString());
        assertRequiredJobPostingFields(remotePosting);
        assertThat(remotePosting.path("jobLocationType").asString()).isEqualTo("TELECOMMUTE");
        JsonNode where = remotePosting.path("applicantLocationRequirements");
        assertThat(where.path("@type").asString()).isIn("Country", "State");
        assertThat(where.path("name").asString()).isEqualTo("US");
        // Markdown rendered to safe HTML, never raw Markdown
        assertThat(remotePosting.path("description").asString()).contains("<strong>cardiology</strong>").doesNotContain("**")
                .doesNotContain("<script>");
        String remoteInState = mvc.perform(job("Remote coder", java.util.Map.of("location", "Texas")).with(employer)).andReturn()
                .getResponse().getRedirectedUrl();
        long inState = Long.parseLong(remoteInState.substring(remoteInState.lastIndexOf('/') + 1));
        mvc.perform(post("/jobs/" + inState + "/publish").with(csrf()).with(employer));
        JsonNode state = jsonLd(mvc.perform(get("/jobs/" + inState)).andReturn().getResponse().getContentAsString())
                .path("applicantLocationRequirements");
        assertThat(state.path("@type").asString()).isEqualTo("State");
        assertThat(state.path("name").asString()).isEqualTo("Texas");
    }

    private static JsonNode jsonLd(String page) {
        String start = "<script type=\"application/ld+json\">";
        String json = page.substring(page.indexOf(start) + start.length());
        return JsonMapper.builder().build().readTree(json.substring(0, json.indexOf("</script>")));
    }

    /** Google's required JobPosting properties: title, description (HTML), datePosted, hiringOrganization, and a place or remote type. */
    private static void assertRequiredJobPostingFields(JsonNode posting) {
        assertThat(posting.path("@type").asString()).isEqualTo("JobPosting");
        assertThat(posting.path("title").asString()).isNotBlank();
        assertThat(posting.path("description").asString()).startsWith("<");
        assertThat(posting.path("datePosted").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(posting.path("validThrough").asString()).isNotBlank();
        assertThat(posting.path("hiringOrganization").path("name").asString()).isNotBlank();
        assertThat(posting.has("jobLocation") || posting.path("jobLocationType").asString().equals("TELECOMMUTE")).isTrue();
    }
}
