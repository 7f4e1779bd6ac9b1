package org.codedesk.accounts;

/** What a person may do beyond reading: every account is a MEMBER; the others are granted by an admin. */
public enum Role {
    MEMBER, EDITOR, CONSULTANT, EMPLOYER, ADMIN
}
