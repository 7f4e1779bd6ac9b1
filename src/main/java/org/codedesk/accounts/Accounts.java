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
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's API: registration with email verification, password reset by single-use expiring
 * link. Answers never tell whether an email has an account (the same words and the same page either way);
 * the owner of the address is told by email instead.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    static final Duration VERIFY_VALIDITY = Duration.ofHours(24);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final AccountMail mail;
    private final AccountAdministration administration;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Accounts(AccountRepository repository, PasswordEncoder encoder, AccountMail mail, AccountAdministration administration,
             ApplicationEventPublisher events) {
        this.repository = repository;
        this.encoder = encoder;
        this.mail = mail;
        this.administration = administration;
        this.events = events;
    }

    /** The member with this (login) email, if any. */
    /** The member behind a request's principal; empty for a guest (null principal) or an unknown account. */
    public Optional<Member> member(java.security.Principal principal) {
        return principal == null ? Optional.empty() : member(principal.getName());
    }

    public Optional<Member> member(String email) {
        return repository.byEmail(email).map(a -> new Member(a.id(), a.email(), a.roles(), a.planAt(Instant.now())));
    }

    /** The member with this account id (with the account's current email), if the account still exists. */
    public Optional<Member> member(long accountId) {
        return repository.byId(accountId).map(a -> new Member(a.id(), a.email(), a.roles(), a.planAt(Instant.now())));
    }

    /** Whether the account's current email address was confirmed by its link (false for an unknown account). */
    public boolean emailVerified(long accountId) {
        return repository.byId(accountId).map(Account::emailVerified).orElse(false);
    }

    /** Registers a new member (unverified) and mails the verification link; for a known email, mails its owner. */
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
        Optional<Account> existing = repository.byEmail(address);
        if (existing.isPresent()) {
            mail.alreadyRegistered(address);
            return List.of();
        }
        long id = repository.create(address, encoder.encode(password), EnumSet.of(Role.MEMBER));
        mail.verification(address, newToken(id, "VERIFY", VERIFY_VALIDITY));
        log.info("Account {} registered", id);
        return List.of();
    }

    /** Confirms an email address from its link; false when the link is unknown, used or expired. */
    @Transactional
    public boolean verify(String token) {
        Optional<Long> account = repository.useToken(hash(token), "VERIFY", Instant.now());
        account.ifPresent(id -> {
            repository.markVerified(id);
            repository.byId(id).ifPresent(a -> administration.grantAdminIfConfigured(a.email()));
        });
        return account.isPresent();
    }

    /** Mails a reset link when the email has an account; does nothing visible otherwise. */
    @Transactional
    public void requestPasswordReset(String email) {
        repository.byEmail(email).filter(a -> !a.disabled()).ifPresent(a -> mail.passwordReset(a.email(), newToken(a.id(), "RESET", RESET_VALIDITY)));
    }

    /** Sets a new password from a reset link; returns the problems (empty when done). */
    @Transactional
    public List<String> resetPassword(String token, String password) {
        String tokenHash = hash(token);
        // check the rules before spending the single-use token
        Optional<Long> pending = repository.pendingToken(tokenHash, "RESET", Instant.now());
        if (pending.isEmpty()) {
            return List.of("This link is not valid any more: ask for a new one.");
        }
        Account account = repository.byId(pending.get()).orElseThrow();
        List<String> problems = PasswordRules.problems(password, account.email());
        if (!problems.isEmpty()) {
            return problems;
        }
        if (repository.useToken(tokenHash, "RESET", Instant.now()).isEmpty()) {
            return List.of("This link is not valid any more: ask for a new one.");
        }
        repository.setPassword(account.id(), encoder.encode(password));
        repository.markVerified(account.id()); // the link reached the mailbox, which proves the address
        return List.of();
    }

    /** Changes the password of a logged-in member after checking the current one. */
    @Transactional
    public List<String> changePassword(String email, String current, String replacement) {
        Account account = repository.byEmail(email).orElseThrow();
        if (!encoder.matches(current, account.passwordHash())) {
            return List.of("The current password is not right.");
        }
        List<String> problems = PasswordRules.problems(replacement, account.email());
        if (problems.isEmpty()) {
            repository.setPassword(account.id(), encoder.encode(replacement));
        }
        return problems;
    }

    /**
     * Changes the email of a logged-in member after checking the password: the new address must be confirmed
     * by its link before the next login, and the old address is told.
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
        repository.setEmail(account.id(), address);
        mail.verification(address, newToken(account.id(), "VERIFY", VERIFY_VALIDITY));
        mail.emailChanged(account.email(), address);
        return List.of();
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
        events.publishEvent(new AccountDeleted(account.get().id()));
        return true;
    }

    private String newToken(long accountId, String purpose, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.saveToken(hash(token), accountId, purpose, Instant.now().plus(validity));
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
