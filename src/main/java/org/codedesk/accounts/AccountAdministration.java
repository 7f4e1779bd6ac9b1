package org.codedesk.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts: find them, change roles and plans (for a period), disable them; every
 * change is written to the audit log in the same transaction, and takes effect on the next request of the account's
 * sessions (see {@link SessionAccountFilter}). The emails in {@code codedesk.admin.emails} get
 * the ADMIN role (at start and when they confirm their address), so a fresh installation has an administrator.
 */
@Service
public class AccountAdministration {

    public static final Set<String> PLANS = Set.of("FREE", "PRO");

    private final AccountRepository repository;
    private final Set<String> adminEmails;

    AccountAdministration(AccountRepository repository, @Value("${codedesk.admin.emails:}") String adminEmails) {
        this.repository = repository;
        this.adminEmails = Set.of(adminEmails.toLowerCase().split("\\s*,\\s*")).stream().filter(e -> !e.isBlank())
                .collect(java.util.stream.Collectors.toSet());
    }

    public List<Account> find(String query) {
        return repository.find(query == null ? "" : query, 100);
    }

    public Optional<Account> get(long id) {
        return repository.byId(id);
    }

    @Transactional
    public void setRoles(String actor, long id, Set<Role> roles) {
        Account account = repository.byId(id).orElseThrow();
        Set<Role> granted = roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
        granted.add(Role.MEMBER);
        repository.setRoles(id, granted);
        repository.audit(actor, "ROLES", account.email(), account.roles() + " -> " + granted);
    }

    @Transactional
    public void setPlan(String actor, long id, String plan, Instant until) {
        if (!PLANS.contains(plan)) {
            throw new IllegalArgumentException("Unknown plan " + plan);
        }
        Account account = repository.byId(id).orElseThrow();
        repository.setPlan(id, plan, until);
        repository.audit(actor, "PLAN", account.email(), account.plan() + " -> " + plan + (until == null ? "" : " until " + until));
    }

    @Transactional
    public void setDisabled(String actor, long id, boolean disabled) {
        Account account = repository.byId(id).orElseThrow();
        repository.setDisabled(id, disabled);
        if (disabled) { // its sessions end on their next request anyway; a new stamp keeps them ended if it is enabled soon after
            repository.endSessions(id);
            repository.forgetRememberedLogins(account.email());
        }
        repository.audit(actor, disabled ? "DISABLE" : "ENABLE", account.email(), null);
    }

    public List<AuditEntry> auditLog() {
        return repository.auditLog(200);
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantConfiguredAdmins() {
        adminEmails.forEach(this::grantAdminIfConfigured);
    }

    /** Called when an address is confirmed: a configured administrator's account becomes ADMIN. */
    void grantAdminIfConfigured(String email) {
        if (!adminEmails.contains(AccountRepository.normalize(email))) {
            return;
        }
        repository.byEmail(email).filter(a -> a.emailVerified() && !a.roles().contains(Role.ADMIN)).ifPresent(a -> {
            Set<Role> roles = EnumSet.copyOf(a.roles());
            roles.add(Role.ADMIN);
            repository.setRoles(a.id(), roles);
            repository.audit("configuration", "ROLES", a.email(), "ADMIN granted from codedesk.admin.emails");
        });
    }
}
