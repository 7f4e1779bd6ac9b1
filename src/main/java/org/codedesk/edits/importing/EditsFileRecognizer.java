package org.codedesk.edits.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.ImportFile;
import org.codedesk.edits.Dataset;

/**
 * Tells an official edits file by the name CMS gives it, and the release it belongs to (see
 * docs/data-import.md). Names only: a file is never guessed at from its content.
 */
final class EditsFileRecognizer {

    // NCCI PTP: ccipra-v321r0-f1.txt (practitioner), ccioph-v321r0-f1.txt (outpatient hospital); v32.1 = 2026 Q2
    private static final Pattern PTP = Pattern.compile("cci(pra|oph)-v(\\d{2})(\\d)r\\d+-f\\d+\\.txt");
    private static final Pattern MUE = Pattern.compile("mcr_mue_(practitioner|outpatienthospital|dmesupplier)services_eff_(\\d{2})-(\\d{2})-(\\d{4})\\.(csv|xlsx)");
    private static final Pattern AOC = Pattern.compile("aoc_v(\\d{4})q([1-4])-mcr\\.xlsx");
    private static final Pattern RVU = Pattern.compile("pprrvu(\\d{4}|\\d{2})_?(jan|apr|jul|oct|[abcd])?[^.]*\\.csv");
    // OPPS imaging caps of an RVU release: OPPSCAP_Oct.csv, no year in the name (RVU25D.zip or its folder gives it)
    private static final Pattern OPPS_CAP = Pattern.compile("oppscap[_-]?(jan|apr|jul|oct)?[^.]*\\.csv");
    private static final Pattern RVU_RELEASE = Pattern.compile("rvu(\\d{2})([a-d])");
    private static final Pattern GPCI = Pattern.compile("gpci(\\d{4})\\.csv");
    private static final Pattern LOCCO = Pattern.compile("(\\d{2})locco\\.csv");
    private static final Pattern GEM_DX = Pattern.compile("(\\d{4})_i(10|9)gem\\.txt");
    private static final Pattern GEM_PCS = Pattern.compile("gem_(pcsi9|i9pcs)\\.txt");
    private static final Pattern POS = Pattern.compile("(place[-_ ]?of[-_ ]?service|pos[-_]codes)[^.]*\\.(csv|tsv|txt)");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(20\\d{2})-(\\d{2})");

    Optional<EditsFile> recognize(ImportFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = PTP.matcher(name)).matches()) {
            int year = 1994 + Integer.parseInt(m.group(2));
            int quarter = Integer.parseInt(m.group(3)) + 1;
            return quarter(m.group(1).equals("pra") ? Dataset.PTP_PRACTITIONER : Dataset.PTP_HOSPITAL, year, quarter, file);
        }
        if ((m = MUE.matcher(name)).matches()) {
            Dataset dataset = switch (m.group(1)) {
                case "practitioner" -> Dataset.MUE_PRACTITIONER;
                case "outpatienthospital" -> Dataset.MUE_HOSPITAL;
                default -> Dataset.MUE_DME;
            };
            LocalDate effective = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new EditsFile(dataset, effective.getYear() + "-Q" + ((effective.getMonthValue() - 1) / 3 + 1), effective, file));
        }
        if ((m = AOC.matcher(name)).matches()) {
            return quarter(Dataset.ADD_ON, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), file);
        }
        if ((m = RVU.matcher(name)).matches()) {
            int year = fullYear(m.group(1));
            int quarter = m.group(2) == null ? 1 : switch (m.group(2)) {
                case "apr", "b" -> 2;
                case "jul", "c" -> 3;
                case "oct", "d" -> 4;
                default -> 1;
            };
            LocalDate effective = LocalDate.of(year, quarter * 3 - 2, 1);
            return Optional.of(new EditsFile(Dataset.PFS_RVU, year + "-" + "ABCD".charAt(quarter - 1), effective, file));
        }
        if ((m = OPPS_CAP.matcher(name)).matches()) {
            return Optional.of(oppsCap(file, m.group(1)));
        }
        if ((m = GPCI.matcher(name)).matches()) {
            return annual(Dataset.PFS_GPCI, Integer.parseInt(m.group(1)), file);
        }
        if ((m = LOCCO.matcher(name)).matches()) {
            return annual(Dataset.PFS_LOCALITY, fullYear(m.group(1)), file);
        }
        if ((m = GEM_DX.matcher(name)).matches()) {
            return gem(m.group(2).equals("10") ? Dataset.GEM_I10_I9 : Dataset.GEM_I9_I10, Integer.parseInt(m.group(1)), file);
        }
        if ((m = GEM_PCS.matcher(name)).matches()) {
            Matcher year = YEAR.matcher(file.origin());
            Integer found = null;
            while (year.find()) {
                found = Integer.parseInt(year.group(1));
            }
            return gem(m.group(1).equals("pcsi9") ? Dataset.GEM_PCS_I9 : Dataset.GEM_I9_PCS, found, file);
        }
        if ((m = POS.matcher(name)).matches()) {
            Matcher ym = YEAR_MONTH.matcher(name);
            if (ym.find()) {
                LocalDate effective = LocalDate.of(Integer.parseInt(ym.group(1)), Integer.parseInt(ym.group(2)), 1);
                return Optional.of(new EditsFile(Dataset.PLACE_OF_SERVICE, ym.group(1) + "-" + ym.group(2), effective, file));
            }
            Matcher y = YEAR.matcher(name);
            return y.find() ? annual(Dataset.PLACE_OF_SERVICE, Integer.parseInt(y.group(1)), file)
                    : Optional.of(new EditsFile(Dataset.PLACE_OF_SERVICE, "undated", LocalDate.of(2003, 1, 1), file));
        }
        return Optional.empty();
    }

    /**
     * The files of one import, recognised. An OPPSCAP file whose name and place do not give its year takes the release
     * of the PPRRVU file of the same quarter beside it (same folder or zip folder); failing that it stays undated
     * ({@link EditsFile#undated()}) and the importer says why.
     */
    List<EditsFile> recognizeAll(List<ImportFile> files) {
        List<EditsFile> recognized = files.stream().map(this::recognize).flatMap(Optional::stream).toList();
        List<EditsFile> result = new ArrayList<>();
        for (EditsFile f : recognized) {
            if (f.undated() && f.dataset() == Dataset.PFS_OPPS_CAP) {
                Integer quarter = quarterOfMonth(monthOf(f.file().name()));
                List<EditsFile> beside = recognized.stream().filter(r -> r.dataset() == Dataset.PFS_RVU
                                && folder(r.file()).equals(folder(f.file())) && (quarter == null || r.version().endsWith(String.valueOf("ABCD".charAt(quarter - 1)))))
                        .map(r -> new EditsFile(Dataset.PFS_OPPS_CAP, r.version(), r.effectiveFrom(), f.file())).distinct().toList();
                List<String> versions = beside.stream().map(EditsFile::version).distinct().toList();
                result.add(versions.size() == 1 ? beside.get(0) : f);
            } else {
                result.add(f);
            }
        }
        return result;
    }

    /** OPPSCAP_Oct.csv: the month is in the name, the year in the release zip or folder (RVU25D = 2025, quarter D). */
    private static EditsFile oppsCap(ImportFile file, String month) {
        Integer quarter = quarterOfMonth(month);
        Matcher release = RVU_RELEASE.matcher(folder(file).toLowerCase(Locale.ROOT));
        Integer year = null;
        while (release.find()) {
            year = 2000 + Integer.parseInt(release.group(1));
            if (quarter == null) {
                quarter = release.group(2).charAt(0) - 'a' + 1;
            }
        }
        if (year == null || quarter == null) {
            return new EditsFile(Dataset.PFS_OPPS_CAP, null, null, file);
        }
        return new EditsFile(Dataset.PFS_OPPS_CAP, year + "-" + "ABCD".charAt(quarter - 1), LocalDate.of(year, quarter * 3 - 2, 1), file);
    }

    private static String monthOf(String name) {
        Matcher m = OPPS_CAP.matcher(name.toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }

    private static Integer quarterOfMonth(String month) {
        return month == null ? null : switch (month) {
            case "apr" -> 2;
            case "jul" -> 3;
            case "oct" -> 4;
            default -> 1;
        };
    }

    /** Where the file lies: its origin without its own name (a folder path, or "archive.zip!folder/"). */
    private static String folder(ImportFile file) {
        String origin = file.origin();
        return origin.endsWith(file.name()) ? origin.substring(0, origin.length() - file.name().length()) : origin;
    }

    private static Optional<EditsFile> quarter(Dataset dataset, int year, int quarter, ImportFile file) {
        return Optional.of(new EditsFile(dataset, year + "-Q" + quarter, LocalDate.of(year, quarter * 3 - 2, 1), file));
    }

    private static Optional<EditsFile> annual(Dataset dataset, int year, ImportFile file) {
        return Optional.of(new EditsFile(dataset, String.valueOf(year), LocalDate.of(year, 1, 1), file));
    }

    /** GEMs are published per fiscal year: the 2018 GEMs took effect on 1 October 2017. */
    private static Optional<EditsFile> gem(Dataset dataset, Integer year, ImportFile file) {
        return year == null ? Optional.of(new EditsFile(dataset, "undated", LocalDate.of(2015, 10, 1), file))
                : Optional.of(new EditsFile(dataset, "FY" + year, LocalDate.of(year - 1, 10, 1), file));
    }

    private static int fullYear(String digits) {
        return digits.length() == 2 ? 2000 + Integer.parseInt(digits) : Integer.parseInt(digits);
    }
}
