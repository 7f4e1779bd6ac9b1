package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.IndexAddendaEntry.Cell;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport.Cause;
import org.junit.jupiter.api.Test;

/** Index addenda PDFs laid out as the CDC prints them (written by {@link AddendaPdf}), read and applied to small index XMLs. */
class IndexAddendaTest {

    private static final String INDEX = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.index><version>2017</version><title>Index</title>
            <letter><title>A</title>
              <mainTerm><title>Abnormal, abnormality, abnormalities</title><seeAlso>Anomaly</seeAlso>
                <term level="1"><title>diagnostic imaging</title><code>R93.9</code>
                  <term level="2"><title>skull</title><code>R93.0</code></term>
                </term>
              </mainTerm>
              <mainTerm><title>Abortion<nemod>(complete) (spontaneous)</nemod></title><code>O03.9</code>
                <term level="1"><title>tubal</title><code>O00.1</code></term>
                <term level="1"><title>habitual</title><code>N96</code></term>
              </mainTerm>
            </letter>
            <letter><title>C</title>
              <mainTerm><title>Coronavirus<nemod>(infection)</nemod></title>
                <term level="1"><title>SARS-associated</title><code>B97.21</code></term>
              </mainTerm>
            </letter>
            </ICD10CM.index>
            """;

    private static final String DRUG = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.index><version>2017</version><title>Drugs</title>
            <indexHeading><head col="1">Substance</head><head col="2">Poisoning Accidental</head><head col="3">Poisoning Intentional</head>
              <head col="4">Poisoning Assault</head><head col="5">Poisoning Undetermined</head><head col="6">Adverse effect</head>
              <head col="7">Underdosing</head></indexHeading>
            <letter><title>F</title>
              <mainTerm><title>Fluticasone propionate</title><cell col="2">T49.1X1</cell><cell col="3">T49.1X2</cell>
                <cell col="4">T49.1X3</cell><cell col="5">T49.1X4</cell><cell col="6">T49.1X5</cell><cell col="7">T49.1X6</cell></mainTerm>
            </letter>
            <letter><title>G</title>
              <mainTerm><title>Gas</title><cell col="2">T59.91</cell><cell col="3">T59.92</cell><cell col="4">T59.93</cell>
                <cell col="5">T59.94</cell><cell col="6">--</cell><cell col="7">--</cell>
                <term level="1"><title>acetylene</title><cell col="2">T59.891</cell></term>
              </mainTerm>
            </letter>
            </ICD10CM.index>
            """;

    private static IndexFile index(IndexKind kind, String xml) {
        return new IndexParser().parse(kind, "fixture.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<IndexAddendaEntry> parse(IndexKind kind, byte[] pdf) {
        return new IndexAddendaParser().parse(kind, "icd10cm-index-addenda-2021.pdf", new ByteArrayInputStream(pdf));
    }

    private static byte[] indexAddenda() throws IOException {
        return new AddendaPdf()
                .title("ICD-10-CM INDEX to DISEASES and INJURIES")
                .line("No Change", 90, AddendaPdf.REGULAR, "A")
                .line("No Change", 90, AddendaPdf.REGULAR, "Abnormal, abnormality, abnormalities - see also Anomaly")
                .line("No Change", 90, AddendaPdf.REGULAR, "- diagnostic imaging R93.9")
                .line("Revise from", 90, AddendaPdf.REGULAR, "- - skull R93.0")
                .line("Revise to", 90, AddendaPdf.REGULAR, "- - skull R93.09")
                .line("No Change", 90, AddendaPdf.REGULAR, "Abortion (complete) (spontaneous) O03.9")
                .line("Add", 90, AddendaPdf.REGULAR, "- inevitable O03.4")
                .line("Delete", 90, AddendaPdf.REGULAR, "- habitual N96")
                .line("No Change", 90, AddendaPdf.REGULAR, "- ectopic (see also Pregnancy, ectopic)")
                .line("Add", 90, AddendaPdf.REGULAR, "- - ruptured O00.9")
                .line("No Change", 90, AddendaPdf.REGULAR, "Coronavirus (infection)")
                .line("Add", 90, AddendaPdf.REGULAR, "- COVID-19 U07.1")
                .line("Add", 90, AddendaPdf.BOLD, "COVID-19 (see also Coronavirus) U07.1")
                .line("Add", 90, AddendaPdf.BOLD, "Complication (see also Disease) - see")
                .continuation(90, AddendaPdf.BOLD, "Condition")
                .bytes();
    }

    @Test
    void readsLevelsTitlesCodesAndCrossReferences() throws IOException {
        List<IndexAddendaEntry> entries = parse(IndexKind.INDEX, indexAddenda());

        assertThat(entries).extracting(IndexAddendaEntry::action, IndexAddendaEntry::level, e -> e.term().title(), e -> e.term().code())
                .containsExactly(
                        tuple(Action.NO_CHANGE, 0, "Abnormal, abnormality, abnormalities", null),
                        tuple(Action.NO_CHANGE, 1, "diagnostic imaging", "R93.9"),
                        tuple(Action.REVISE_TO, 2, "skull", "R93.09"),
                        tuple(Action.NO_CHANGE, 0, "Abortion (complete) (spontaneous)", "O03.9"),
                        tuple(Action.ADD, 1, "inevitable", "O03.4"),
                        tuple(Action.DELETE, 1, "habitual", "N96"),
                        tuple(Action.NO_CHANGE, 1, "ectopic", null),
                        tuple(Action.ADD, 2, "ruptured", "O00.9"),
                        tuple(Action.NO_CHANGE, 0, "Coronavirus (infection)", null),
                        tuple(Action.ADD, 1, "COVID-19", "U07.1"),
                        tuple(Action.ADD, 0, "COVID-19", "U07.1"),
                        tuple(Action.ADD, 0, "Complication", null));
        assertThat(entries.get(0).term().seeAlso()).isEqualTo("Anomaly");
        assertThat(entries.get(2).revisedFrom().code()).isEqualTo("R93.0");
        assertThat(entries.get(6).term().seeAlso()).isEqualTo("Pregnancy, ectopic");
        assertThat(entries.get(10).term().seeAlso()).isEqualTo("Coronavirus");
        assertThat(entries.get(11).term().see()).as("a wrapped line continues the one above").isEqualTo("Condition");
        assertThat(entries.get(11).term().seeAlso()).isEqualTo("Disease");
        assertThat(entries.get(4).location()).hasToString("icd10cm-index-addenda-2021.pdf p.1 l.8");
    }

    @Test
    void appliesAddDeleteAndReviseAndReportsWhatItCannotApply() throws IOException {
        IndexAddendaApplier.Result result = new IndexAddendaApplier().apply(index(IndexKind.INDEX, INDEX),
                parse(IndexKind.INDEX, indexAddenda()), "FY2021");
        IndexFile index = result.index();

        assertThat(index.findByPath("Abnormal, abnormality, abnormalities > diagnostic imaging > skull")).get()
                .extracting(IndexTerm::code).isEqualTo("R93.09");
        IndexTerm inevitable = index.findByPath("Abortion > inevitable").orElseThrow();
        assertThat(inevitable.code()).isEqualTo("O03.4");
        assertThat(index.children(index.findByPath("Abortion").orElseThrow())).extracting(IndexTerm::title)
                .as("added in alphabetical place, the deleted term gone").containsExactly("inevitable", "tubal");
        assertThat(index.findByPath("Coronavirus > COVID-19")).get().extracting(IndexTerm::code).isEqualTo("U07.1");
        IndexTerm covid = index.findByPath("COVID-19").orElseThrow();
        assertThat(covid.code()).isEqualTo("U07.1");
        assertThat(covid.seeAlso()).isEqualTo("Coronavirus");
        assertThat(covid.letter()).isEqualTo("C");
        IndexTerm complication = index.findByPath("Complication").orElseThrow();
        assertThat(complication.see()).isEqualTo("Condition");
        assertThat(complication.seeAlso()).isEqualTo("Disease");
        assertThat(index.findByPath("Abortion").orElseThrow().nonessentialModifiers()).isEqualTo("(complete) (spontaneous)");
        // ids stay in document order with parents first, as IndexParser gives them
        assertThat(index.terms()).allSatisfy(t -> assertThat(t.parentId()).isLessThan(t.id()));

        IndexAddendaReport report = result.report();
        assertThat(report.applied()).isEqualTo(6);
        assertThat(report.skipped()).extracting(IndexAddendaReport.Skipped::cause).containsExactly(Cause.NOT_FOUND, Cause.NO_CONTEXT);
        assertThat(report.skipped().get(0).describe())
                .isEqualTo("icd10cm-index-addenda-2021.pdf p.1 l.10: No Change - ectopic - see also Pregnancy, ectopic: no such term under Abortion");
        assertThat(report.skipped().get(1).describe()).startsWith("icd10cm-index-addenda-2021.pdf p.1 l.11: Add - - ruptured O00.9");
    }

    @Test
    void anAddAlreadyMadeIsReportedNotDuplicated() throws IOException {
        IndexAddendaApplier applier = new IndexAddendaApplier();
        IndexFile once = applier.apply(index(IndexKind.INDEX, INDEX), parse(IndexKind.INDEX, indexAddenda()), "FY2021").index();
        IndexAddendaApplier.Result twice = applier.apply(once, parse(IndexKind.INDEX, indexAddenda()), "FY2022");

        assertThat(twice.index().terms().stream().filter(t -> t.title().equals("COVID-19") && t.parentId() == 0)).hasSize(1);
        assertThat(twice.report().skippedByCause()).containsEntry(Cause.ALREADY_PRESENT, 4);
    }

    /** An index whose heart failure has subterms, and a main term with a note the XML files as a subterm of it. */
    private static final String NOTES = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.index><version>2017</version><title>Index</title>
            <letter><title>E</title>
              <mainTerm><title>Epilepsy, epileptic, epilepsia</title><code>G40.909</code>
                <term level="1"><title>Note: the following terms are to be considered equivalent to intractable: refractory</title></term>
                <term level="1"><title>intractable</title><code>G40.919</code></term>
              </mainTerm>
            </letter>
            <letter><title>F</title>
              <mainTerm><title>Failure, failed</title>
                <term level="1"><title>heart<nemod>(acute) (sudden)</nemod></title><code>I50.9</code>
                  <term level="2"><title>diastolic</title><code>I50.30</code></term>
                  <term level="2"><title>systolic</title><code>I50.20</code></term>
                </term>
                <term level="1"><title>renal</title><code>N19</code></term>
              </mainTerm>
            </letter>
            </ICD10CM.index>
            """;

    /** As the FY2018 addenda print it: the note among heart's subterms with heart's single dash, then heart's new subterms. */
    private static byte[] noteAddenda() throws IOException {
        return new AddendaPdf()
                .title("ICD-10-CM INDEX to DISEASES and INJURIES")
                .line("No Change", 90, AddendaPdf.REGULAR, "Failure, failed")
                .line("No Change", 90, AddendaPdf.REGULAR, "- heart (acute) (sudden) I50.9")
                .line("Delete", 90, AddendaPdf.REGULAR, "- - systolic I50.20")
                .line("Add", 90, AddendaPdf.REGULAR, "- - specified NEC I50.89")
                .line("Add", 90, AddendaPdf.REGULAR, "- Note: heart failure stages A, B, C, and D are based on the American College of")
                .continuation(90, AddendaPdf.REGULAR, "Cardiology and American Heart Association stages of heart failure")
                .line("Add", 90, AddendaPdf.REGULAR, "- - stage A Z91.89")
                .line("Add", 90, AddendaPdf.REGULAR, "- - systolic (congestive) I50.20")
                .line("Add", 90, AddendaPdf.REGULAR, "- - - chronic (congestive) I50.22")
                .line("No Change", 90, AddendaPdf.REGULAR, "- renal N19")
                .line("Add", 90, AddendaPdf.REGULAR, "- - acute N17.9")
                .bytes();
    }

    /** A later year's addenda naming the note as "No Change" before more of heart's subterms. */
    private static byte[] laterNoteAddenda() throws IOException {
        return new AddendaPdf()
                .title("ICD-10-CM INDEX to DISEASES and INJURIES")
                .line("No Change", 90, AddendaPdf.REGULAR, "Failure, failed")
                .line("No Change", 90, AddendaPdf.REGULAR, "- heart (acute) (sudden) I50.9")
                .line("No Change", 90, AddendaPdf.REGULAR, "- Note: heart failure stages A, B, C, and D are based on the American College of")
                .continuation(90, AddendaPdf.REGULAR, "Cardiology and American Heart Association stages of heart failure")
                .line("Add", 90, AddendaPdf.REGULAR, "- - stage D I50.84")
                .line("No Change", 90, AddendaPdf.REGULAR, "Epilepsy, epileptic, epilepsia G40.909")
                .line("No Change", 90, AddendaPdf.REGULAR, "Note: the following terms are to be considered equivalent to intractable: refractory")
                .line("Add", 90, AddendaPdf.REGULAR, "- poorly controlled G40.919")
                .bytes();
    }

    @Test
    void aNoteIsFiledUnderItsTermAndTheLinesAfterItStayUnderThatTerm() throws IOException {
        IndexAddendaApplier applier = new IndexAddendaApplier();
        IndexAddendaApplier.Result first = applier.apply(index(IndexKind.INDEX, NOTES), parse(IndexKind.INDEX, noteAddenda()), "FY2018");
        IndexFile index = first.index();

        IndexTerm heart = index.findByPath("Failure, failed > heart").orElseThrow();
        assertThat(index.children(heart)).extracting(IndexTerm::title, IndexTerm::code).as("the note first, as the XML files notes")
                .containsExactly(tuple("Note: heart failure stages A, B, C, and D are based on the American College of Cardiology"
                                + " and American Heart Association stages of heart failure", null),
                        tuple("diastolic", "I50.30"), tuple("specified NEC", "I50.89"), tuple("stage A", "Z91.89"),
                        tuple("systolic", "I50.20"));
        assertThat(index.findByPath("Failure, failed > heart > systolic > chronic")).get().extracting(IndexTerm::code).isEqualTo("I50.22");
        assertThat(index.terms()).as("nothing is filed under a note, and no note is a term of Failure")
                .noneMatch(t -> t.parentId() != 0 && index.term(t.parentId()).title().startsWith("Note:"))
                .noneMatch(t -> t.title().startsWith("Note:") && t.parentId() != heart.id() && t.parentId() != index.findByPath("Epilepsy, epileptic, epilepsia").orElseThrow().id());
        assertThat(index.findByPath("Failure, failed > renal > acute")).as("the lines after the note's term go on as before")
                .get().extracting(IndexTerm::code).isEqualTo("N17.9");
        assertThat(first.report().skipped()).isEmpty();
        assertThat(first.report().applied()).isEqualTo(7);

        IndexAddendaApplier.Result later = applier.apply(index, parse(IndexKind.INDEX, laterNoteAddenda()), "FY2026");
        IndexFile next = later.index();
        assertThat(later.report().skipped()).as("the note is found under its term").isEmpty();
        assertThat(next.findByPath("Failure, failed > heart > stage D")).get().extracting(IndexTerm::code).isEqualTo("I50.84");
        assertThat(next.terms().stream().filter(t -> t.title().startsWith("Note: heart failure"))).hasSize(1);
        IndexTerm epilepsy = next.findByPath("Epilepsy, epileptic, epilepsia").orElseThrow();
        assertThat(next.children(epilepsy)).extracting(IndexTerm::title).as("a note of a main term, printed without dashes")
                .containsExactly("Note: the following terms are to be considered equivalent to intractable: refractory",
                        "intractable", "poorly controlled");
        assertThat(next.terms()).allSatisfy(t -> assertThat(t.parentId()).isLessThan(t.id()));
    }

    private static byte[] drugAddenda() throws IOException {
        return new AddendaPdf()
                .title("ICD-10-CM TABLE of DRUGS and CHEMICALS")
                .tableLine(38, "Add:", 60, "Antithrombotic", 188, "Add:", 210, "T45.521", 253, "Add:", 275, "T45.522",
                        318, "Add:", 340, "T45.523", 383, "Add:", 405, "T45.524", 448, "Add:", 470, "T45.525", 513, "Add:", 535, "T45.526")
                .tableLine(38, "Fluticasone propionate", 188, "Revise from:", 253, "Revise from:")
                .tableLine(188, "T49.1X1", 253, "T49.1X2")
                .tableLine(188, "Revise to:", 253, "Revise to:")
                .tableLine(188, "T38.0X1", 253, "T38.0X2")
                .tableLine(38, "Delete:", 70, "Gas", 188, "Delete:", 210, "T59.91", 513, "Delete:", 535, "--")
                .tableLine(38, "Delete:", 70, "- acetylene", 188, "Delete:", 210, "T59.891")
                .tableLine(38, "Revise from:", 90, "Hexaethyl tetraphos-")
                .tableLine(38, "phate")
                .tableLine(38, "Revise to:", 90, "Hexaethyl tetraphosphate")
                .bytes();
    }

    @Test
    void readsTableRowsWithACellPerColumn() throws IOException {
        List<IndexAddendaEntry> entries = parse(IndexKind.DRUG, drugAddenda());

        assertThat(entries).extracting(IndexAddendaEntry::action, IndexAddendaEntry::level, e -> e.term().title())
                .containsExactly(tuple(Action.ADD, 0, "Antithrombotic"), tuple(Action.NO_CHANGE, 0, "Fluticasone propionate"),
                        tuple(Action.DELETE, 0, "Gas"), tuple(Action.DELETE, 1, "acetylene"),
                        tuple(Action.REVISE_TO, 0, "Hexaethyl tetraphosphate"));
        assertThat(entries.get(0).cells()).extracting(Cell::column, Cell::to)
                .containsExactly(tuple(1, "T45.521"), tuple(2, "T45.522"), tuple(3, "T45.523"), tuple(4, "T45.524"),
                        tuple(5, "T45.525"), tuple(6, "T45.526"));
        assertThat(entries.get(1).cells()).containsExactly(new Cell(1, Action.REVISE_TO, "T49.1X1", "T38.0X1"),
                new Cell(2, Action.REVISE_TO, "T49.1X2", "T38.0X2"));
        assertThat(entries.get(2).cells()).contains(new Cell(6, Action.DELETE, null, null));
        assertThat(entries.get(4).revisedFrom().title()).as("a word cut at the line's end is joined").isEqualTo("Hexaethyl tetraphosphate");
    }

    @Test
    void appliesTableRowsToTheCellsUnderTheirHeadings() throws IOException {
        IndexAddendaApplier.Result result = new IndexAddendaApplier().apply(index(IndexKind.DRUG, DRUG),
                parse(IndexKind.DRUG, drugAddenda()), "FY2018");
        IndexFile drugs = result.index();

        IndexTerm added = drugs.findByPath("Antithrombotic").orElseThrow();
        assertThat(added.cells()).extracting(IndexCell::column, IndexCell::heading, IndexCell::code)
                .startsWith(tuple(2, "Poisoning Accidental", "T45.521")).hasSize(6);
        assertThat(drugs.findByPath("Fluticasone propionate").orElseThrow().cells()).extracting(IndexCell::code)
                .containsExactly("T38.0X1", "T38.0X2", "T49.1X3", "T49.1X4", "T49.1X5", "T49.1X6");
        assertThat(drugs.findByPath("Gas")).isEmpty();
        assertThat(result.report().applied()).as("the subterm of the deleted Gas is deleted with it").isEqualTo(4);
        assertThat(result.report().skipped()).extracting(s -> s.cause(), s -> s.entry().term().title())
                .as("the revised term is not in this index").containsExactly(tuple(Cause.NOT_FOUND, "Hexaethyl tetraphosphate"));
    }

    @Test
    void anAddendaWithoutChangesGivesNoEntryAndANonPdfIsRejected() throws IOException {
        byte[] none = new AddendaPdf().title("ICD-10-CM TABLE of NEOPLASMS").continuation(147, AddendaPdf.REGULAR,
                "There were no changes to the ICD-10-CM Table of Neoplasms for 2018.").bytes();
        assertThat(parse(IndexKind.NEOPLASM, none)).isEmpty();
        assertThatThrownBy(() -> parse(IndexKind.INDEX, "not a pdf".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("not a readable PDF");
    }
}
