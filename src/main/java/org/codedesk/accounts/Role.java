package org.codedesk.accounts;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a person may do beyond reading: every account is a MEMBER; the others are granted by an admin. */
public enum Role {
    MEMBER, EDITOR, CONSULTANT, EMPLOYER, ADMIN;

    /** The role as people read it: "Member", "Admin". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Roles as people read them, in this enum's order: "Member, Admin" (never the set's "[MEMBER, ADMIN]"). */
    public static String describe(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
