package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operations a note names ("laparoscopic cholecystectomy", "PCI of the LAD with two drug-eluting stents",
 * "colonoscopy with snare polypectomy of a sigmoid polyp") built to complete ICD-10-PCS codes the way a coder walks
 * the tables: the root operation and body part from the operation's name, the approach, device and qualifier from
 * the words of the note (laparoscopic or open, right or left, cemented or not, how many stents in how many
 * arteries, which colon segment, a diagnostic biopsy; the levels, column and graft of a spinal fusion, {@link SpinalFusion}). Each code is kept only if the release in force has it; when
 * the note does not settle a character, the row is given with the question to ask instead of a guess.
 */
final class NamedProcedures {

    /** A complete code built from the note, and the words it rests on. */
    record Built(String code, NoteFacts.Found evidence, String how) { }

    /** Everything built, and the questions for operations whose row the note leaves incomplete. */
    record Result(List<Built> codes, List<String> questions) { }

    private static final Set<NoteSections> PROCEDURE_SECTIONS = Set.of(NoteSections.CONCLUSION, NoteSections.TREATED, NoteSections.NARRATIVE);

    private static final Pattern CHOLECYSTECTOMY = Pattern.compile("\\b(laparoscopic|lap\\.?|robotic|open)?\\s*cholecystectomy\\b");
    private static final Pattern APPENDECTOMY = Pattern.compile("\\b(laparoscopic|lap\\.?|robotic|open)?\\s*appendectomy\\b");
    private static final Pattern KNEE_REPLACEMENT = Pattern.compile("\\b(total knee (arthroplasty|replacement)|tka)\\b");
    /** The account of a delivery ("Delivery: spontaneous vaginal delivery ..."): what was done, like a procedure section. */
    private static final Pattern DELIVERY_HEADING = Pattern.compile("(?i)\\bdelivery\\b");
    private static final Pattern HEMIARTHROPLASTY = Pattern.compile("\\b(hip )?(bipolar |unipolar |cemented |uncemented )*hemiarthroplasty\\b");
    private static final Pattern VAGINAL_DELIVERY = Pattern.compile("\\b(spontaneous vaginal delivery|normal spontaneous vaginal delivery|nsvd|svd"
            + "|vaginal delivery)\\b");
    private static final Pattern PERINEAL_REPAIR = Pattern.compile("\\b(first|1st|second|2nd)[- ]degree (perineal )?laceration\\b[^.\\n]{0,40}\\brepair");
    private static final Pattern HIP_REPLACEMENT = Pattern.compile("\\b(total hip (arthroplasty|replacement)|tha)\\b");
    private static final Pattern PCI = Pattern.compile("\\b(pci|percutaneous coronary intervention|coronary (angioplasty|stent(ing)?)|ptca"
            + "|percutaneous transluminal coronary angioplasty)\\b");
    private static final Pattern COLONOSCOPY = Pattern.compile("\\bcolonoscop(y|ic)\\b");
    private static final Pattern EGD = Pattern.compile("\\b(egd|esophagogastroduodenoscopy|upper endoscopy|upper gi endoscopy)\\b");
    private static final Pattern CESAREAN = Pattern.compile("\\b(c-section|cesarean (section|delivery)|caesarean section)\\b");
    private static final Pattern VENTILATION = Pattern.compile("\\bmechanical ventilation\\b|\\bventilat(ed|or)\\b");
    private static final Pattern INTUBATION = Pattern.compile("\\b(intubated|endotracheal intubation|intubation)\\b");
    private static final Pattern TRANSFUSION = Pattern.compile("\\btransfus(ed|ion)\\b[^.\\n]{0,60}\\b(red (blood )?cells|prbcs?|rbcs?)\\b"
            + "|\\b(prbcs?|packed red (blood )?cells)\\b[^.\\n]{0,30}\\btransfus");
    private static final Pattern INGUINAL_REPAIR = Pattern.compile("\\binguinal hernia repair\\b|\\brepair of (the )?(right |left )?inguinal hernia\\b"
            + "|\\b(right|left|bilateral) inguinal hernia repair\\b");
    private static final Pattern COLECTOMY = Pattern.compile("\\b(right|left) hemicolectomy\\b|\\bsigmoid colectomy\\b|\\bsigmoidectomy\\b");

    private static final Pattern ORIF = Pattern.compile("\\b(open reduction (and |with )?internal fixation|orif)\\b");
    private static final Pattern UPPER_FEMUR = Pattern.compile("\\b(intertrochanteric|subtrochanteric|pertrochanteric|femoral neck|hip fracture"
            + "|proximal femur|neck of (the )?(left |right )?femur)\\b");
    /** Dialysis given during the stay (not the patient's chronic schedule, "on HD MWF"). */
    private static final Pattern DIALYSIS_GIVEN = Pattern.compile("\\b(urgent|emergent|emergency|underwent|received|inpatient|single|new)\\b[^.\\n]{0,30}"
            + "\\b(hemodialysis|hd)\\b|\\b(hemodialysis|hd)\\b[^.\\n]{0,15}\\bsessions?\\b|\\b(crrt|cvvhd?f?|continuous renal replacement)\\b");

    private NamedProcedures() { }

    /**
     * Open reduction and internal fixation of a fracture of the upper femur: Reposition (S), upper femur right 6 / left
     * 7, open approach, an intramedullary device (6: nail) or an internal fixation device (4: screw, plate).
     */
    private static void upperFemurFixation(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f,
                                           NoteFacts facts) {
        String sentence = facts.sentenceOf(f);
        if (!UPPER_FEMUR.matcher(sentence).find()) {
            return;
        }
        String side = side(sentence);
        if (!side.equals("right") && !side.equals("left")) {
            questions.add("Fixation of the upper femur: the note does not say which side (0QS6 right, 0QS7 left): ask the surgeon.");
            return;
        }
        String text = facts.note().text().toLowerCase(java.util.Locale.ROOT);
        String device = text.matches("(?s).*\\b(intramedullary|cephalomedullary|nail|gamma)\\b.*") ? "6" : "4";
        add(codes, release, (side.equals("right") ? "0QS6" : "0QS7") + "0" + device + "Z", f, "open reposition of the " + side + " upper femur with "
                + (device.equals("6") ? "an intramedullary" : "an internal") + " fixation device");
    }

    /** Hemodialysis during the stay: intermittent (less than 6 hours a day, 5A1D70Z) or continuous (more than 18 hours a day, 5A1D90Z). */
    private static void dialysis(List<Built> codes, java.util.function.Predicate<String> release, NoteFacts facts) {
        for (NoteFacts.Found f : facts.all(DIALYSIS_GIVEN, Set.of(NoteSections.TREATED))) {
            boolean continuous = f.text().matches("(?s).*\\b(crrt|cvvh\\w*|continuous)\\b.*");
            add(codes, release, continuous ? "5A1D90Z" : "5A1D70Z", f, continuous ? "continuous renal replacement therapy (more than 18 hours a day)"
                    : "intermittent hemodialysis (less than 6 hours a day)");
            return;
        }
    }

    static Result build(NoteFacts facts, java.util.function.Predicate<String> release) {
        List<Built> codes = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        String text = facts.note().text().toLowerCase(java.util.Locale.ROOT);
        performed(facts, CHOLECYSTECTOMY).ifPresent(f ->
                add(codes, release, "0FT4" + approach(f, text) + "ZZ", f, "resection of the gallbladder"));
        performed(facts, APPENDECTOMY).ifPresent(f ->
                add(codes, release, "0DTJ" + approach(f, text) + "ZZ", f, "resection of the appendix"));
        // a revision is the removal of the old components and their replacement (RevisionAndAmputation), not a primary replacement
        boolean revision = RevisionAndAmputation.isRevision(facts);
        performed(facts, KNEE_REPLACEMENT).filter(f -> !revision).ifPresent(f -> joint(codes, questions, release, f, facts, "knee", "0SRC", "0SRD"));
        performed(facts, HIP_REPLACEMENT).filter(f -> !revision).ifPresent(f -> joint(codes, questions, release, f, facts, "hip", "0SR9", "0SRB"));
        performed(facts, PCI).ifPresent(f -> coronary(codes, release, f, facts));
        performed(facts, COLONOSCOPY).ifPresent(f -> colonoscopy(codes, release, f, text));
        performed(facts, EGD).ifPresent(f -> egd(codes, release, f, text));
        performed(facts, CESAREAN).ifPresent(f -> cesarean(codes, questions, release, f, text));
        performed(facts, VENTILATION).ifPresent(f -> ventilation(codes, questions, release, f, text));
        performed(facts, INTUBATION).filter(f -> !text.contains("prior intubation"))
                .ifPresent(f -> add(codes, release, "0BH17EZ", f, "insertion of an endotracheal airway"));
        performedOrInCourse(facts, HEMIARTHROPLASTY).ifPresent(f -> hemiarthroplasty(codes, questions, release, f, facts));
        performedOrInCourse(facts, VAGINAL_DELIVERY).filter(f -> !facts.sentenceOf(f).matches("(?s).*\\b(prior|previous|history|planned|plan)\\b.*"))
                .ifPresent(f -> add(codes, release, "10E0XZZ", f, "delivery of the products of conception (vaginal delivery)"));
        performedOrInCourse(facts, PERINEAL_REPAIR).ifPresent(f -> add(codes, release,
                f.text().matches("(?s)(first|1st).*") ? "0HQ9XZZ" : "0KQM0ZZ", f,
                f.text().matches("(?s)(first|1st).*") ? "repair of the perineum skin (first-degree laceration)"
                        : "repair of the perineum muscle (second-degree laceration)"));
        performedOrInCourse(facts, TRANSFUSION).ifPresent(f ->
                add(codes, release, facts.sentenceOf(f).contains("central") ? "30243N1" : "30233N1", f, "transfusion of red blood cells"));
        performed(facts, INGUINAL_REPAIR).ifPresent(f -> inguinal(codes, questions, release, f, facts, text));
        performed(facts, COLECTOMY).ifPresent(f -> colectomy(codes, release, f, text));
        performed(facts, ORIF).ifPresent(f -> upperFemurFixation(codes, questions, release, f, facts));
        performed(facts, ADHESIOLYSIS).ifPresent(f -> adhesiolysis(codes, release, f, text));
        performed(facts, SpinalFusion.FUSION).ifPresent(f -> SpinalFusion.build(facts.sentenceOf(f), text).forEach(piece -> {
            if (piece.code() != null) {
                add(codes, release, piece.code(), f, piece.how());
            } else {
                questions.add(piece.question());
            }
        }));
        performedOrInCourse(facts, NONINVASIVE_VENTILATION).filter(f -> !facts.sentenceOf(f).matches("(?s).*\\b(home|nightly|at night|qhs)\\b.*")
                && !NOT_DONE.matcher(facts.around(f, 40)).find()).ifPresent(f -> noninvasiveVentilation(codes, questions, release, f, text));
        performedOrInCourse(facts, THROMBECTOMY).filter(f -> !NOT_DONE.matcher(facts.around(f, 40)).find())
                .ifPresent(f -> thrombectomy(codes, questions, release, f, facts));
        dialysis(codes, release, facts);
        BedsideAndPelvicProcedures.build(facts, release, codes, questions);
        RevisionAndAmputation.build(facts, release, codes, questions);
        return new Result(codes, questions);
    }

    private static final Pattern ADHESIOLYSIS = Pattern.compile("\\b(laparoscopic |lap\\.? |robotic |open )?(lysis of (\\w+ )?adhesions|adhesiolysis"
            + "|enterolysis)\\b");

    /**
     * Lysis of adhesions is the release of the organ freed (PCS index: Adhesiolysis, see Release): the small intestine (0DN8)
     * or the large intestine (0DNE) the findings name after the operation, else the peritoneum (0DNW).
     */
    private static void adhesiolysis(List<Built> codes, java.util.function.Predicate<String> release, NoteFacts.Found f, String text) {
        int at = Math.max(0, text.indexOf(f.text()));
        String findings = text.substring(at, Math.min(text.length(), at + 400));
        String part = findings.matches("(?s).*\\b(ileum|ileal|jejun\\w*|small (bowel|intestine))\\b.*") ? "8"
                : findings.matches("(?s).*\\b(colon|colonic|sigmoid|cecum|large (bowel|intestine))\\b.*") ? "E" : "W";
        add(codes, release, "0DN" + part + approach(f, text) + "ZZ", f, "release of the " + (part.equals("8") ? "small intestine"
                : part.equals("E") ? "large intestine" : "peritoneum") + " (lysis of adhesions)");
    }

    private static final Pattern PROCEDURE_HEADING = Pattern.compile("\\b(procedures?|operations?|operative|surgery|surgeries)\\b");

    /**
     * The first mention of an operation where the note says what was done: under a "Procedure(s)"/"Operation"
     * heading or in a line that starts so; an operation named in the history or the indication ("found on screening
     * colonoscopy") was not done in this encounter.
     */
    static Optional<NoteFacts.Found> performed(NoteFacts facts, Pattern operation) {
        for (NoteFacts.Found f : facts.all(operation, PROCEDURE_SECTIONS)) {
            org.codedesk.casecoding.text.ClinicalText.Sentence s = facts.note().sentences().get(f.mention().sentence());
            String line = facts.note().text().substring(s.start(), s.end()).toLowerCase(java.util.Locale.ROOT);
            if (PROCEDURE_HEADING.matcher(s.section()).find() || line.matches("^(procedures?|operations?)\\b.*")) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * An operation named under a procedure heading, or in the hospital course or the delivery account of a stay ("2/15: L hip
     * cemented bipolar hemiarthroplasty", "transfused 1 unit PRBC", "Second-degree perineal laceration, repaired").
     */
    static Optional<NoteFacts.Found> performedOrInCourse(NoteFacts facts, Pattern operation) {
        Optional<NoteFacts.Found> named = performed(facts, operation);
        return named.isPresent() ? named : facts.all(operation, PROCEDURE_SECTIONS).stream().filter(f -> f.section() == NoteSections.TREATED
                || DELIVERY_HEADING.matcher(facts.note().sentences().get(f.mention().sentence()).section()).find()).findFirst();
    }

    /** A hip hemiarthroplasty replaces the femoral surface of the joint (0SRR right, 0SRS left), cemented 9 or uncemented A. */
    private static void hemiarthroplasty(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f,
                                         NoteFacts facts) {
        String side = side(facts.around(f, 40));
        if (side.isEmpty() || side.equals("both")) {
            side = side(facts.sentenceOf(f));
        }
        String sentence = facts.sentenceOf(f);
        String qualifier = sentence.matches("(?s).*\\b(uncemented|cementless|press-fit|press fit|noncemented)\\b.*") ? "A"
                : sentence.matches("(?s).*\\bcement(ed)?\\b.*") ? "9" : "Z";
        if (side.equals("right") || side.equals("left")) {
            add(codes, release, (side.equals("right") ? "0SRR" : "0SRS") + "0J" + qualifier, f, "replacement of the " + side
                    + " hip joint, femoral surface (hemiarthroplasty)" + (qualifier.equals("9") ? ", cemented" : qualifier.equals("A") ? ", uncemented" : ""));
        } else {
            questions.add("Hip hemiarthroplasty: the note does not say which hip (0SRR right, 0SRS left): ask the surgeon; do not guess.");
        }
    }

    static void add(List<Built> codes, java.util.function.Predicate<String> release, String code, NoteFacts.Found f, String how) {
        if (release.test(code) && codes.stream().noneMatch(b -> b.code().equals(code))) {
            codes.add(new Built(code, f, how));
        }
    }

    /** Percutaneous endoscopic (4) when the operation is called laparoscopic or robotic, else open (0) when said, else laparoscopic if the note speaks of ports or trocars. */
    private static String approach(NoteFacts.Found f, String text) {
        String named = f.text();
        if (named.startsWith("open")) {
            return "0";
        }
        if (named.startsWith("lap") || named.startsWith("robotic") || text.contains("laparoscop")
                || text.matches("(?s).*\\b(ports?|trocars?)\\b.*")) {
            return "4";
        }
        return "0";
    }

    static String side(String words) {
        boolean right = words.matches("(?s).*\\b(right|rt|r(?= (hip|knee|shoulder)\\b))\\b.*");
        boolean left = words.matches("(?s).*\\b(left|lt|l(?= (hip|knee|shoulder)\\b))\\b.*");
        return right == left ? (right ? "both" : "") : right ? "right" : "left";
    }

    private static final java.util.Map<String, String> HIP_BEARINGS = java.util.Map.of("1", "metal on metal", "2", "metal on polyethylene",
            "3", "ceramic on ceramic", "4", "ceramic on polyethylene", "6", "oxidized zirconium on polyethylene");
    private static final Pattern POLYETHYLENE = Pattern.compile("\\b(polyethylene|poly liner|xlpe|cross-linked poly\\w*)\\b");

    /**
     * The device value of a total hip replacement is its bearing surface (0SR9/0SRB: 1 metal, 2 metal on polyethylene, 3 ceramic,
     * 4 ceramic on polyethylene, 6 oxidized zirconium on polyethylene), read from the implants the note lists; J when it does not say.
     */
    static String hipBearing(String text) {
        boolean poly = POLYETHYLENE.matcher(text).find();
        boolean ceramic = text.matches("(?s).*\\bceramic\\b.*");
        boolean zirconium = text.matches("(?s).*\\b(oxidized zirconium|oxinium)\\b.*");
        boolean metal = text.matches("(?s).*\\b(metal|cobalt[- ]chrom\\w*|cocr)\\b.*head.*|(?s).*\\bhead\\b[^.]{0,30}\\b(metal|cobalt[- ]chrom\\w*|cocr)\\b.*");
        if (poly) {
            return zirconium ? "6" : ceramic && !metal ? "4" : metal && !ceramic ? "2" : "J";
        }
        return text.matches("(?s).*\\bceramic[- ]on[- ]ceramic\\b.*") ? "3" : text.matches("(?s).*\\bmetal[- ]on[- ]metal\\b.*") ? "1" : "J";
    }

    private static void joint(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f, NoteFacts facts, String joint,
                              String rightRow, String leftRow) {
        String side = side(facts.around(f, 40));
        if (side.isEmpty() || side.equals("both")) {
            side = side(facts.sentenceOf(f));
        }
        String text = facts.note().text().toLowerCase(java.util.Locale.ROOT);
        String qualifier = text.matches("(?s).*\\b(uncemented|cementless|press-fit|press fit|noncemented)\\b.*") ? "A"
                : text.matches("(?s).*\\bcement(ed)?\\b.*") ? "9" : "Z";
        if (side.equals("right") || side.equals("left")) {
            String device = joint.equals("hip") ? hipBearing(text) : "J";
            add(codes, release, (side.equals("right") ? rightRow : leftRow) + "0" + device + qualifier, f, "replacement of the " + side + " " + joint
                    + " joint with a synthetic substitute" + (device.equals("J") ? "" : " (" + HIP_BEARINGS.get(device) + " bearing)")
                    + (qualifier.equals("9") ? ", cemented" : qualifier.equals("A") ? ", uncemented" : ""));
        } else {
            questions.add("Total " + joint + " replacement: the note does not say which " + joint + " (" + rightRow + " right, " + leftRow
                    + " left): ask the surgeon; do not guess.");
        }
    }

    private static final Pattern ARTERY = Pattern.compile("\\b(lad|left anterior descending|circumflex|lcx|rca|right coronary|obtuse marginal|om\\d?"
            + "|diagonal|ramus|left main|pda|posterior descending)\\b");

    /** Dilation of coronary arteries: the body part counts the arteries treated, the device the stents placed (ICD-10-PCS B4.4, B6.1). */
    private static void coronary(List<Built> codes, java.util.function.Predicate<String> release, NoteFacts.Found f, NoteFacts facts) {
        String sentence = facts.sentenceOf(f);
        Set<String> arteries = new LinkedHashSet<>();
        Matcher m = ARTERY.matcher(sentence);
        while (m.find()) {
            arteries.add(normaliseArtery(m.group(1)));
        }
        if (!sentence.contains("stent") && !sentence.matches("(?s).*\\bdes\\b.*")) {
            // "PCI of the RCA." then "Intervention: ... one drug-eluting stent ... deployed in the mid RCA": the stents are written in the
            // account of the intervention that follows the line naming it
            String devices = stentsWrittenAfter(facts, f);
            if (devices != null) {
                Matcher more = ARTERY.matcher(devices);
                while (more.find()) {
                    arteries.add(normaliseArtery(more.group(1)));
                }
                sentence = devices;
            }
        }
        int arteryCount = Math.max(1, Math.min(4, arteries.size()));
        boolean drugEluting = sentence.contains("drug-eluting") || sentence.contains("drug eluting") || sentence.matches("(?s).*\\bdes\\b.*");
        boolean stent = sentence.contains("stent") || drugEluting;
        int stents = stent ? stentCount(sentence) : 0;
        String device;
        if (stents == 0) {
            device = "Z";
        } else if (drugEluting) {
            device = String.valueOf("4567".charAt(Math.min(stents, 4) - 1));
        } else {
            device = String.valueOf("DEFG".charAt(Math.min(stents, 4) - 1));
        }
        add(codes, release, "027" + (arteryCount - 1) + "3" + device + "Z", f, "dilation of " + arteryCount + " coronary arter"
                + (arteryCount == 1 ? "y" : "ies") + (stents == 0 ? "" : " with " + stents + (drugEluting ? " drug-eluting" : "") + " stent(s)"));
    }

    private static final Pattern NOT_THE_PROCEDURE = Pattern.compile("\\b(course|discharge|diagnos[ie]s|assessment|impression|plan|history|hpi"
            + "|medications?|meds|follow)\\b");

    /** The first of the next few sentences of the procedure account that places a stent ("no stent", a prior stent: none), or null. */
    private static String stentsWrittenAfter(NoteFacts facts, NoteFacts.Found f) {
        List<org.codedesk.casecoding.text.ClinicalText.Sentence> sentences = facts.note().sentences();
        int at = f.mention().sentence();
        for (int i = at + 1; i < sentences.size() && i <= at + 8; i++) {
            org.codedesk.casecoding.text.ClinicalText.Sentence s = sentences.get(i);
            if (s.section() != null && NOT_THE_PROCEDURE.matcher(s.section().toLowerCase(java.util.Locale.ROOT)).find()) {
                return null;
            }
            String line = facts.note().text().substring(s.start(), s.end()).toLowerCase(java.util.Locale.ROOT);
            if (line.contains("stent") && !line.matches("(?s).*\\b(no|prior|previous|old|patent|in-stent)\\s+(\\w+\\s+)?stents?\\b.*")) {
                return line;
            }
        }
        return null;
    }

    private static String normaliseArtery(String name) {
        return switch (name) {
            case "left anterior descending" -> "lad";
            case "lcx" -> "circumflex";
            case "right coronary" -> "rca";
            case "posterior descending" -> "pda";
            default -> name.startsWith("om") || name.equals("obtuse marginal") ? "om" : name;
        };
    }

    private static final Pattern STENT_COUNT = Pattern.compile("\\b(one|a|single|two|2|three|3|four|4)\\s+(overlapping\\s+)?(drug[- ]eluting\\s+|bare[- ]metal\\s+)?stents?\\b");

    private static int stentCount(String sentence) {
        Matcher m = STENT_COUNT.matcher(sentence);
        if (m.find()) {
            return switch (m.group(1)) {
                case "two", "2" -> 2;
                case "three", "3" -> 3;
                case "four", "4" -> 4;
                default -> 1;
            };
        }
        // "DES x2", "stents x 2", "x2 DES"
        Matcher times = Pattern.compile("\\b(des|stents?)\\s*x\\s*([1-4])\\b|\\bx\\s*([1-4])\\s+(des|drug[- ]eluting|stents?)\\b").matcher(sentence);
        if (times.find()) {
            return Integer.parseInt(times.group(2) != null ? times.group(2) : times.group(3));
        }
        // stent sizes written out ("3.0 x 28 mm and 3.0 x 15 mm") count the stents
        Matcher sizes = Pattern.compile("\\d\\.\\d+\\s*x\\s*\\d+\\s*mm").matcher(sentence);
        int n = 0;
        while (sizes.find()) {
            n++;
        }
        return Math.max(1, n);
    }

    private static final Pattern POLYPECTOMY_SITE = Pattern.compile("\\b(cecum|cecal|ascending|hepatic flexure|transverse|splenic flexure|descending"
            + "|sigmoid|rectum|rectal|rectosigmoid)\\b");

    /** Excision of the segment a polyp was taken from (snare polypectomy: therapeutic; forceps biopsy only: diagnostic, X). */
    private static void colonoscopy(List<Built> codes, java.util.function.Predicate<String> release, NoteFacts.Found f, String text) {
        boolean polypectomy = text.contains("polypectomy") || text.matches("(?s).*\\bsnare\\b.*");
        boolean biopsy = text.matches("(?s).*\\bbiops(y|ies)\\b.*");
        if (!polypectomy && !biopsy) {
            add(codes, release, "0DJD8ZZ", f, "inspection of the lower intestinal tract, endoscopic");
            return;
        }
        // the findings say where each polyp was taken from; the procedure's own line ("colonoscopy to the cecum") only when they do not
        Set<String> segments = segments(text, false);
        if (segments.isEmpty()) {
            segments = segments(text, true);
        }
        if (segments.isEmpty()) {
            segments.add("E");
        }
        String qualifier = polypectomy ? "Z" : "X";
        for (String segment : segments) {
            add(codes, release, "0DB" + segment + "8Z" + qualifier, f, polypectomy ? "excision (snare polypectomy) by colonoscopy" : "biopsy by colonoscopy");
        }
    }

    private static Set<String> segments(String text, boolean titleLines) {
        Set<String> segments = new LinkedHashSet<>();
        for (String line : text.split("\\n")) {
            boolean removed = line.contains("snare") || line.contains("removed") || line.contains("polypectomy") || line.contains("biops");
            if (!removed || !line.contains("polyp") && !line.contains("biops") || line.contains("colonoscop") != titleLines) {
                continue;
            }
            Matcher m = POLYPECTOMY_SITE.matcher(line);
            if (m.find()) {
                segments.add(segmentCharacter(m.group(1)));
            }
        }
        return segments;
    }

    private static String segmentCharacter(String site) {
        return switch (site) {
            case "cecum", "cecal" -> "H";
            case "ascending", "hepatic flexure" -> "K";
            case "transverse" -> "L";
            case "splenic flexure", "descending" -> "M";
            case "sigmoid", "rectosigmoid" -> "N";
            default -> "P";
        };
    }

    /**
     * Bleeding stopped at the endoscopy: clips, an injection of epinephrine, cautery or coagulation, argon plasma, "hemostasis achieved"
     * (not "no stigmata", nor a plan): the control of bleeding in the gastrointestinal tract (0W3P8ZZ, PCS B3.7), which includes the
     * inspection.
     */
    private static final Pattern ENDOSCOPIC_HEMOSTASIS = Pattern.compile("\\b(hemo-?clips?|endoclips?|clips? (were |was )?(placed|applied|deployed)"
            + "|\\d+ clips?|epinephrine injection|injected with epinephrine|epi(nephrine)? inject\\w*|(bipolar|multipolar|heater probe|thermal|gold probe)"
            + " (cautery|coagulation|electrocoagulation)|electrocoagulation|cauterized|argon plasma coagulation|hemostasis (was )?(achieved|obtained)"
            + "|hemostatic (powder|spray))\\b");
    /** A line of the endoscopy's account: the endoscopy itself or the bleeding lesion treated. */
    private static final Pattern ENDOSCOPY_LINE = Pattern.compile("\\b(egd|esophagogastroduodenoscopy|endoscop\\w*|ulcer|bleed\\w*|vessel|dieulafoy"
            + "|angioectasia|avm|mallory)\\b");

    /** Excision of the part biopsied, diagnostic (X); without a biopsy, inspection of the upper intestinal tract. */
    private static void egd(List<Built> codes, java.util.function.Predicate<String> release, NoteFacts.Found f, String text) {
        boolean controlled = false;
        for (String line : text.split("\\n")) {
            if (!ENDOSCOPY_LINE.matcher(line).find()) {
                continue;
            }
            Matcher hemostasis = ENDOSCOPIC_HEMOSTASIS.matcher(line);
            while (hemostasis.find()) {
                String before = line.substring(Math.max(0, hemostasis.start() - 30), hemostasis.start());
                if (!before.matches("(?s).*\\b(no|not|without|plan|planned|consider|if|prior|previous)\\b[^.]*$")) {
                    controlled = true;
                    break;
                }
            }
        }
        if (controlled) {
            add(codes, release, "0W3P8ZZ", f, "control of bleeding in the gastrointestinal tract, endoscopic (clips, injection or coagulation)");
        }
        // each line that speaks of a biopsy says where it was taken (the colonoscopy's lines are not the EGD's)
        Set<String> parts = new LinkedHashSet<>();
        for (String around : text.split("\\n")) {
            if (!around.matches("(?s).*\\bbiops(y|ies)\\b.*") || around.contains("no biops") || around.contains("colon")) {
                continue;
            }
            if (around.contains("duoden")) {
                parts.add("9");
            } else if (around.contains("esophag") || around.contains("barrett")) {
                parts.add("5");
            } else if (around.contains("antrum") || around.contains("gastric") || around.contains("stomach") || around.contains("body")) {
                parts.add("6");
            }
        }
        if (parts.isEmpty()) {
            if (!controlled && !text.matches("(?s).*\\bbiops(y|ies)\\b.*")) {
                add(codes, release, "0DJ08ZZ", f, "inspection of the upper intestinal tract, endoscopic");
            }
            return;
        }
        for (String part : parts) {
            add(codes, release, "0DB" + part + "8ZX", f, "biopsy (diagnostic excision) by upper endoscopy");
        }
    }

    private static void cesarean(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f, String text) {
        if (text.contains("classical")) {
            add(codes, release, "10D00Z0", f, "extraction of products of conception, classical");
        } else if (text.contains("extraperitoneal")) {
            add(codes, release, "10D00Z2", f, "extraction of products of conception, extraperitoneal");
        } else if (text.matches("(?s).*\\b(low transverse|low cervical|lower segment|kerr)\\b.*")) {
            add(codes, release, "10D00Z1", f, "extraction of products of conception, low (cervical)");
        } else {
            questions.add("Cesarean delivery: the note does not say the type of uterine incision (10D00Z0 classical, 10D00Z1 low, 10D00Z2"
                    + " extraperitoneal): ask.");
        }
    }

    /** Noninvasive ventilation given in the stay (not the patient's home CPAP): BiPAP, CPAP, high-flow nasal cannula. */
    private static final Pattern NONINVASIVE_VENTILATION = Pattern.compile("\\b(bipap|bi-pap|bilevel|nippv|niv|noninvasive (positive pressure )?ventilation"
            + "|cpap|high[- ]flow nasal cannula|hfnc)\\b");

    /**
     * Assistance with respiratory ventilation (5A09) by the consecutive hours (under 24: 3, 24 to 96: 4, over 96: 5) and the
     * kind: intermittent positive airway pressure (BiPAP, 8), continuous positive airway pressure (7), high nasal flow (A).
     */
    private static void noninvasiveVentilation(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f,
                                               String text) {
        String kind = f.text().matches("(?s).*(high|hfnc).*") ? "A" : f.text().contains("cpap") && !f.text().contains("bi") ? "7" : "8";
        // the hours written in the sentence of the ventilation ("... until 11/29 at 02:00 (36 hours)"), not another's
        java.util.regex.Matcher sentenceEnd = Pattern.compile("\\.(\\s|$)|\\n").matcher(text);
        int end = sentenceEnd.find(f.end()) ? sentenceEnd.start() : text.length();
        Integer hours = duration(text.substring(f.start(), Math.min(end, f.end() + 200)));
        if (hours == null) {
            questions.add("Noninvasive ventilation: the note does not give the consecutive hours (5A0935-, 5A0945-, 5A0955-): ask.");
            return;
        }
        String duration = hours > 96 ? "5" : hours >= 24 ? "4" : "3";
        add(codes, release, "5A09" + duration + "5" + kind, f, "assistance with respiratory ventilation, " + hours + " consecutive hours, "
                + (kind.equals("8") ? "intermittent positive airway pressure" : kind.equals("7") ? "continuous positive airway pressure" : "high nasal flow"));
    }

    /** Said of an operation that was not done: "aspiration thrombectomy not performed", "never HFNC or BiPAP". */
    static final Pattern NOT_DONE = Pattern.compile("\\b(not|never|no|without|declined|refused|deferred)\\b");
    private static final Pattern THROMBECTOMY = Pattern.compile("\\b(thrombectomy|embolectomy|thromboembolectomy)\\b");
    /** Lower limb arteries of table 04C, right and left body part values. */
    static final java.util.Map<String, String[]> LOWER_ARTERIES = new java.util.LinkedHashMap<>();

    static {
        LOWER_ARTERIES.put("common iliac", new String[] {"C", "D"});
        LOWER_ARTERIES.put("internal iliac", new String[] {"E", "F"});
        LOWER_ARTERIES.put("external iliac", new String[] {"H", "J"});
        LOWER_ARTERIES.put("femoral", new String[] {"K", "L"});
        LOWER_ARTERIES.put("popliteal", new String[] {"M", "N"});
        LOWER_ARTERIES.put("anterior tibial", new String[] {"P", "Q"});
        LOWER_ARTERIES.put("posterior tibial", new String[] {"R", "S"});
        LOWER_ARTERIES.put("peroneal", new String[] {"T", "U"});
    }

    /**
     * A thrombectomy or embolectomy of a lower limb artery is the extirpation of matter from it (04C): the artery and side the
     * sentence names (the superficial femoral artery is the femoral artery), open through an arteriotomy or a cutdown, else
     * percutaneous when a catheter was passed through the skin.
     */
    private static void thrombectomy(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f,
                                     NoteFacts facts) {
        String sentence = facts.sentenceOf(f);
        String side = side(sentence.replaceAll("\\bl\\b", "left").replaceAll("\\br\\b", "right"));
        String artery = LOWER_ARTERIES.keySet().stream().filter(a -> sentence.matches("(?s).*\\b" + a + "\\b.*")).findFirst()
                .orElse(sentence.matches("(?s).*\\b(sfa|cfa)\\b.*") ? "femoral" : null);
        if (artery == null) {
            return;
        }
        if (!side.equals("right") && !side.equals("left")) {
            questions.add("Thrombectomy of the " + artery + " artery: the note does not say which side: ask.");
            return;
        }
        String approach = sentence.matches("(?s).*\\b(percutaneous|catheter-directed|mechanical thrombectomy device|angiojet|sheath)\\b.*")
                && !sentence.matches("(?s).*\\b(arteriotomy|cutdown|incision|exposure|open)\\b.*") ? "3" : "0";
        String bodyPart = LOWER_ARTERIES.get(artery)[side.equals("right") ? 0 : 1];
        add(codes, release, "04C" + bodyPart + approach + "ZZ", f, "extirpation of matter (thrombectomy) from the " + side + " " + artery + " artery");
    }

    private static final Pattern HOURS = Pattern.compile("(\\d+)\\s*(consecutive\\s+)?(hours|hrs|h)\\b");
    private static final Pattern DAYS = Pattern.compile("(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+days?\\b");

    /** Respiratory ventilation by consecutive hours: under 24 (5A1935Z), 24 to 96 (5A1945Z), over 96 (5A1955Z). */
    private static void ventilation(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f, String text) {
        // the duration written after the ventilation (same paragraph) first, then before it
        Integer hours = duration(text.substring(f.start(), Math.min(text.length(), f.end() + 200)));
        if (hours == null) {
            hours = duration(text.substring(Math.max(0, f.start() - 200), f.start()));
        }
        if (hours == null) {
            questions.add("Mechanical ventilation: the note does not give the consecutive hours (5A1935Z under 24, 5A1945Z 24-96, 5A1955Z"
                    + " over 96): ask.");
            return;
        }
        String code = hours > 96 ? "5A1955Z" : hours >= 24 ? "5A1945Z" : "5A1935Z";
        add(codes, release, code, f, "respiratory ventilation, " + hours + " consecutive hours");
    }

    private static Integer duration(String window) {
        Matcher h = HOURS.matcher(window);
        if (h.find()) {
            return Integer.parseInt(h.group(1));
        }
        Matcher d = DAYS.matcher(window);
        return d.find() ? 24 * number(d.group(1)) : null;
    }

    private static int number(String word) {
        List<String> words = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        int at = words.indexOf(word);
        return at >= 0 ? at + 1 : Integer.parseInt(word);
    }

    /** Supplement of the inguinal region with mesh (synthetic substitute, J), or repair without one. */
    private static void inguinal(List<Built> codes, List<String> questions, java.util.function.Predicate<String> release, NoteFacts.Found f, NoteFacts facts, String text) {
        String side = side(facts.sentenceOf(f));
        if (side.isEmpty()) {
            side = side(text);
        }
        String bodyPart = switch (side) {
            case "right" -> "5";
            case "left" -> "6";
            case "both" -> "A";
            default -> "";
        };
        if (bodyPart.isEmpty()) {
            questions.add("Inguinal hernia repair: the note does not say which side (0YU5 right, 0YU6 left, 0YUA bilateral): ask.");
            return;
        }
        String approach = text.contains("laparoscop") || text.contains("tapp") || text.contains("totally extraperitoneal") || text.contains("robotic")
                ? "4" : "0";
        boolean mesh = text.contains("mesh");
        add(codes, release, mesh ? "0YU" + bodyPart + approach + "JZ" : "0YQ" + bodyPart + approach + "ZZ", f,
                mesh ? "supplement of the inguinal region with mesh" : "repair of the inguinal region");
    }

    private static void colectomy(List<Built> codes, java.util.function.Predicate<String> release, NoteFacts.Found f, String text) {
        String named = f.text();
        String part = named.startsWith("right") ? "F" : named.startsWith("left") ? "G" : "N";
        String approach = text.contains("laparoscop") || text.contains("robotic") ? "4" : "0";
        add(codes, release, "0DT" + part + approach + "ZZ", f, "resection of the " + (part.equals("F") ? "right large intestine"
                : part.equals("G") ? "left large intestine" : "sigmoid colon"));
    }

    static Optional<String> row(String code) {
        return code.length() >= 4 ? Optional.of(code.substring(0, 4)) : Optional.empty();
    }
}
