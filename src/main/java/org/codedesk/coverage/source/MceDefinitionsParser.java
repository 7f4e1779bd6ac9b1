package org.codedesk.coverage.source;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.BoundedLineReader;

/**
 * Reads the CMS "Definitions of Medicare Code Edits" text (Windows-1252): the header ("v43.1 April 2026"), then
 * chapter 1's numbered edits ("4. Age conflict", "5. Sex conflict (deactivated as of 10/01/2024)"), their lettered
 * lists ("A. Perinatal/Newborn diagnoses", "A. Diagnoses for females only"), each followed by code lines ({@code CODE<tab>short title}, a leading {@code *} marking an unacceptable
 * principal diagnosis that is acceptable with a secondary diagnosis). Reading stops at chapter 2 (the changes).
 * Lists read: the four age conflict lists, the sex conflict lists of the layouts that have them (diagnoses and
 * procedures for females only, for males only), manifestation codes, questionable admission codes, unacceptable
 * principal diagnoses, always non-covered procedures (11.A), limited coverage procedures (17.A), wrong procedure
 * performed codes and unspecified (laterality) codes. Conditional lists (non-covered unless or only with certain
 * diagnoses, questionable obstetric admission) are not read.
 */
public final class MceDefinitionsParser {

    /** The code lists CodeDesk reads, with the edit they belong to. */
    public enum CodeList {
        NEWBORN_AGE, PEDIATRIC_AGE, MATERNITY_AGE, ADULT_AGE,
        FEMALE_DIAGNOSIS, FEMALE_PROCEDURE, MALE_DIAGNOSIS, MALE_PROCEDURE,
        MANIFESTATION, QUESTIONABLE_ADMISSION, UNACCEPTABLE_PRINCIPAL, NONCOVERED_PROCEDURE, LIMITED_COVERAGE, WRONG_PROCEDURE,
        UNSPECIFIED
    }

    public record Code(CodeList list, String code, boolean acceptableWithSecondary) { }

    /** A numbered edit of chapter 1 and the date it stopped applying ("deactivated as of", "discontinued as of"), if any. */
    public record Edit(int number, String title, LocalDate inactiveFrom) { }

    public record Definitions(String version, LocalDate effectiveFrom, List<Edit> edits, List<Code> codes) { }

    private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+)\\s+([A-Za-z]+)\\s+(\\d{4})");
    private static final Pattern EDIT = Pattern.compile("(\\d{1,2})\\.\\s+(.+)");
    private static final Pattern LETTER = Pattern.compile("([A-G])\\.\\s+(.+)");
    private static final Pattern CODE = Pattern.compile("(\\*?)([A-Z0-9]{3,7})\\s*\\t.*");
    private static final Pattern INACTIVE = Pattern.compile("\\((?:deactivated|discontinued) as of (\\d{2}/\\d{2}/\\d{4})\\)");

    private MceDefinitionsParser() {
    }

    public static Definitions parse(InputStream in, String origin) {
        String version = null;
        LocalDate effective = null;
        List<Edit> edits = new ArrayList<>();
        List<Code> codes = new ArrayList<>();
        boolean body = false;
        int edit = 0;
        CodeList list = null;
        long lineNumber = 0;
        BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(in, Charset.forName("windows-1252")), BoundedLineReader.MAX_LINE,
                (line, reason) -> new CoverageFileException(origin, line, reason));
        String raw;
        while ((raw = reader.readLine()) != null) {
            lineNumber++;
            String line = raw.strip();
            if (version == null) {
                Matcher v = VERSION.matcher(line);
                if (v.find()) {
                    version = "v" + v.group(1);
                    effective = month(v.group(2), v.group(3), origin, lineNumber);
                }
            }
            if (!body) {
                body = line.equals("Chapter 1: Edit code lists"); // the table of contents' line ends with a page number
                continue;
            }
            if (line.startsWith("Chapter 2:")) {
                break;
            }
            Matcher c = CODE.matcher(raw.stripLeading());
            if (c.matches()) {
                if (list != null) {
                    codes.add(new Code(list, c.group(2), !c.group(1).isEmpty()));
                }
                continue;
            }
            Matcher e = EDIT.matcher(line);
            if (e.matches() && e.group(1).equals("1") && !edits.isEmpty() && edits.get(0).title().equals(e.group(2))) {
                edits.clear(); // chapter 1 lists its edits before describing them: the descriptions start here
                edit = 0;
            }
            if (e.matches() && Integer.parseInt(e.group(1)) != edit + 1) {
                list = null; // a numbered sub-list ("1. Cesarean section procedure codes"), not one CodeDesk reads
                continue;
            }
            if (e.matches()) { // chapter 1 numbers its edits in order
                edit = Integer.parseInt(e.group(1));
                Matcher inactive = INACTIVE.matcher(e.group(2));
                edits.add(new Edit(edit, e.group(2).replaceAll("\\s*\\(.*\\)$", ""),
                        inactive.find() ? LocalDate.parse(inactive.group(1), DateTimeFormatter.ofPattern("MM/dd/yyyy")) : null));
                list = listOf(edit, null, line);
                continue;
            }
            Matcher l = LETTER.matcher(line);
            if (l.matches()) {
                list = listOf(edit, l.group(1), l.group(2));
            } else if (line.toLowerCase(Locale.ROOT).startsWith("questionable obstetric admission")) {
                list = null;
            }
        }
        if (version == null) {
            throw new CoverageFileException(origin, 0, "no version line (\"v43.1 April 2026\"): not the Definitions of Medicare Code Edits");
        }
        if (codes.isEmpty()) {
            throw new CoverageFileException(origin, lineNumber, "no code lists found after \"Chapter 1: Edit code lists\"");
        }
        return new Definitions(version, effective, edits, codes);
    }

    /** The list a heading starts under edit {@code edit}; null when CodeDesk does not read it. */
    private static CodeList listOf(int edit, String letter, String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        return switch (edit) {
            case 4 -> letter == null ? null : switch (letter) {
                case "A" -> CodeList.NEWBORN_AGE;
                case "B" -> CodeList.PEDIATRIC_AGE;
                case "C" -> CodeList.MATERNITY_AGE;
                case "D" -> CodeList.ADULT_AGE;
                default -> null;
            };
            case 5 -> letter == null || !h.contains("only") ? null : h.contains("female") ? (h.contains("procedure") ? CodeList.FEMALE_PROCEDURE : CodeList.FEMALE_DIAGNOSIS)
                    : h.contains("male") ? (h.contains("procedure") ? CodeList.MALE_PROCEDURE : CodeList.MALE_DIAGNOSIS) : null;
            case 6 -> CodeList.MANIFESTATION;
            case 8 -> h.contains("obstetric") || "B".equals(letter) ? null : CodeList.QUESTIONABLE_ADMISSION;
            case 9 -> CodeList.UNACCEPTABLE_PRINCIPAL;
            case 11 -> "A".equals(letter) ? CodeList.NONCOVERED_PROCEDURE : null;
            case 17 -> "A".equals(letter) ? CodeList.LIMITED_COVERAGE : null;
            case 18 -> CodeList.WRONG_PROCEDURE;
            case 20 -> CodeList.UNSPECIFIED;
            default -> null;
        };
    }

    private static LocalDate month(String name, String year, String origin, long line) {
        try {
            return LocalDate.parse("1 " + name + " " + year, DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        } catch (RuntimeException e) {
            throw new CoverageFileException(origin, line, "\"" + name + " " + year + "\" is not a month");
        }
    }
}
