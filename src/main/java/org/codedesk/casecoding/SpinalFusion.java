package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spinal fusion built the way the ICD-10-PCS tables 0RG/0SG and guideline B3.10 ask: one code per technique and
 * region, the body part from the levels fused (a lumbar joint 0SG0, two or more 0SG1, the lumbosacral joint L5-S1 0SG3;
 * cervical, cervicothoracic, thoracic and thoracolumbar joints in 0RG), the device from what fills the joint (an interbody
 * cage A; bone graft: autologous 7, and autologous when mixed with allograft, allograft K, a synthetic substitute J) and
 * the qualifier from the column and approach (interbody through a posterior or transforaminal approach J, anterior or
 * lateral 0, posterolateral 1). A decompression of the nerve roots written with it is the release of the nerve of the
 * region (01NB0ZZ lumbar); discectomy and instrumentation done to fuse are part of the fusion. A character the note does
 * not settle (the graft of a posterolateral fusion, the device of an interbody fusion) is asked about, not guessed.
 */
final class SpinalFusion {

    /** A code built and how; or a question when a character is not documented. */
    record Piece(String code, String how, String question) { }

    static final Pattern FUSION = Pattern.compile("\\b(spinal fusion|interbody fusion|(posterolateral|intertransverse|posterior spinal|lumbar|cervical)"
            + " (fusion|arthrodesis)|spinal arthrodesis|tlif|plif|alif|xlif|llif|olif|dlif|acdf)\\b");
    private static final Pattern INTERBODY = Pattern.compile("\\b(interbody|tlif|plif|alif|xlif|llif|olif|dlif|acdf)\\b");
    private static final Pattern ANTERIOR_COLUMN_FROM_FRONT = Pattern.compile("\\b(alif|xlif|llif|olif|dlif|acdf|anterior|lateral|transpsoas)\\b");
    private static final Pattern ANTERIOR_COLUMN_FROM_BEHIND = Pattern.compile("\\b(tlif|plif|transforaminal|posterior)\\b");
    private static final Pattern POSTEROLATERAL = Pattern.compile("\\b(posterolateral|intertransverse|posterior (spinal )?(fusion|arthrodesis)"
            + "|lateral gutters?)\\b");
    private static final Pattern CAGE = Pattern.compile("\\b(cages?|spacers?|peek|interbody (device|implant)s?)\\b");
    private static final Pattern AUTOGRAFT = Pattern.compile("\\b(autograft|autologous|local bone|iliac crest|local graft)\\b");
    private static final Pattern ALLOGRAFT = Pattern.compile("\\b(allograft|cadaveric|dbm|demineralized bone)\\b");
    private static final Pattern SYNTHETIC = Pattern.compile("\\b(bone graft substitute|bmp|bone morphogenetic|synthetic|ceramic graft|tricalcium)\\b");
    private static final Pattern DECOMPRESSION = Pattern.compile("\\bdecompress\\w*");
    private static final Pattern ROOTS = Pattern.compile("\\b(nerve )?roots?\\b");
    private static final Pattern LEVEL = Pattern.compile("\\b([ctls])(\\d{1,2})(?:\\s*(?:-|–|to|through)\\s*([ctls])?(\\d{1,2}))?\\b");

    private SpinalFusion() { }

    /** The codes of the fusion named in {@code sentence} (a procedure line), with {@code text} the whole note for the decompression's roots. */
    static List<Piece> build(String sentence, String text) {
        String line = sentence.toLowerCase(Locale.ROOT);
        String note = text.toLowerCase(Locale.ROOT);
        List<Piece> pieces = new ArrayList<>();
        TreeSet<Integer> sentenceJoints = joints(line);
        for (String clause : line.split("[,;]|\\band\\b(?= (?:a |an )?(?:posterolateral|intertransverse|posterior|l\\d|c\\d|t\\d))")) {
            TreeSet<Integer> joints = joints(clause);
            if (joints.isEmpty()) {
                joints = sentenceJoints;
            }
            if (joints.isEmpty()) {
                continue;
            }
            String approach = clause.contains("percutaneous") ? "3" : "0";
            if (INTERBODY.matcher(clause).find()) {
                String qualifier = ANTERIOR_COLUMN_FROM_BEHIND.matcher(clause).find() ? "J" : ANTERIOR_COLUMN_FROM_FRONT.matcher(clause).find() ? "0" : null;
                String device = CAGE.matcher(clause).find() ? "A" : graft(clause);
                if (qualifier == null || device == null) {
                    pieces.add(new Piece(null, null, "Interbody fusion: the note does not say the " + (qualifier == null ? "approach (posterior/"
                            + "transforaminal J, anterior or lateral 0)" : "device (interbody cage A, or the bone graft)") + ": ask the surgeon."));
                } else {
                    regions(joints).forEach(row -> pieces.add(new Piece(row + approach + device + qualifier,
                            "fusion of " + describe(row) + ", interbody (" + (device.equals("A") ? "interbody fusion device" : "bone graft")
                                    + "), anterior column" + (qualifier.equals("J") ? " from a posterior approach" : " from an anterior approach"), null)));
                }
            }
            if (POSTEROLATERAL.matcher(clause).find() && !INTERBODY.matcher(clause).find()) {
                String device = graft(clause);
                if (device == null) {
                    pieces.add(new Piece(null, null, "Posterolateral fusion: the note does not say the graft (autograft 7, allograft K, substitute J): ask."));
                } else {
                    regions(joints).forEach(row -> pieces.add(new Piece(row + approach + device + "1",
                            "fusion of " + describe(row) + ", posterior column (posterolateral) with " + graftName(device), null)));
                }
            }
            if (DECOMPRESSION.matcher(clause).find() && (ROOTS.matcher(clause).find() || ROOTS.matcher(note).find())) {
                int first = joints.first();
                String nerve = first >= 20 ? "01NB0ZZ" : first >= 8 ? "01N80ZZ" : "01N10ZZ";
                pieces.add(new Piece(nerve, "release (decompression) of the " + (first >= 20 ? "lumbar" : first >= 8 ? "thoracic" : "cervical")
                        + " nerve roots", null));
                if (clause.matches("(?s).*\\bs[1-5] (nerve )?roots?\\b.*")) {
                    pieces.add(new Piece("01NR0ZZ", "release (decompression) of the sacral nerve roots", null));
                }
            }
        }
        return pieces;
    }

    /** Autologous 7 (also when mixed with allograft, B3.10c), allograft K, a synthetic substitute J, else null. */
    private static String graft(String clause) {
        if (AUTOGRAFT.matcher(clause).find()) {
            return "7";
        }
        if (ALLOGRAFT.matcher(clause).find()) {
            return "K";
        }
        return SYNTHETIC.matcher(clause).find() ? "J" : null;
    }

    private static String graftName(String device) {
        return switch (device) {
            case "7" -> "autologous bone graft";
            case "K" -> "allograft";
            default -> "a synthetic substitute";
        };
    }

    /**
     * The joints a clause names, each as the index of its upper vertebra (C1 = 1 ... C7 = 7, T1 = 8 ... T12 = 19, L1 = 20 ... L5 = 24):
     * "L4-L5" is one joint, "L4-S1" two, "C5-6" one. A single vertebra ("L5 foraminotomies") names no joint.
     */
    static TreeSet<Integer> joints(String clause) {
        TreeSet<Integer> joints = new TreeSet<>();
        Matcher m = LEVEL.matcher(clause);
        while (m.find()) {
            if (m.group(4) == null) {
                continue;
            }
            int from = vertebra(m.group(1), m.group(2));
            int to = vertebra(m.group(3) == null ? m.group(1) : m.group(3), m.group(4));
            if (from < 1 || to <= from || to - from > 12) {
                continue;
            }
            for (int v = from; v < to; v++) {
                joints.add(v);
            }
        }
        return joints;
    }

    private static int vertebra(String region, String number) {
        int n = Integer.parseInt(number);
        return switch (region) {
            case "c" -> n >= 1 && n <= 7 ? n : -1;
            case "t" -> n >= 1 && n <= 12 ? 7 + n : -1;
            case "l" -> n >= 1 && n <= 5 ? 19 + n : -1;
            default -> n == 1 ? 25 : -1;
        };
    }

    /** The table row and body part ("0SG0", "0SG3") of each region the joints fall in, by how many joints of that region are fused. */
    private static List<String> regions(TreeSet<Integer> joints) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (int j : joints) {
            String region = j <= 6 ? "cervical" : j == 7 ? "cervicothoracic" : j <= 18 ? "thoracic" : j == 19 ? "thoracolumbar" : j <= 23 ? "lumbar" : "lumbosacral";
            count.merge(region, 1, Integer::sum);
        }
        List<String> rows = new ArrayList<>();
        count.forEach((region, n) -> rows.add(switch (region) {
            case "cervical" -> n == 1 ? "0RG1" : "0RG2";
            case "cervicothoracic" -> "0RG4";
            case "thoracic" -> n == 1 ? "0RG6" : n <= 7 ? "0RG7" : "0RG8";
            case "thoracolumbar" -> "0RGA";
            case "lumbar" -> n == 1 ? "0SG0" : "0SG1";
            default -> "0SG3";
        }));
        return rows;
    }

    private static String describe(String row) {
        return switch (row) {
            case "0RG1" -> "a cervical vertebral joint";
            case "0RG2" -> "2 or more cervical vertebral joints";
            case "0RG4" -> "the cervicothoracic joint";
            case "0RG6" -> "a thoracic vertebral joint";
            case "0RG7" -> "2 to 7 thoracic vertebral joints";
            case "0RG8" -> "8 or more thoracic vertebral joints";
            case "0RGA" -> "the thoracolumbar joint";
            case "0SG0" -> "a lumbar vertebral joint";
            case "0SG1" -> "2 or more lumbar vertebral joints";
            default -> "the lumbosacral joint";
        };
    }
}
