package org.codedesk.accounts;

import java.util.Set;

/** What other modules may know of a logged-in member: id, email, roles and plan. */
public record Member(long id, String email, Set<Role> roles, String plan) {
}
