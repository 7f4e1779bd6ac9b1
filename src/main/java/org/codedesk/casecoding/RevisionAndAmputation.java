package org.codedesk.casecoding;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More operations a note names, built to complete ICD-10-PCS codes as {@link NamedProcedures} does: the revision of a total
 * knee or hip replacement (the removal of the synthetic substitute from the joint, 0SP, and its replacement, 0SR: ICD-10-PCS
 * B3.1b, the removal of the old device is coded when a new one is put in its place), and the amputation of a toe (detachment,
 * 0Y6, by toe and side, the level written: through the metatarsophalangeal joint complete, along the proximal phalanx high,
 * the middle phalanx or proximal interphalangeal joint mid, the distal phalanx or distal interphalangeal joint low).
 */
final class RevisionAndAmputation {

    static final Pattern REVISION = Pattern.compile("\\brevision (of (the |a )?)?(\\w+ ){0,2}(total )?(knee|hip)( joint)? (arthroplasty|replacement)"
            + "|\\brevision (of (the |a )?)?(\\w+ ){0,2}(tka|tha|tkr|thr)\\b|\\b(tka|tha|total (knee|hip) arthroplasty) revision\\b");
    static final Pattern TOE_AMPUTATION = Pattern.compile("\\b(amputation|disarticulation|ray resection)\\b[^.\\n]{0,60}?\\b(toe|hallux|toes)\\b"
            + "|\\b(toe|hallux) (amputation|disarticulation)\\b");

    private RevisionAndAmputation() { }

    static void build(NoteFacts facts, Predicate<String> release, List<NamedProcedures.Built> codes, List<String> questions) {
        NamedProcedures.performed(facts, REVISION).ifPresent(f -> revision(facts, release, codes, questions, f));
        NamedProcedures.performed(facts, TOE_AMPUTATION).filter(f -> !NamedProcedures.NOT_DONE.matcher(facts.around(f, 20)).find())
                .ifPresent(f -> toe(facts, release, codes, questions, f));
    }

    /** "L total knee", "R hip": a lone L or R before a word is the side. */
    static String sideOf(String words) {
        return NamedProcedures.side(words.replaceAll("(?<![\\d.]\\s?)\\bl\\b(?=\\s+[a-z]{3,})", "left")
                .replaceAll("(?<![\\d.]\\s?)\\br\\b(?=\\s+[a-z]{3,})", "right"));
    }

    /** Whether the joint replacement a note names is a revision (its primary replacement is then not built on its own). */
    static boolean isRevision(NoteFacts facts) {
        return NamedProcedures.performed(facts, REVISION).isPresent();
    }

    private static void revision(NoteFacts facts, Predicate<String> release, List<NamedProcedures.Built> codes, List<String> questions, NoteFacts.Found f) {
        String sentence = facts.sentenceOf(f);
        boolean knee = f.text().matches("(?s).*\\b(knee|tka|tkr)\\b.*");
        String joint = knee ? "knee" : "hip";
        String side = sideOf(f.text());
        if (side.isEmpty() || side.equals("both")) {
            side = sideOf(sentence);
        }
        if (!side.equals("right") && !side.equals("left")) {
            questions.add("Revision of a total " + joint + " replacement: the note does not say which " + joint + " (" + (knee ? "0SPC/0SRC right, 0SPD/0SRD"
                    : "0SP9/0SR9 right, 0SPB/0SRB") + " left): ask the surgeon.");
            return;
        }
        boolean right = side.equals("right");
        String bodyPart = knee ? (right ? "C" : "D") : (right ? "9" : "B");
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        String qualifier = text.matches("(?s).*\\b(uncemented|cementless|press-fit|press fit|noncemented)\\b.*") ? "A"
                : text.matches("(?s).*\\bcement(ed)?\\b.*") ? "9" : "Z";
        String device = knee ? "J" : NamedProcedures.hipBearing(text);
        NamedProcedures.add(codes, release, "0SP" + bodyPart + "0JZ", f, "removal of the synthetic substitute from the " + side + " " + joint
                + " joint (the components taken out at the revision)");
        NamedProcedures.add(codes, release, "0SR" + bodyPart + "0" + device + qualifier, f, "replacement of the " + side + " " + joint
                + " joint with a synthetic substitute (the revision components)" + (qualifier.equals("9") ? ", cemented" : qualifier.equals("A") ? ", uncemented" : ""));
    }

    private static final Pattern TOE = Pattern.compile("\\b(great toe|big toe|hallux|first toe|1st toe|second toe|2nd toe|third toe|3rd toe|fourth toe"
            + "|4th toe|fifth toe|5th toe|little toe)\\b");

    private static void toe(NoteFacts facts, Predicate<String> release, List<NamedProcedures.Built> codes, List<String> questions, NoteFacts.Found f) {
        String sentence = facts.sentenceOf(f);
        Matcher m = TOE.matcher(sentence);
        String side = sideOf(sentence);
        if (!m.find() || !side.equals("right") && !side.equals("left")) {
            questions.add("Amputation of a toe: the note does not say which toe of which foot (0Y6P-0Y6Y): ask.");
            return;
        }
        int toe = switch (m.group(1)) {
            case "second toe", "2nd toe" -> 2;
            case "third toe", "3rd toe" -> 3;
            case "fourth toe", "4th toe" -> 4;
            case "fifth toe", "5th toe", "little toe" -> 5;
            default -> 1;
        };
        String level = sentence.matches("(?s).*\\b(mtp|metatarsophalangeal|disarticulation|disarticulated)\\b.*") ? "0"
                : sentence.matches("(?s).*\\b(proximal phalanx)\\b.*") ? "1"
                : sentence.matches("(?s).*\\b(middle phalanx|pip|proximal interphalangeal)\\b.*") ? "2"
                : sentence.matches("(?s).*\\b(distal phalanx|dip|distal interphalangeal|ip joint|interphalangeal joint)\\b.*") ? "3" : null;
        if (level == null) {
            questions.add("Amputation of the " + side + " toe: the note does not say the level (0Y6-0Z0 complete at the metatarsophalangeal joint, 1 high,"
                    + " 2 mid, 3 low): ask.");
            return;
        }
        String bodyPart = String.valueOf("PRTVX".charAt(toe - 1));
        if (side.equals("left")) {
            bodyPart = String.valueOf((char) (bodyPart.charAt(0) + 1));
        }
        NamedProcedures.add(codes, release, "0Y6" + bodyPart + "0Z" + level, f, "detachment (amputation) of the " + side + " toe "
                + toe + ", " + List.of("complete", "high", "mid", "low").get(Integer.parseInt(level)));
    }
}
