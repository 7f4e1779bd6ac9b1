package org.codedesk.assistant;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes likely protected health information from text before it leaves the machine (to an outside language
 * model): names after a title or a "Patient:"/"Name:" label, dates of birth, record, account and member numbers,
 * social security numbers, phone numbers, email addresses and street addresses. Each is replaced by a bracketed
 * label ("[NAME]"), so the question keeps its meaning. Codes (I21.4, 99213) and dates of service survive.
 * Pure and thread-safe; errs on the side of removing.
 */
public final class PhiRedactor {

    private record Rule(Pattern pattern, String label, int group) { }

    private static final String NAME = "[A-Z][a-z'\\-]+(?:\\s+[A-Z]\\.|\\s+[A-Z](?=\\s))?(?:\\s+[A-Z][a-z'\\-]+){0,2}";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[EMAIL]", 0),
            new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[SSN]", 0),
            new Rule(Pattern.compile("(?i)\\b(?:DOB|D\\.O\\.B\\.|date of birth|born(?: on)?)\\s*[:#]?\\s*"
                    + "(\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|[A-Z][a-z]+\\.? \\d{1,2},? \\d{4})"), "[DOB]", 1),
            new Rule(Pattern.compile("(?i)\\b(?:MRN|medical record(?: number| no\\.?| #)?|record (?:number|no\\.?|#)|account (?:number|no\\.?|#)"
                    + "|acct\\.? ?#?|member id|policy (?:number|no\\.?|#)|chart (?:number|no\\.?|#))\\s*[:#]?\\s*([A-Z0-9-]{4,})"), "[RECORD NUMBER]", 1),
            new Rule(Pattern.compile("(?<![\\w.])(?:\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b"), "[PHONE]", 0),
            new Rule(Pattern.compile("\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
                    + "|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Highway|Hwy)\\b\\.?(?:,?\\s*(?:Apt|Suite|Unit|#)\\s*\\w+)?"), "[ADDRESS]", 0),
            new Rule(Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+(" + NAME + ")"), "[NAME]", 1),
            new Rule(Pattern.compile("(?i:\\b(?:patient|pt|name|patient name)\\s*[:]\\s*)(" + NAME + ")"), "[NAME]", 1));

    private PhiRedactor() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(result);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String whole = m.group();
                String replaced = rule.group() == 0 ? rule.label()
                        : whole.substring(0, m.start(rule.group()) - m.start()) + rule.label() + whole.substring(m.end(rule.group()) - m.start());
                m.appendReplacement(out, Matcher.quoteReplacement(replaced));
            }
            m.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
