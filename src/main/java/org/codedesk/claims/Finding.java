package org.codedesk.claims;

import java.util.List;

/**
 * One result of a claim check.
 *
 * @param check   what was checked: code_validity, diagnosis_validity, ptp, mue, add_on, ncci (inpatient claims: NCCI not
 *                applied), fee_schedule, bilateral, multiple_procedure, medical_necessity, mce_age, mce_sex, mce_manifestation,
 *                mce_unacceptable_principal, mce (no MCE release, or not an inpatient claim: MCE not applied)
 * @param lines   the claim lines concerned (1-based); empty for claim-level and diagnosis findings
 * @param fix     what to do about it; null when nothing needs doing
 * @param source  the table and quarter (or release) the check used; null when nothing was loaded or no table applies to
 *                the claim (NCCI on inpatient claims, the MCE on others)
 */
public record Finding(String check, FindingStatus status, List<Integer> lines, String code, String message, String fix, String source) { }
