package org.codedesk.edits.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.codedesk.edits.Dataset;
import org.codedesk.edits.source.AddOnCodeParser;
import org.codedesk.edits.source.AddOnRow;
import org.codedesk.edits.source.EditsFileException;
import org.codedesk.edits.source.GemFileParser;
import org.codedesk.edits.source.GpciFileParser;
import org.codedesk.edits.source.GpciRow;
import org.codedesk.edits.source.LocalityFileParser;
import org.codedesk.edits.source.LocalityRow;
import org.codedesk.edits.source.MueFileParser;
import org.codedesk.edits.source.MueRow;
import org.codedesk.edits.source.MueTable;
import org.codedesk.edits.source.OppsCapFileParser;
import org.codedesk.edits.source.OppsCapRow;
import org.codedesk.edits.source.PlaceOfServiceParser;
import org.codedesk.edits.source.PtpFileParser;
import org.codedesk.edits.source.RvuFile;
import org.codedesk.edits.source.RvuFileParser;
import org.codedesk.edits.source.RvuRow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Parses the files of one release and streams their rows into the edits tables under a release id. Runs
 * inside the import's transaction: a file that breaks its format throws, and nothing of the release stays.
 */
final class EditsReleaseLoader {

    private final JdbcTemplate jdbc;

    EditsReleaseLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the files into the release; returns the number of rows written. */
    int load(long releaseId, Dataset dataset, List<EditsFile> files) {
        int rows = 0;
        for (EditsFile file : files) {
            rows += switch (dataset) {
                case PTP_PRACTITIONER, PTP_HOSPITAL -> ptp(releaseId, file);
                case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> mue(releaseId, dataset, file);
                case ADD_ON -> addOn(releaseId, file);
                case PFS_RVU -> rvu(releaseId, file);
                case PFS_GPCI -> gpci(releaseId, file);
                case PFS_LOCALITY -> locality(releaseId, file);
                case PFS_OPPS_CAP -> oppsCap(releaseId, file);
                case GEM_I10_I9, GEM_I9_I10, GEM_PCS_I9, GEM_I9_PCS -> gem(releaseId, file);
                case PLACE_OF_SERVICE -> placeOfService(releaseId, file);
            };
        }
        return rows;
    }

    private int ptp(long id, EditsFile file) {
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_ptp", "release_id", "column1", "column2", "prior_1996", "effective_date",
                "deletion_date", "modifier_indicator", "rationale")) {
            read(file, in -> {
                PtpFileParser.parse(in, file.file().origin(), r -> insert.add(id, r.column1(), r.column2(), r.priorTo1996(), r.effective(),
                        r.deleted(), r.modifierIndicator(), clip(r.rationale(), 300)));
                return null;
            });
            return insert.count();
        }
    }

    private int mue(long id, Dataset dataset, EditsFile file) {
        MueTable table = read(file, in -> file.extension().equals("xlsx")
                ? MueFileParser.parseXlsx(in, file.file().origin()) : MueFileParser.parseCsv(in, file.file().origin()));
        String expected = switch (dataset) {
            case MUE_PRACTITIONER -> "practitioner";
            case MUE_HOSPITAL -> "outpatient hospital";
            default -> "dme supplier";
        };
        if (!table.setting().toLowerCase(java.util.Locale.ROOT).contains(expected)) {
            throw new EditsFileException(file.file().origin(), 0, "the file's header names the setting \"" + table.setting()
                    + "\", not " + expected + " services as its name says");
        }
        Set<String> seen = new HashSet<>();
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_mue", "release_id", "code", "mue_value", "adjudication",
                "adjudication_text", "rationale")) {
            for (MueRow r : table.rows()) {
                if (!seen.add(r.code())) {
                    throw new EditsFileException(file.file().origin(), 0, "code " + r.code() + " is listed twice");
                }
                insert.add(id, r.code(), r.value(), r.adjudicationIndicator(), clip(r.adjudicationText(), 120), clip(r.rationale(), 300));
            }
            return insert.count();
        }
    }

    private int addOn(long id, EditsFile file) {
        List<AddOnRow> rows = read(file, in -> AddOnCodeParser.parseXlsx(in, file.file().origin()));
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_add_on", "release_id", "add_on_code", "primary_code", "edit_type",
                "effective_date", "deletion_date", "note")) {
            rows.forEach(r -> insert.add(id, r.addOnCode(), r.primaryCode(), r.editType(), r.effective(), r.deleted(), clip(r.note(), 2000)));
            return insert.count();
        }
    }

    private int rvu(long id, EditsFile file) {
        RvuFile rvu = read(file, in -> RvuFileParser.parseCsv(in, file.file().origin()));
        Set<String> seen = new HashSet<>();
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_rvu", "release_id", "code", "modifier", "status", "not_used", "work",
                "pe_nonfacility", "nonfacility_na", "pe_facility", "facility_na", "malpractice", "total_nonfacility", "total_facility",
                "pctc", "global_days", "pre_op", "intra_op", "post_op", "mult_proc", "bilateral", "assistant", "co_surgeon", "team",
                "endo_base", "conversion_factor", "supervision", "imaging_family")) {
            for (RvuRow r : rvu.rows()) {
                if (!seen.add(r.code() + "|" + r.modifier())) {
                    continue; // a code/modifier pair listed twice keeps its first row (the key of the table)
                }
                insert.add(id, r.code(), r.modifier(), r.status(), r.notUsedForMedicarePayment(), r.work(), r.peNonFacility(),
                        r.nonFacilityNa(), r.peFacility(), r.facilityNa(), r.malpractice(), r.totalNonFacility(), r.totalFacility(),
                        nz(r.pcTc()), nz(r.globalDays()), r.preOp(), r.intraOp(), r.postOp(), nz(r.multipleProcedure()), nz(r.bilateral()),
                        nz(r.assistant()), nz(r.coSurgeon()), nz(r.team()), nz(r.endoscopicBase()), r.conversionFactor(),
                        nz(r.supervision()), nz(r.imagingFamily()));
            }
            return insert.count();
        }
    }

    private int gpci(long id, EditsFile file) {
        List<GpciRow> rows = read(file, in -> GpciFileParser.parseCsv(in, file.file().origin()));
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_gpci", "release_id", "mac", "state", "locality", "locality_name", "work",
                "practice_expense", "malpractice")) {
            rows.forEach(r -> insert.add(id, r.mac(), r.state(), r.localityNumber(), r.localityName(), r.work(), r.practiceExpense(),
                    r.malpractice()));
            return insert.count();
        }
    }

    private int locality(long id, EditsFile file) {
        List<LocalityRow> rows = read(file, in -> LocalityFileParser.parseCsv(in, file.file().origin()));
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_locality", "release_id", "mac", "locality", "state", "area", "counties")) {
            rows.forEach(r -> insert.add(id, r.mac(), r.localityNumber(), r.state(), r.feeScheduleArea(), clip(r.counties(), 4000)));
            return insert.count();
        }
    }

    private int oppsCap(long id, EditsFile file) {
        List<OppsCapRow> rows = read(file, in -> OppsCapFileParser.parseCsv(in, file.file().origin()));
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_opps_cap", "release_id", "code", "modifier", "status", "mac", "locality",
                "facility_price", "nonfacility_price")) {
            rows.forEach(r -> insert.add(id, r.code(), r.modifier(), r.status(), r.mac(), r.localityNumber(), r.facilityPrice(),
                    r.nonFacilityPrice()));
            return insert.count();
        }
    }

    private int gem(long id, EditsFile file) {
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_gem", "release_id", "source_code", "target_code", "approximate", "no_map",
                "combination", "scenario", "choice_list")) {
            read(file, in -> {
                GemFileParser.parse(in, file.file().origin(), r -> insert.add(id, r.source(), r.target(), r.approximate(), r.noMap(),
                        r.combination(), r.scenario(), r.choiceList()));
                return null;
            });
            return insert.count();
        }
    }

    private int placeOfService(long id, EditsFile file) {
        var rows = read(file, in -> PlaceOfServiceParser.parse(in, file.file().origin()));
        try (BatchInsert insert = new BatchInsert(jdbc, "edits_place_of_service", "release_id", "code", "name", "description")) {
            rows.forEach(r -> insert.add(id, r.code(), clip(r.name(), 300), clip(r.description(), 4000)));
            return insert.count();
        }
    }

    private static <T> T read(EditsFile file, Function<InputStream, T> parser) {
        try (InputStream in = file.file().open()) {
            return parser.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.file().origin(), e);
        }
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.trim();
        return t.length() <= max ? t : t.substring(0, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
