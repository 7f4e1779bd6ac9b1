package org.codedesk.consult;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.codedesk.accounts.AccountDeleted;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.accounts.Role;
import org.codedesk.assistant.Answer;
import org.codedesk.assistant.Assistant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.codedesk.metering.PlanLimits;
import org.codedesk.web.ReadableTime;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email consults: a member's question becomes a thread, the assistant drafts an answer at once, the member is told
 * (through the {@link Outbox}) with the thread's link, and a consultant reviews, edits and sends the answer. Every
 * read names the member or checks the consultant role; nothing is sent except through the outbox, and mail for a
 * member goes to the account's current address. Mail is taken into an account only from an authenticated sender; the
 * rest waits in {@link HeldMails} for the member to confirm it.
 *
 * <p>A new thread is stored and committed first, its draft written after: the assistant may wait up to
 * {@code codedesk.assistant.model.timeout} for a language model, and no transaction (nor its locks, nor the stored
 * mail's visibility to other nodes) waits with it. A draft that fails leaves the thread RECEIVED, answered from scratch.
 */
@Service
public class Consults {

    static final int MAX_BODY = 10_000;
    static final int MAX_SUBJECT = 200;
    /**
     * How long an acknowledgement that carries the instant draft waits in the outbox for it; past this (the node stopped
     * while drafting) it goes without.
     */
    static final Duration DRAFT_WAIT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(Consults.class);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Assistant assistant;
    private final Environment environment;
    private final PlanLimits limits;
    private final String baseUrl;
    private final String domain;
    private final boolean sendInstantDraft;
    private final int periodDays;
    private final long maxAttachmentBytes;
    private final Accounts accounts;
    private final SenderAuthentication senderAuthentication;
    private final HeldMails held;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    Consults(JdbcTemplate jdbc, Outbox outbox, Assistant assistant, Environment environment, PlanLimits limits, Accounts accounts,
             SenderAuthentication senderAuthentication, HeldMails held, Clock clock, PlatformTransactionManager transactionManager,
             @Value("${codedesk.consult.max-attachment-bytes:5242880}") long maxAttachmentBytes,
             @Value("${codedesk.base-url:http://localhost:8080}") String baseUrl,
             @Value("${codedesk.consult.send-instant-draft:false}") boolean sendInstantDraft,
             @Value("${codedesk.metering.period-days:30}") int periodDays) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.assistant = assistant;
        this.environment = environment;
        this.limits = limits;
        this.baseUrl = baseUrl;
        this.domain = baseUrl.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        this.sendInstantDraft = sendInstantDraft;
        this.periodDays = periodDays;
        this.accounts = accounts;
        this.senderAuthentication = senderAuthentication;
        this.held = held;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** Consults the member may still ask in the current period (-1: unlimited), from {@code codedesk.plans.<plan>.consults}. */
    public int consultsLeft(Member member) {
        int quota = limits.of(member.plan(), PlanLimits.Limit.CONSULTS);
        if (quota < 0) {
            return -1;
        }
        Integer used = jdbc.queryForObject("select count(*) from consult_thread where account_id = ? and received_at > ?", Integer.class,
                member.id(), Timestamp.from(clock.instant().minus(Duration.ofDays(periodDays))));
        return Math.max(0, quota - (used == null ? 0 : used));
    }

    /** How long the member's plan gives a consultant to answer ({@code codedesk.plans.<plan>.consult-sla}, default 72 hours). */
    Duration answerTime(Member member) {
        return environment.getProperty("codedesk.plans." + member.plan().toLowerCase(Locale.ROOT) + ".consult-sla", Duration.class,
                Duration.ofHours(72));
    }

    /**
     * Records a member's question as a new thread and queues the acknowledgement (committed), then drafts an answer with
     * the assistant. Throws IllegalArgumentException (a message for the member) for an empty or overlong question or no
     * consults left.
     */
    public long ask(Member member, String subject, String body) {
        Opened opened = transactions.execute(status -> open(member, subject, body, messageId()));
        draft(opened);
        return opened.threadId();
    }

    /** A thread just stored, to be drafted once its transaction has committed. */
    private record Opened(long threadId, String question, String acknowledgementId, String acknowledgement) { }

    private Opened open(Member member, String subject, String body, String questionId) {
        String cleanSubject = subject == null ? "" : subject.strip();
        String cleanBody = body == null ? "" : body.strip();
        if (cleanBody.isEmpty()) {
            throw new IllegalArgumentException("Write your coding question.");
        }
        if (cleanBody.length() > MAX_BODY) {
            throw new IllegalArgumentException("A question is at most " + String.format("%,d", MAX_BODY) + " characters.");
        }
        if (consultsLeft(member) == 0) {
            throw new IllegalArgumentException("Your plan has no consults left in this period: see /plans to ask more.");
        }
        if (cleanSubject.isEmpty()) {
            cleanSubject = cleanBody.length() <= 60 ? cleanBody : cleanBody.substring(0, 60) + "…";
        }
        cleanSubject = cleanSubject.length() > MAX_SUBJECT ? cleanSubject.substring(0, MAX_SUBJECT) : cleanSubject;
        Instant now = clock.instant();
        String token = HexFormat.of().formatHex(random.generateSeed(8));
        long id = insertThread(member, cleanSubject, token, now, now.plus(answerTime(member)));
        addMessage(id, "MEMBER", member.email(), cleanBody, questionId, now);
        String text = "We received your coding question \"" + cleanSubject + "\". A CodeDesk consultant will review it and answer by "
                + ReadableTime.of(now.plus(answerTime(member))) + ".\n\nFollow the thread: " + baseUrl + "/consult/threads/" + id + "\n";
        String acknowledgementId = messageId();
        // with the instant draft, the acknowledgement waits in the outbox until the draft is added to it
        outbox.queue(id, member, subject(token, "Received: " + cleanSubject), text, acknowledgementId, questionId,
                sendInstantDraft ? now.plus(DRAFT_WAIT) : null);
        return new Opened(id, cleanBody, sendInstantDraft ? acknowledgementId : null, text);
    }

    /**
     * Drafts the answer of a thread that is stored and committed, outside any transaction (the assistant may wait for a
     * language model), then stores the draft, and adds it to the acknowledgement that waits for it.
     */
    private void draft(Opened opened) {
        String draft = null;
        try {
            draft = draft(opened.question());
        } catch (RuntimeException e) {
            // the question is stored: a consultant answers it from scratch
            log.warn("Consult thread {}: no draft ({})", opened.threadId(), e.toString());
        }
        String text = draft;
        transactions.executeWithoutResult(status -> {
            if (text != null) {
                // a consultant may have claimed the thread meanwhile: its status is theirs
                jdbc.update("update consult_thread set draft = ?, status = case when status = ? then ? else status end where id = ?", text,
                        ConsultStatus.RECEIVED.name(), ConsultStatus.DRAFTED.name(), opened.threadId());
            }
            if (opened.acknowledgementId() != null) {
                outbox.release(opened.acknowledgementId(), text == null ? opened.acknowledgement()
                        : opened.acknowledgement() + "\nAn instant draft, NOT YET REVIEWED by a consultant:\n\n" + text + "\n");
            }
        });
    }

    /** What became of a received mail. */
    public enum Received { NEW_THREAD, REPLY, HELD, DUPLICATE, NOT_A_MEMBER, NO_CONSULTS_LEFT, TOO_LARGE, REFUSED }

    /**
     * Takes in a mail received for the consult address, idempotently by Message-ID. Its From names a member's account,
     * but anyone can write any From, so the mail is taken into the account only when the sender is authenticated: it
     * carries a token of one of the account's threads (the {@code [CD-<token>]} of the thread's subjects, or the
     * Message-ID of a mail we sent for it: both random and mailed only to the member), or our MX vouches for its From
     * ({@link SenderAuthentication}). Then a reply joins its thread, and a new question opens one when the plan has
     * consults left (else, or when its attachments are over {@code codedesk.consult.max-attachment-bytes}, the member
     * is told why). Otherwise the mail is held until the member confirms it, logged in ({@link #confirm}); it opens no
     * thread and spends no consult before. Mail from an address that is no member's gets no answer at all.
     */
    public Received receive(InboundMail mail) {
        List<Opened> opened = new ArrayList<>();
        Received received = transactions.execute(status -> receive(mail, opened));
        opened.forEach(this::draft);
        return received;
    }

    private Received receive(InboundMail mail, List<Opened> opened) {
        if (mail.messageId() == null || mail.messageId().isBlank() || mail.from().isBlank()) {
            return Received.REFUSED;
        }
        if (seen(mail.messageId())) {
            return Received.DUPLICATE;
        }
        Optional<Member> sender = accounts.member(mail.from());
        if (sender.isEmpty()) {
            // no answer: it would go to whatever address the mail claims (backscatter), and could only say "register"
            record(mail, Received.NOT_A_MEMBER);
            return Received.NOT_A_MEMBER;
        }
        Member member = sender.get();
        Optional<ConsultThread> tokenThread = threadByToken(mail).filter(t -> t.accountId() == member.id());
        boolean authenticated = tokenThread.isPresent() || senderAuthentication.vouchesFor(mail);
        Optional<ConsultThread> thread = tokenThread.isPresent() ? tokenThread
                : threadAnswered(mail).filter(t -> t.accountId() == member.id());
        String subject = mail.subject().replaceAll("^(?i)(re|fwd?):\\s*", "");
        String body = bounded(thread.isPresent() || !mail.text().isBlank() ? mail.text() : mail.subject());
        long attached = mail.attachments().stream().mapToLong(InboundMail.Attachment::size).sum();
        if (!authenticated) {
            held.hold(mail, member, thread.map(ConsultThread::id).orElse(null), subject, body, attached > maxAttachmentBytes ? attached : 0,
                    messageId());
            return Received.HELD;
        }
        if (attached > maxAttachmentBytes) {
            return refuse(mail, member, Received.TOO_LARGE, "Your message to CodeDesk's coding consultants was not taken in: its attachments"
                    + " come to " + String.format("%,d", attached / 1024) + " KB, over the limit of " + String.format("%,d", maxAttachmentBytes / 1024)
                    + " KB. Send it again with smaller attachments, or ask at " + baseUrl + "/consult.");
        }
        if (thread.isPresent()) {
            join(thread.get(), member, body, mail.messageId(), mail.attachments());
            return Received.REPLY;
        }
        if (consultsLeft(member) == 0) {
            return refuse(mail, member, Received.NO_CONSULTS_LEFT, "Thank you for your coding question. Your plan has no consults left in this"
                    + " period; see " + baseUrl + "/plans to ask more.");
        }
        opened.add(open(member, subject, body, mail.messageId()));
        keep(messageRow(mail.messageId()), mail.attachments());
        return Received.NEW_THREAD;
    }

    /**
     * The member, logged in, confirms a mail held for their account: it joins the thread it answered (when that is
     * still theirs) or opens a thread, spending a consult, as if it had been authenticated. Empty when there is no
     * such held mail of theirs; IllegalArgumentException (a message for the member) when the plan has no consults left.
     */
    public Optional<Long> confirm(String key, Member member) {
        List<Opened> opened = new ArrayList<>();
        Optional<Long> thread = transactions.execute(status -> confirm(key, member, opened));
        opened.forEach(this::draft);
        return thread;
    }

    private Optional<Long> confirm(String key, Member member, List<Opened> opened) {
        Optional<HeldMails.Taken> taken = held.take(key, member);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        HeldMail mail = taken.get().mail();
        Optional<ConsultThread> thread = Optional.ofNullable(mail.threadId()).flatMap(this::find).filter(t -> t.accountId() == member.id());
        if (thread.isPresent()) {
            join(thread.get(), member, mail.body(), taken.get().messageId(), taken.get().attachments());
            return Optional.of(thread.get().id());
        }
        Opened created = open(member, mail.subject(), mail.body(), taken.get().messageId());
        opened.add(created);
        keep(messageRow(taken.get().messageId()), taken.get().attachments());
        return Optional.of(created.threadId());
    }

    /** The member's reply joins their thread: back to drafted, or in review when a consultant has it. */
    private void join(ConsultThread thread, Member member, String body, String messageId, List<InboundMail.Attachment> attachments) {
        long message = addMessage(thread.id(), "MEMBER", member.email(), body, messageId, clock.instant());
        keep(message, attachments);
        jdbc.update("update consult_thread set status = ? where id = ?",
                (thread.consultantId() == null ? ConsultStatus.DRAFTED : ConsultStatus.IN_REVIEW).name(), thread.id());
    }

    private static String bounded(String text) {
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
    }

    private long messageRow(String messageId) {
        return jdbc.queryForObject("select id from consult_message where message_id = ?", Long.class, messageId);
    }

    private void keep(long messageId, List<InboundMail.Attachment> attachments) {
        for (InboundMail.Attachment a : attachments) {
            String name = a.name().length() > 255 ? a.name().substring(0, 255) : a.name();
            String type = a.contentType().length() > 100 ? "application/octet-stream" : a.contentType();
            jdbc.update("insert into consult_attachment (message_id, name, content_type, size, data) values (?, ?, ?, ?, ?)", messageId, name,
                    type, a.size(), a.data());
        }
    }

    /** An attachment of a thread the viewer may read (its member, or a consultant). */
    public Optional<InboundMail.Attachment> attachment(long threadId, long attachmentId, Member viewer) {
        if (thread(threadId, viewer).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.query("select a.name, a.content_type, a.data from consult_attachment a join consult_message m on m.id = a.message_id"
                + " where a.id = ? and m.thread_id = ?", (rs, i) -> new InboundMail.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                attachmentId, threadId).stream().findFirst();
    }

    /** The attachments of a thread: id, name and size in bytes, by message. */
    public List<AttachmentInfo> attachments(long threadId) {
        return jdbc.query("select a.id, a.message_id, a.name, a.size from consult_attachment a join consult_message m on m.id = a.message_id"
                + " where m.thread_id = ? order by a.id", (rs, i) -> new AttachmentInfo(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getLong(4)), threadId);
    }

    /** An attachment as listed on the thread page. */
    public record AttachmentInfo(long id, long messageId, String name, long size) { }

    private boolean seen(String messageId) {
        Integer count = jdbc.queryForObject("select (select count(*) from consult_message where message_id = ?)"
                + " + (select count(*) from consult_refused_mail where message_id = ?) + (select count(*) from consult_held_mail where message_id = ?)",
                Integer.class, messageId, messageId, messageId);
        return count != null && count > 0;
    }

    /**
     * The thread whose token the mail carries: only what we made at random and mailed to the thread's member counts,
     * the Message-ID of a mail we sent for the thread (In-Reply-To, References) or the thread's token in the subject.
     */
    private Optional<ConsultThread> threadByToken(InboundMail mail) {
        for (String id : mail.answers()) {
            List<Long> threads = jdbc.queryForList("select thread_id from consult_outbox where message_id = ? and thread_id is not null",
                    Long.class, id);
            if (!threads.isEmpty()) {
                return find(threads.get(0));
            }
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\\[CD-([0-9a-f]{16})]").matcher(mail.subject());
        if (token.find()) {
            return jdbc.query("select id from consult_thread where token = ?", (rs, i) -> rs.getLong(1), token.group(1)).stream().findFirst()
                    .flatMap(this::find);
        }
        return Optional.empty();
    }

    /** The thread the mail answers by any of its ids (the member's own messages too), else by its token. */
    private Optional<ConsultThread> threadAnswered(InboundMail mail) {
        for (String id : mail.answers()) {
            List<Long> threads = jdbc.queryForList("select thread_id from consult_message where message_id = ?", Long.class, id);
            if (!threads.isEmpty()) {
                return find(threads.get(0));
            }
        }
        return threadByToken(mail);
    }

    private void record(InboundMail mail, Received reason) {
        jdbc.update("insert into consult_refused_mail (message_id, reason, received_at) values (?, ?, ?)", mail.messageId(), reason.name(),
                Timestamp.from(clock.instant()));
    }

    /** Tells an authenticated member why their mail was not taken in (only then may the answer quote their subject). */
    private Received refuse(InboundMail mail, Member member, Received reason, String text) {
        record(mail, reason);
        String subject = "Re: " + mail.subject();
        outbox.queue(null, member, subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject, text, messageId(),
                mail.messageId(), null);
        return reason;
    }

    /** The assistant's draft: its statements with their sources, and what it could not find. */
    private String draft(String question) {
        String asked = question.length() > 2000 ? question.substring(0, 2000) : question;
        Answer answer = assistant.answer(asked, LocalDate.now(clock));
        StringBuilder text = new StringBuilder();
        for (Answer.Statement s : answer.statements()) {
            text.append("- ").append(s.text());
            if (!s.citations().isEmpty()) {
                text.append(" [").append(String.join("; ", s.citations().stream().map(Answer.Citation::source).toList())).append(']');
            }
            text.append('\n');
        }
        answer.missing().forEach(m -> text.append("- Not found: ").append(m).append('\n'));
        return text.isEmpty() ? "(The assistant found nothing to say; answer from scratch.)" : text.toString();
    }

    /** The thread, when the viewer is its member or a consultant (or admin). */
    public Optional<ConsultThread> thread(long id, Member viewer) {
        Optional<ConsultThread> thread = find(id);
        return thread.filter(t -> t.accountId() == viewer.id() || isConsultant(viewer));
    }

    private static final java.util.regex.Pattern PHI_LABEL = java.util.regex.Pattern.compile("\\[(NAME|DOB|SSN|EMAIL|PHONE|ADDRESS|RECORD NUMBER)]");

    /**
     * The kinds of likely protected health information in the member's messages ("NAME", "DOB"...), for the consultant
     * to see before answering; the assistant redacts them before any text goes to an outside language model.
     */
    public List<String> likelyPhi(ConsultThread thread) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (ConsultThread.Message m : thread.messages()) {
            if (!m.direction().equals("MEMBER")) {
                continue;
            }
            java.util.regex.Matcher before = PHI_LABEL.matcher(m.body());
            java.util.Map<String, Integer> already = new java.util.HashMap<>();
            while (before.find()) {
                already.merge(before.group(1), 1, Integer::sum);
            }
            java.util.regex.Matcher after = PHI_LABEL.matcher(org.codedesk.assistant.PhiRedactor.redact(m.body()));
            java.util.Map<String, Integer> now = new java.util.HashMap<>();
            while (after.find()) {
                now.merge(after.group(1), 1, Integer::sum);
            }
            now.forEach((label, n) -> {
                if (n > already.getOrDefault(label, 0)) {
                    found.add(label);
                }
            });
        }
        return List.copyOf(found);
    }

    /** The member's threads, newest first. */
    public List<ConsultThread> threadsOf(Member member) {
        return jdbc.query("select * from consult_thread where account_id = ? order by received_at desc, id desc", this::thread, member.id());
    }

    /** The consultants' queue: threads not yet answered, the most urgent (earliest due) first. */
    public List<ConsultThread> queue(Member consultant) {
        requireConsultant(consultant);
        return jdbc.query("select * from consult_thread where status in ('RECEIVED', 'DRAFTED', 'IN_REVIEW') order by due_at, id", this::thread);
    }

    /** A consultant takes the thread (in review); false when another consultant already has it. */
    @Transactional
    public boolean claim(long id, Member consultant) {
        requireConsultant(consultant);
        return jdbc.update("update consult_thread set consultant_id = ?, status = ? where id = ? and status in ('RECEIVED', 'DRAFTED')"
                + " or (id = ? and status = 'IN_REVIEW' and consultant_id = ?)", consultant.id(), ConsultStatus.IN_REVIEW.name(), id, id,
                consultant.id()) == 1;
    }

    /** The consultant who has the thread sends the (edited) answer: stored, queued for mail, thread answered. */
    @Transactional
    public void answer(long id, Member consultant, String body) {
        requireConsultant(consultant);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new IllegalArgumentException("The answer must have between 1 and " + String.format("%,d", MAX_BODY) + " characters.");
        }
        ConsultThread thread = find(id).filter(t -> t.status() == ConsultStatus.IN_REVIEW && Long.valueOf(consultant.id()).equals(t.consultantId()))
                .orElseThrow(() -> new IllegalStateException("Claim the thread before answering it."));
        String messageId = messageId();
        addMessage(id, "CONSULTANT", consultant.email(), text, messageId, clock.instant());
        jdbc.update("update consult_thread set status = ? where id = ?", ConsultStatus.ANSWERED.name(), id);
        String last = thread.messages().get(thread.messages().size() - 1).messageId();
        // to the account's address when the mail goes out, not the one the member had when asking
        Member member = accounts.member(thread.accountId()).orElseThrow(() -> new IllegalStateException("The member's account is gone."));
        outbox.queue(id, member, subject(thread.token(), "Re: " + thread.subject()), text + "\n\n--\nReviewed by a CodeDesk"
                + " consultant. The thread: " + baseUrl + "/consult/threads/" + id + "\nReply to this email to ask a follow-up.", messageId, last, null);
    }

    /** The member or a consultant closes the thread (answered and done); false when the viewer may not. */
    @Transactional
    public boolean close(long id, Member viewer) {
        return thread(id, viewer).filter(t -> t.status() != ConsultStatus.CLOSED).map(t ->
                jdbc.update("update consult_thread set status = ? where id = ?", ConsultStatus.CLOSED.name(), id) == 1).orElse(false);
    }

    /** The member deletes their thread (its messages go with it). */
    @Transactional
    public boolean delete(long id, Member member) {
        return jdbc.update("delete from consult_thread where id = ? and account_id = ?", id, member.id()) == 1;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        jdbc.update("delete from consult_thread where account_id = ?", deleted.accountId());
        held.forget(deleted.accountId());
        outbox.forget(deleted.accountId());
    }

    public static boolean isConsultant(Member member) {
        return member.roles().contains(Role.CONSULTANT) || member.roles().contains(Role.ADMIN);
    }

    private static void requireConsultant(Member member) {
        if (!isConsultant(member)) {
            throw new SecurityException("Only consultants may do this.");
        }
    }

    /** The thread token in the subject lets replies find their thread even when a mail client drops the headers. */
    private static String subject(String token, String text) {
        return text + " [CD-" + token + "]";
    }

    private String messageId() {
        return "<" + HexFormat.of().formatHex(random.generateSeed(12)) + "@" + (domain.isBlank() ? "codedesk" : domain) + ">";
    }

    private long insertThread(Member member, String subject, String token, Instant now, Instant due) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into consult_thread (account_id, member_email, subject, status, token, received_at, due_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, member.id());
            s.setString(2, member.email());
            s.setString(3, subject);
            s.setString(4, ConsultStatus.RECEIVED.name());
            s.setString(5, token);
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(due));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    private long addMessage(long threadId, String direction, String author, String body, String messageId, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into consult_message (thread_id, direction, author, body, message_id, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, threadId);
            s.setString(2, direction);
            s.setString(3, author);
            s.setString(4, body);
            s.setString(5, messageId);
            s.setTimestamp(6, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    private Optional<ConsultThread> find(long id) {
        return jdbc.query("select * from consult_thread where id = ?", this::thread, id).stream().findFirst();
    }

    private ConsultThread thread(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<ConsultThread.Message> messages = jdbc.query("select * from consult_message where thread_id = ? order by created_at, id",
                (m, j) -> new ConsultThread.Message(m.getLong("id"), m.getString("direction"), m.getString("author"), m.getString("body"),
                        m.getString("message_id"), m.getTimestamp("created_at").toInstant()), id);
        return new ConsultThread(id, rs.getLong("account_id"), rs.getString("member_email"), rs.getString("subject"),
                ConsultStatus.valueOf(rs.getString("status")), rs.getString("token"), rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), (Long) rs.getObject("consultant_id", Long.class), rs.getString("draft"), messages);
    }
}
