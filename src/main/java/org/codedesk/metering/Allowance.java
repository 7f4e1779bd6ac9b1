package org.codedesk.metering;

/** The answer for one code page: may it be shown, and how many views remain in the period (-1: unlimited). */
public record Allowance(boolean granted, int remaining, String plan) {

    public boolean unlimited() {
        return remaining < 0;
    }
}
