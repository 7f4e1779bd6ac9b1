package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Parses the real CMS/CDC files when {@code CODEDESK_DATA_DIR} points at the shared data directory (the one holding
 * {@code ncci/}, {@code pfs/} and {@code gems/}); skipped otherwise. Expected figures were counted in the files
 * themselves (grep, awk). No NCCI PTP file is available there, so PTP is covered by fixtures only.
 */
class EditsRealDataTest {

    private static Path file(String relative) {
        return org.codedesk.OfficialData.file(relative);
    }

    private interface Parse<T> {
        T apply(InputStream in, String origin) throws IOException;
    }

    private static <T> T parse(Path file, Parse<T> parser) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.apply(in, file.getFileName().toString());
        }
    }

    private static final String MUE = "ncci/mue/2026-q2/MCR_MUE_";

    @Test
    void mueTablesOfTheThreeSettings() throws IOException {
        MueTable practitioner = parse(file(MUE + "PractitionerServices_Eff_04-01-2026.csv"), MueFileParser::parseCsv);
        MueTable outpatient =
                parse(file(MUE + "OutpatientHospitalServices_Eff_04-01-2026.csv"), MueFileParser::parseCsv);
        MueTable dme = parse(file(MUE + "DMESupplierServices_Eff_04-01-2026.csv"), MueFileParser::parseCsv);

        assertThat(practitioner.setting()).isEqualTo("Practitioner Services");
        assertThat(outpatient.setting()).isEqualTo("Outpatient Hospital Services");
        assertThat(dme.setting()).isEqualTo("DME Supplier Services");
        assertThat(practitioner.rows()).hasSize(15_095);
        assertThat(outpatient.rows()).hasSize(15_045);
        assertThat(dme.rows()).hasSize(3_083);

        assertThat(byCode(practitioner).get("99213"))
                .isEqualTo(new MueRow("99213", 2, 3, "Date of Service Edit: Clinical", "Clinical: Data"));
        assertThat(byCode(practitioner).get("J1100").value()).isEqualTo(120);
        assertThat(byCode(outpatient).get("33952").value()).isEqualTo(1);
        assertThat(byCode(outpatient).get("E0601").value()).isZero();
        assertThat(byCode(dme).get("E0100"))
                .isEqualTo(new MueRow("E0100", 1, 3, "Date of Service Edit: Clinical", "Nature of Equipment"));
        assertThat(byCode(dme).get("J1100").value()).isZero();
        Map<Integer, Long> indicators = practitioner.rows().stream()
                .collect(Collectors.groupingBy(MueRow::adjudicationIndicator, Collectors.counting()));
        assertThat(indicators).containsExactlyInAnyOrderEntriesOf(Map.of(1, 41L, 2, 5_417L, 3, 9_637L));
    }

    @Test
    void mueWorkbookEqualsItsCsv() throws IOException {
        MueTable csv = parse(file(MUE + "PractitionerServices_Eff_04-01-2026.csv"), MueFileParser::parseCsv);
        MueTable xlsx = parse(file(MUE + "PractitionerServices_Eff_04-01-2026.xlsx"), MueFileParser::parseXlsx);

        assertThat(xlsx).isEqualTo(csv);
    }

    @Test
    void physicianFeeScheduleRvus() throws IOException {
        Path path = file("pfs/rvu25d/PPRRVU2025_Oct.csv");
        RvuFile rvu = parse(path, RvuFileParser::parseCsv);

        assertThat(rvu.title()).isEqualTo("2025 National Physician Fee Schedule Relative Value File October Release");
        assertThat(rvu.rows()).hasSize(19_090);
        RvuRow knee = rvu.rows().stream().filter(r -> r.code().equals("27447")).findFirst().orElseThrow();
        assertThat(knee).isEqualTo(new RvuRow("27447", "", "A", false, d("19.60"), d("15.30"), true, d("15.30"),
                false, d("3.98"), d("38.88"), d("38.88"), "0", "090", d("0.10"), d("0.69"), d("0.21"), "2", "1", "2",
                "1", "0", "", d("32.3465"), "09", "0", "99", d("0.00"), d("0.00"), d("0.00")));
        RvuRow office = rvu.rows().stream().filter(r -> r.code().equals("99213")).findFirst().orElseThrow();
        assertThat(office.work()).isEqualByComparingTo("1.30");
        assertThat(office.totalNonFacility()).isEqualByComparingTo("2.75");
        assertThat(office.globalDays()).isEqualTo("XXX");
        Map<String, Long> modifiers = rvu.rows().stream()
                .collect(Collectors.groupingBy(RvuRow::modifier, Collectors.counting()));
        assertThat(modifiers).containsExactlyInAnyOrderEntriesOf(
                Map.of("", 16_851L, "26", 1_127L, "TC", 1_108L, "53", 4L));
        assertThat(rvu.rows()).filteredOn(RvuRow::notUsedForMedicarePayment).hasSize(148);
        assertThat(rvu.rows()).filteredOn(RvuRow::nonFacilityNa).hasSize(4_064);
        assertThat(rvu.rows()).extracting(RvuRow::conversionFactor).containsOnly(d("32.3465"));

        assertNoDescriptionKept(path, rvu.rows());
    }

    /** The AMA descriptors of the file (read again, column 3) appear in no String field of any row. */
    private static void assertNoDescriptionKept(Path path, List<RvuRow> rows) throws IOException {
        List<String> descriptions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path)) {
            boolean data = false;
            for (CsvRecords.Record r : CsvRecords.of(in, path.toString())) {
                if (data) {
                    descriptions.add(r.field(2).trim());
                }
                data |= r.field(0).equals("HCPCS");
            }
        }
        assertThat(descriptions).hasSameSizeAs(rows);
        Set<String> all = new HashSet<>(descriptions);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (RecordComponent c : RvuRow.class.getRecordComponents()) {
                if (c.getType() == String.class) {
                    String value = (String) invoke(c, rows.get(i));
                    if (all.contains(value) || value.contains(descriptions.get(i))) {
                        leaks.add(rows.get(i).code() + " " + c.getName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gpciAndLocalitiesJoin() throws IOException {
        List<GpciRow> gpci = parse(file("pfs/rvu25d/GPCI2025.csv"), GpciFileParser::parseCsv);
        List<LocalityRow> localities = parse(file("pfs/rvu25d/25LOCCO.csv"), LocalityFileParser::parseCsv);

        assertThat(gpci).hasSize(109);
        assertThat(gpci.get(0)).isEqualTo(new GpciRow("10112", "AL", "00", "ALABAMA", d("1"), d("0.869"),
                d("0.575")));
        assertThat(gpci).filteredOn(g -> g.mac().equals("02102")).singleElement()
                .extracting(GpciRow::localityName, GpciRow::work).containsExactly("ALASKA*", d("1.5"));
        // 50 states, DC, Puerto Rico and the Virgin Islands.
        assertThat(gpci.stream().map(GpciRow::state).distinct()).hasSize(53);

        // 110 rows: Missouri's "REST OF STATE" (05302/99) is listed twice, differing only in trailing spaces.
        assertThat(localities).hasSize(110);
        assertThat(localities.get(0)).isEqualTo(new LocalityRow("10112", "00", "ALABAMA", "STATEWIDE",
                "ALL COUNTIES"));
        assertThat(localities).filteredOn(l -> l.feeScheduleArea().equals("BAKERSFIELD")).singleElement()
                .isEqualTo(new LocalityRow("01112", "54", "CALIFORNIA", "BAKERSFIELD", "KERN"));
        assertThat(localities).filteredOn(l -> l.feeScheduleArea().equals("QUEENS")).singleElement()
                .extracting(LocalityRow::state).isEqualTo("NEW YORK");
        Set<String> gpciKeys = gpci.stream().map(g -> g.mac() + "/" + g.localityNumber()).collect(Collectors.toSet());
        Set<String> localityKeys =
                localities.stream().map(l -> l.mac() + "/" + l.localityNumber()).collect(Collectors.toSet());
        assertThat(localityKeys).isEqualTo(gpciKeys);
    }

    @Test
    void diagnosisGems() throws IOException {
        List<GemRow> i10 = gems(file("gems/2018/extracted/2018_I10gem.txt"));
        List<GemRow> i9 = gems(file("gems/2018/extracted/2018_I9gem.txt"));

        assertThat(i10).hasSize(81_593);
        assertThat(i9).hasSize(24_860);
        assertThat(i10).contains(new GemRow("I214", "41071", true, false, false, 0, 0));
        assertThat(i9).contains(new GemRow("41071", "I214", true, false, false, 0, 0));
        assertThat(i10).filteredOn(GemRow::noMap).hasSize(731).extracting(GemRow::target).containsOnly("NoDx");
        assertThat(i9).filteredOn(GemRow::noMap).hasSize(422);
    }

    @Test
    void procedureGems() throws IOException {
        List<GemRow> pcsToI9 = gems(file("gems/2018/pcs/gem_pcsi9.txt"));
        List<GemRow> i9ToPcs = gems(file("gems/2018/pcs/gem_i9pcs.txt"));

        assertThat(pcsToI9).hasSize(101_025);
        assertThat(i9ToPcs).hasSize(73_593);
        assertThat(pcsToI9).contains(new GemRow("02HV33Z", "3893", true, false, false, 0, 0));
        assertThat(i9ToPcs.get(0)).isEqualTo(new GemRow("0001", "6A750Z4", true, false, false, 0, 0));
        assertThat(i9ToPcs).filteredOn(GemRow::noMap).hasSize(210).extracting(GemRow::target).containsOnly("NoPCS");
        // As published: 31 rows target "NoI9" but only 2 set the no-map flag; the parser reports both as written.
        assertThat(pcsToI9).filteredOn(GemRow::noMap).hasSize(2);
        assertThat(pcsToI9).filteredOn(g -> g.target().equals("NoI9")).hasSize(31);
    }

    private static List<GemRow> gems(Path path) throws IOException {
        List<GemRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path)) {
            GemFileParser.parse(in, path.getFileName().toString(), rows::add);
        }
        return rows;
    }

    @Test
    void addOnCodeEdits() throws IOException {
        List<AddOnRow> rows = parse(file("ncci/aoc/2026-q2/AOC_V2026Q2-MCR.xlsx"), AddOnCodeParser::parseXlsx);

        assertThat(rows).hasSize(9_000);
        assertThat(rows.get(0)).isEqualTo(new AddOnRow("0054T", null, 2, LocalDate.of(2013, 4, 1), null,
                "Contractor Defined Primary Codes"));
        assertThat(rows).contains(new AddOnRow("99292", "99291", 1, LocalDate.of(2013, 4, 1), null, ""));
        assertThat(rows).contains(new AddOnRow("99481", "99292", 1, LocalDate.of(2014, 1, 1),
                LocalDate.of(2014, 12, 31), ""));
        Map<Integer, Long> types = rows.stream()
                .collect(Collectors.groupingBy(AddOnRow::editType, Collectors.counting()));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(1, 8_293L, 2, 47L, 3, 660L));
        assertThat(rows).filteredOn(r -> r.primaryCode() == null).hasSize(55);
        assertThat(rows).filteredOn(r -> r.deleted() != null).hasSize(1_260);
        assertThat(rows).filteredOn(r -> r.editType() == 2).allMatch(r -> r.primaryCode() == null);
    }

    private static Map<String, MueRow> byCode(MueTable table) {
        return table.rows().stream().collect(Collectors.toMap(MueRow::code, Function.identity()));
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }
}
