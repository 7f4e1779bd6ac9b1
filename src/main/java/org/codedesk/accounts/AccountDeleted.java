package org.codedesk.accounts;

/** Published when a member deletes their account, so other modules erase what they hold about it. */
public record AccountDeleted(long accountId) {
}
