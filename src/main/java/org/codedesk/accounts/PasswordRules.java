package org.codedesk.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules shown on the forms (NIST SP 800-63B style: length and a block list rather than character
 * classes): 12 to 128 characters, not a common password, not containing the email's name part, not one
 * character repeated.
 */
public final class PasswordRules {

    public static final List<String> DESCRIPTION = List.of(
            "at least 12 characters (a few words together make a good one), at most 128",
            "not a common password such as \"password123456\"",
            "not containing the name part of your email address");

    private static final Set<String> COMMON = Set.of("password1234", "password12345", "password123456", "123456789012",
            "qwertyuiopas", "iloveyou1234", "letmein12345", "welcome12345", "administrator", "passwordpassword",
            "111111111111", "abcdefghijkl", "qwerty123456", "medicalcoder", "medicalcoding");

    private PasswordRules() {
    }

    /** What is wrong with a password for this email, in words; empty when it is acceptable. */
    public static List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        String value = password == null ? "" : password;
        if (value.length() < 12) {
            problems.add("The password must have at least 12 characters.");
        }
        if (value.length() > 128) {
            problems.add("The password must have at most 128 characters.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || (!value.isEmpty() && value.chars().distinct().count() == 1)) {
            problems.add("This password is too common or too simple.");
        }
        String name = email == null || !email.contains("@") ? "" : email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && lower.contains(name)) {
            problems.add("The password must not contain the name part of your email address.");
        }
        return problems;
    }
}
