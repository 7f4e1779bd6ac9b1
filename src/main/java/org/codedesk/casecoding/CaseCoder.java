package org.codedesk.casecoding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.learning.Candidate;
import org.codedesk.casecoding.learning.CaseModel;
import org.codedesk.casecoding.learning.CaseModelTrainer;
import org.codedesk.casecoding.learning.TrainingCorpus;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CatalogChanged;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.search.Search;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Case to code: reads a clinical note and suggests the ICD-10-CM and ICD-10-PCS codes a careful coder would
 * assign, ranked, each with its evidence, the route that led there and the rules that affect it. Every code comes
 * from the releases in force on the date of service. Runs offline, in process. The note is never logged or
 * stored. Thread-safe; dictionaries and the learned model are built once per pair of releases and kept.
 */
@Service
public class CaseCoder {

    /** The longest note accepted, in characters (a long discharge summary is about 30,000). */
    public static final int MAX_TEXT = 100_000;
    static final int CANDIDATES_SHOWN = 25;

    private static final Logger log = LoggerFactory.getLogger(CaseCoder.class);

    private final Catalog catalog;
    private final Search search;
    private final Optional<Path> corpus;
    private final double threshold;
    private final boolean codeEveryMention;
    private final boolean warmUp;
    private final Map<String, CaseModel.Dictionaries> dictionaries = new ConcurrentHashMap<>();
    private final Map<String, CaseModel> models = new ConcurrentHashMap<>();
    /** Code pages read for the rules, by system, code and release: the same codes come back note after note. */
    private final Cache<String, Optional<CodePage>> pages = Caffeine.newBuilder().maximumSize(20_000).build();

    CaseCoder(Catalog catalog, Search search, @Value("${codedesk.casecoding.corpus:}") String corpus,
              @Value("${codedesk.casecoding.threshold:0.3}") double threshold,
              @Value("${codedesk.casecoding.code-every-mention:false}") boolean codeEveryMention,
              @Value("${codedesk.casecoding.warm-up:true}") boolean warmUp) {
        this.warmUp = warmUp;
        this.codeEveryMention = codeEveryMention;
        this.catalog = catalog;
        this.search = search;
        this.corpus = corpus.isBlank() ? Optional.empty() : Optional.of(Path.of(corpus));
        this.threshold = threshold;
    }

    /** Refuses a note that is empty or too long, with a message for the user. */
    public static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Paste the clinical text to code (an operative note, a discharge summary, a clinic note).");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A note is at most " + String.format("%,d", MAX_TEXT) + " characters; this one has "
                    + String.format("%,d", text.length()) + ".");
        }
    }

    /** The releases in force on a date, their dictionaries, and the model learned for them and the setting. */
    private record Engine(Optional<Release> cm, Optional<Release> pcs, CaseModel.Dictionaries dictionaries, CaseModel model) { }

    private Engine engine(LocalDate dateOfService, EncounterSetting setting) {
        Optional<Release> cm = catalog.releaseInForce(CodeSystem.ICD10CM, dateOfService);
        Optional<Release> pcs = catalog.releaseInForce(CodeSystem.ICD10PCS, dateOfService);
        CaseModel.Dictionaries dicts = dictionaries(cm, pcs);
        return new Engine(cm, pcs, dicts, model(cm, pcs, dicts, setting));
    }

    public CaseCoding code(String text, LocalDate dateOfService, EncounterSetting setting) {
        requireText(text);
        Engine engine = engine(dateOfService, setting);
        Optional<Release> cm = engine.cm();
        Optional<Release> pcs = engine.pcs();
        List<String> warnings = new ArrayList<>();
        if (cm.isEmpty()) {
            warnings.add(catalog.noReleaseSentence(CodeSystem.ICD10CM, dateOfService) + " No diagnosis codes can be suggested.");
        }
        if (pcs.isEmpty()) {
            warnings.add(catalog.noReleaseSentence(CodeSystem.ICD10PCS, dateOfService) + " No procedure codes can be suggested.");
        }
        for (CodeSystem system : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS)) {
            org.codedesk.catalog.Currency currency = catalog.currency(system, dateOfService);
            if (currency.stale() && currency.shown() != null) {
                warnings.add(currency.sentence());
            }
        }
        CaseModel.Dictionaries dicts = engine.dictionaries();
        CaseModel model = engine.model();
        ClinicalText note = read(text);
        List<Candidate> ranked = model.rank(note, dicts, codable(setting));
        List<CaseCoding.CodeSuggestion> diagnoses = new ArrayList<>();
        List<CaseCoding.CodeSuggestion> procedures = new ArrayList<>();
        List<CaseCoding.NotCoded> notCoded = new ArrayList<>();
        CodingRules rules = new CodingRules((system, code) -> {
            Optional<Release> release = system == CodeSystem.ICD10PCS ? pcs : cm;
            return pages.get(system + "|" + code + "|" + release.map(Release::id).orElse(0L),
                    k -> catalog.page(system, code, dateOfService).filter(p -> release.isPresent() && p.release().id() == release.get().id()));
        });
        PreCheck.Result decided = new PreCheck(note, dicts, setting, threshold, rules).decide(ranked);
        for (PreCheck.Decision d : decided.diagnoses()) {
            if (d.checked || diagnoses.size() < CANDIDATES_SHOWN) {
                diagnoses.add(rules.suggestion(d.candidate, note, dicts.diagnoses(), d.checked, d.reason, d.notes));
            }
        }
        for (PreCheck.Decision d : decided.procedures()) {
            if (d.checked || procedures.size() < CANDIDATES_SHOWN) {
                procedures.add(rules.suggestion(d.candidate, note, dicts.procedures(), d.checked, d.reason, d.notes));
            }
        }
        for (Candidate c : ranked) {
            if (!shown(c) && notCoded.size() < CANDIDATES_SHOWN) {
                notCoded.add(rules.notCoded(c, note, c.procedure() ? dicts.procedures() : dicts.diagnoses()));
            }
        }
        warnings.addAll(decided.warnings());
        warnings.addAll(rules.caseWarnings(diagnoses));
        return new CaseCoding(dateOfService, setting, cm.map(Release::version).orElse(null), pcs.map(Release::version).orElse(null),
                model.description(), diagnoses, procedures, notCoded, warnings);
    }

    /** A code, its score, and whether words of the note support it (it is suggested when they do and the score reaches the threshold). */
    public record RankedCode(String code, double score, boolean evidenced) { }

    /** The score from which a candidate is suggested rather than listed as a further candidate. */
    public double threshold() {
        return threshold;
    }

    /**
     * Ranked codes only (no warnings, no titles): what the benchmark scores. Same engine as {@link #code}.
     */
    public List<RankedCode> rankedCodes(String text, LocalDate dateOfService, EncounterSetting setting, boolean procedures) {
        Engine engine = engine(dateOfService, setting);
        return engine.model().rank(read(text), engine.dictionaries(), codable(setting)).stream()
                .filter(c -> c.procedure() == procedures && shown(c)).map(c -> new RankedCode(c.code(), c.score(), !c.mentions().isEmpty())).toList();
    }

    /** The ranker weights in use (for the benchmark's report). */
    public String weights(LocalDate dateOfService, EncounterSetting setting) {
        return engine(dateOfService, setting).model().weights();
    }

    /** What the engine learned from, for the page. */
    public String method(LocalDate dateOfService, EncounterSetting setting) {
        return engine(dateOfService, setting).model().description();
    }

    /** Shown as a suggestion or a further candidate: a codable mention, or similar cases with no mention the note rules out. */
    private static boolean shown(Candidate c) {
        return !c.mentions().isEmpty() || c.uncodable().isEmpty();
    }

    private ClinicalText read(String text) {
        return ClinicalText.read(text, search::abbreviationExpansions);
    }

    /** Negated and family mentions are never coded; uncertain ones only for an inpatient stay. */
    private Predicate<Assertion> codable(EncounterSetting setting) {
        if (codeEveryMention) {
            return a -> true;
        }
        return guidelineCodable(setting);
    }

    static Predicate<Assertion> guidelineCodable(EncounterSetting setting) {
        return a -> a == Assertion.PRESENT || a == Assertion.HISTORY || (a == Assertion.POSSIBLE && setting == EncounterSetting.INPATIENT);
    }

    private static String key(Optional<Release> cm, Optional<Release> pcs) {
        return cm.map(r -> String.valueOf(r.id())).orElse("-") + "/" + pcs.map(r -> String.valueOf(r.id())).orElse("-");
    }

    private CaseModel.Dictionaries dictionaries(Optional<Release> cm, Optional<Release> pcs) {
        return dictionaries.computeIfAbsent(key(cm, pcs), k -> {
            long start = System.nanoTime();
            CaseModel.Dictionaries built = new CaseModel.Dictionaries(
                    cm.map(r -> IndexDictionary.build(catalog.searchDocuments(r), catalog.indexReferences(r))).orElse(IndexDictionary.empty()),
                    pcs.map(r -> IndexDictionary.build(catalog.searchDocuments(r))).orElse(IndexDictionary.empty()));
            log.info("Case-to-code dictionaries for {}: {} diagnosis and {} procedure entries ({} ms)", k, built.diagnoses().size(),
                    built.procedures().size(), (System.nanoTime() - start) / 1_000_000);
            return built;
        });
    }

    private CaseModel model(Optional<Release> cm, Optional<Release> pcs, CaseModel.Dictionaries dicts, EncounterSetting setting) {
        if (corpus.isEmpty()) {
            return CaseModel.untrained();
        }
        return models.computeIfAbsent(key(cm, pcs) + "/" + setting, k -> {
            Path folder = corpus.get();
            if (!Files.isDirectory(folder.resolve("text_files_en"))) {
                log.warn("codedesk.casecoding.corpus {} has no text_files_en folder: case to code runs on the index alone", folder);
                return CaseModel.untrained();
            }
            long start = System.nanoTime();
            CaseModel model = CaseModelTrainer.train(TrainingCorpus.read(folder), this::read, dicts, codable(setting));
            log.info("Case-to-code model for {} learned from {} ({} ms)", k, folder, (System.nanoTime() - start) / 1_000_000);
            return model;
        });
    }

    /**
     * With a corpus configured, learns the model for today's releases in the background after start, so the first
     * note does not wait 30 to 40 s for it ({@code codedesk.casecoding.warm-up=false} turns this off).
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!warmUp || corpus.isEmpty() || catalog.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            for (EncounterSetting setting : EncounterSetting.values()) {
                engine(LocalDate.now(), setting);
            }
        }, "casecoding-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    @EventListener
    void on(CatalogChanged event) {
        dictionaries.clear();
        models.clear();
        pages.invalidateAll();
    }
}
