package org.codedesk.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts module's API: registration with email verification, password reset by single-use expiring
 * link bound to the address it was mailed to, password and email changes that end the account's other sessions.
 * Answers never tell whether an email has an account (the same words, the same page and the same work on the
 * request either way); the owner of the address is told by email instead.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    static final Duration VERIFY_VALIDITY = Duration.ofHours(24);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final String LINK_NOT_VALID = "This link is not valid any more: ask for a new one.";

    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final AccountMail mail;
    private final java.time.Clock clock;
    private final AccountAdministration administration;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    Accounts(AccountRepository repository, PasswordEncoder encoder, AccountMail mail, AccountAdministration administration,
             ApplicationEventPublisher events, PlatformTransactionManager transactionManager, java.time.Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.mail = mail;
        this.administration = administration;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The member behind a request's principal; empty for a guest (null principal) or an unknown account. */
    public Optional<Member> member(java.security.Principal principal) {
        return principal == null ? Optional.empty() : member(principal.getName());
    }

    /**
     * The member behind a request: the account its session check just read ({@link SessionAccountFilter}), so a logged-in
     * session's request reads it once, else read by the principal's name (an API token, remember-me); empty for a guest.
     */
    public Optional<Member> member(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(SessionAccountFilter.CHECKED_ACCOUNT) instanceof Account checked) {
            return Optional.of(member(checked));
        }
        return member(request.getUserPrincipal());
    }

    public Optional<Member> member(String email) {
        return repository.byEmail(email).map(this::member);
    }

    /** The member with this account id (with the account's current email), if the account still exists. */
    public Optional<Member> member(long accountId) {
        return repository.byId(accountId).map(this::member);
    }

    private Member member(Account account) {
        return new Member(account.id(), account.email(), account.roles(), account.planAt(clock.instant()));
    }

    /** Whether the account's current email address was confirmed by its link (false for an unknown account). */
    public boolean emailVerified(long accountId) {
        return repository.byId(accountId).map(Account::emailVerified).orElse(false);
    }

    /**
     * Registers a new member (unverified) and mails the verification link; for a known email, mails its owner instead
     * (a new verification link while the address is unconfirmed, else a notice). Both cases hash the password and
     * queue one message, so neither the answer nor its time tells them apart.
     */
    @Transactional
    public List<String> register(String email, String password) {
        String address = AccountRepository.normalize(email);
        if (!isAddress(address)) {
            return List.of("Enter a valid email address.");
        }
        List<String> problems = PasswordRules.problems(password, address);
        if (!problems.isEmpty()) {
            return problems;
        }
        String passwordHash = encoder.encode(password); // hashed for a known address too: the same work either way
        Optional<Account> existing = repository.byEmail(address);
        if (existing.isPresent()) {
            if (existing.get().emailVerified()) {
                mail.alreadyRegistered(address);
            } else { // the first link may be lost; the password stays the one chosen first
                mail.verification(address, newToken(existing.get().id(), address, "VERIFY", VERIFY_VALIDITY));
            }
            return List.of();
        }
        long id = repository.create(address, passwordHash, EnumSet.of(Role.MEMBER));
        mail.verification(address, newToken(id, address, "VERIFY", VERIFY_VALIDITY));
        log.info("Account {} registered", id);
        return List.of();
    }

    /**
     * Confirms an email address from its link; false when the link is unknown, used, expired, superseded by a newer one,
     * or was mailed to an address the account no longer has. This is the only way an address becomes verified.
     */
    @Transactional
    public boolean verify(String token) {
        Optional<Long> account = repository.useToken(hash(token), "VERIFY", clock.instant());
        account.ifPresent(id -> {
            repository.markVerified(id);
            repository.byId(id).ifPresent(a -> administration.grantAdminIfConfigured(a.email()));
        });
        return account.isPresent();
    }

    /**
     * Mails a reset link when the email has an account that is not disabled; does nothing visible otherwise. The request only
     * queues the work: looking the address up, storing the token and mailing happen after the answer, so the answer
     * takes the same time for a known and an unknown address.
     */
    public void requestPasswordReset(String email) {
        String address = AccountRepository.normalize(email);
        mail.afterCommit(() -> transactions.executeWithoutResult(status -> mailResetLink(address)));
    }

    private void mailResetLink(String address) {
        repository.byEmail(address).filter(a -> !a.disabled())
                .ifPresent(a -> mail.passwordReset(a.email(), newToken(a.id(), a.email(), "RESET", RESET_VALIDITY)));
    }

    /**
     * Sets a new password from a reset link; returns the problems (empty when done). The link must still be for the
     * account's address; every session and remember-me login of the account ends, and its other reset links die. The
     * address is not marked verified: only its own verification link does that.
     */
    @Transactional
    public List<String> resetPassword(String token, String password) {
        String tokenHash = hash(token);
        // check the rules before spending the single-use token
        Optional<Long> pending = repository.pendingToken(tokenHash, "RESET", clock.instant());
        if (pending.isEmpty()) {
            return List.of(LINK_NOT_VALID);
        }
        Account account = repository.byId(pending.get()).orElseThrow();
        List<String> problems = PasswordRules.problems(password, account.email());
        if (!problems.isEmpty()) {
            return problems;
        }
        if (repository.useToken(tokenHash, "RESET", clock.instant()).isEmpty()) {
            return List.of(LINK_NOT_VALID);
        }
        repository.setPassword(account.id(), encoder.encode(password));
        repository.deleteTokens(account.id(), "RESET");
        endSessions(account);
        return List.of();
    }

    /**
     * Changes the password of a logged-in member after checking the current one. Every session and remember-me login
     * of the account ends (the caller keeps its own session with {@link AccountSessions#keepCurrent}), and pending reset
     * links die.
     */
    @Transactional
    public List<String> changePassword(String email, String current, String replacement) {
        Account account = repository.byEmail(email).orElseThrow();
        if (!encoder.matches(current, account.passwordHash())) {
            return List.of("The current password is not right.");
        }
        List<String> problems = PasswordRules.problems(replacement, account.email());
        if (problems.isEmpty()) {
            repository.setPassword(account.id(), encoder.encode(replacement));
            repository.deleteTokens(account.id(), "RESET");
            endSessions(account);
        }
        return problems;
    }

    /**
     * Changes the email of a logged-in member after checking the password: the new address must be confirmed
     * by its link before the next login, and the old address is told. Every session, remember-me login and pending
     * link of the account ends (links were mailed to the old address).
     */
    @Transactional
    public List<String> changeEmail(String email, String password, String newEmail) {
        Account account = repository.byEmail(email).orElseThrow();
        String address = AccountRepository.normalize(newEmail);
        if (!encoder.matches(password, account.passwordHash())) {
            return List.of("The password is not right.");
        }
        if (!isAddress(address)) {
            return List.of("Enter a valid email address.");
        }
        if (repository.byEmail(address).isPresent()) {
            mail.alreadyRegistered(address);
            return List.of(); // same answer as a free address: no enumeration
        }
        repository.deleteTokens(account.id());
        repository.setEmail(account.id(), address);
        endSessions(account);
        mail.verification(address, newToken(account.id(), address, "VERIFY", VERIFY_VALIDITY));
        mail.emailChanged(account.email(), address);
        return List.of();
    }

    /** "Log out everywhere": ends every session and remember-me login of the member, this one included. */
    @Transactional
    public void logOutEverywhere(String email) {
        repository.byEmail(email).ifPresent(this::endSessions);
    }

    private void endSessions(Account account) {
        repository.endSessions(account.id());
        repository.forgetRememberedLogins(account.email());
    }

    /**
     * Deletes a member's account after checking the password: the email, password hash, roles, plan, tokens and
     * code page views go. Kept: the audit log of administrators' actions (legal accountability; it holds the
     * email an admin acted on) and anonymous counters of guests.
     */
    @Transactional
    public boolean delete(String email, String password) {
        Optional<Account> account = repository.byEmail(email);
        if (account.isEmpty() || !encoder.matches(password, account.get().passwordHash())) {
            return false;
        }
        repository.delete(account.get().id());
        repository.forgetRememberedLogins(account.get().email());
        events.publishEvent(new AccountDeleted(account.get().id()));
        return true;
    }

    /** A new link token for the address it is mailed to; the account's older links of the same purpose die. */
    private String newToken(long accountId, String address, String purpose, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.saveToken(hash(token), accountId, address, purpose, clock.instant().plus(validity));
        return token;
    }

    /** Shaped like an email address and short enough for the column: the mailbox itself proves the rest. */
    private static boolean isAddress(String address) {
        return address.length() <= 320 && address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
