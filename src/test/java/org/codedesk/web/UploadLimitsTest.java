package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

import org.codedesk.HttpVisitor;
import org.codedesk.TestMembers;
import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.accounts.Role;
import org.codedesk.careers.JobDraft;
import org.codedesk.careers.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Uploads through Tomcat (MockMvc skips its multipart limits): a résumé of 2 MB is taken (the job page says "at most
 * 5 MB"), one of 6 MB and a 6 MB case note come back as the page's own form error, never a bare 413 or 500; a 2 MB note
 * is refused by the case-to-code page in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitsTest {

    private static final int MB = 1024 * 1024;

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired Jobs jobs;
    @Autowired JdbcTemplate jdbc;

    /** A PDF as the résumé check reads it (by its first bytes), padded to {@code size} bytes. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] text(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    private long publishedJob() {
        String email = TestMembers.verified(accounts, jdbc, "uploads-employer");
        administration.setRoles("test", accounts.member(email).orElseThrow().id(), EnumSet.of(Role.EMPLOYER));
        Member employer = accounts.member(email).orElseThrow();
        long id = jobs.draft(employer, new JobDraft("Inpatient Coder", "Mercy Health", "United States", "REMOTE", "FULL_TIME", "CCS", "", "",
                "ICD-10-CM", "2", "", "", "YEAR", "Code inpatient stays.", "", ""));
        assertThat(jobs.publish(employer, id)).isTrue();
        return id;
    }

    private HttpVisitor member() {
        return new HttpVisitor(port).logIn(TestMembers.verified(accounts, jdbc, "uploads-seeker"), TestMembers.PASSWORD);
    }

    @Test
    void aResumeOfTwoMegabytesIsTaken() {
        long job = publishedJob();
        HttpVisitor seeker = member();
        seeker.get("/jobs/" + job);
        HttpVisitor.Reply reply = seeker.postMultipart(seeker.actionOf("apply-form"), Map.of("coverNote", "CCS, 5 years"), "resume", "cv.pdf",
                "application/pdf", pdf(2 * MB));
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith("/my/applications");
        assertThat(jdbc.queryForObject("select octet_length(resume) from career_application where job_id = ?", Long.class, job))
                .isEqualTo(2L * MB);
    }

    @Test
    void aResumeOfSixMegabytesGetsTheJobPagesFormError() {
        long job = publishedJob();
        HttpVisitor seeker = member();
        seeker.get("/jobs/" + job);
        HttpVisitor.Reply reply = seeker.postMultipart(seeker.actionOf("apply-form"), Map.of("coverNote", "CCS, 5 years"), "resume", "cv.pdf",
                "application/pdf", pdf(6 * MB));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("id=\"apply-form\"").contains("id=\"apply-errors\"").contains("A résumé is at most 5 MB");
        assertThat(jdbc.queryForObject("select count(*) from career_application where job_id = ?", Integer.class, job)).isZero();
    }

    @Test
    void aNoteOfTwoOrSixMegabytesGetsTheCaseToCodeFormError() {
        HttpVisitor coder = member();
        for (int size : new int[] {2 * MB, 6 * MB}) {
            coder.get("/case-to-code");
            HttpVisitor.Reply reply = coder.postMultipart(coder.actionOf("case-form"), Map.of("text", "", "dateOfService", "2016-06-01",
                    "setting", "outpatient"), "file", "note.txt", "text/plain", text(size));
            // under the upload limit the page reads the file and refuses it; over it the upload is cut short (413)
            assertThat(reply.status()).as("%d bytes", size).isEqualTo(size > 5 * MB ? 413 : 200);
            assertThat(reply.body()).as("%d bytes", size).contains("id=\"case-form\"").contains("id=\"text-error\"")
                    .contains("The file is too large: a note is at most 100,000 characters.");
        }
    }
}
