package org.codedesk.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.search.index.CodeIndex;
import org.codedesk.search.index.Fields;
import org.codedesk.search.query.Synonyms;

/**
 * Autocomplete's answers for the phrases the book begins with, for one search index: the first one to
 * {@value #MAX_WORDS} words of every title, inclusion term and Alphabetic Index main term (each of its forms alone, and
 * with its first subterm before or after it: "cerebral infarction", "screening mammogram"). What coders type is the start of those phrases ("pressure ulcer
 * of ri" completes to "pressure ulcer of right"), so a prefix seen for the first time is answered from here instead of
 * by one to three searches of its completions. Each answer is what autocomplete's search of the completed text returned
 * (computed once per index in the background, kept in a file beside the index); a text the table lacks is searched as
 * before. The phrases also choose how the last typed word is completed ({@link #continuations}), so autocomplete's
 * list differs from the one without the table where the book continues the words typed.
 */
final class PhraseAnswers {

    static final int MAX_WORDS = 4;
    private static final int FORMAT = 4;

    private final String key;
    private final Map<String, List<Search.Suggestion>> answers = new ConcurrentHashMap<>();
    private volatile boolean complete;

    PhraseAnswers(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The answer for a completed text, or null when the table does not (yet) hold it. */
    List<Search.Suggestion> get(String text) {
        return answers.get(text);
    }

    void put(String text, List<Search.Suggestion> answer) {
        answers.put(text, answer);
    }

    int size() {
        return answers.size();
    }

    boolean complete() {
        return complete;
    }

    void completed() {
        complete = true;
    }

    /**
     * The phrases to answer, as autocomplete normalises typed text (lower case, words and digits, single spaces), each with
     * the weight of its last word as a completion ({@link CodeIndex#completionWeight}: index terms are what coders type).
     */
    static Map<String, Integer> phrases(CodeIndex index) {
        java.util.Set<String> phrases = new java.util.LinkedHashSet<>();
        index.forEachDocument(d -> {
            addStarts(phrases, d.get(Fields.TITLE));
            for (String inclusion : d.getValues(Fields.INCLUSION)) {
                addStarts(phrases, inclusion);
            }
            for (String path : d.getValues(Fields.INDEX)) {
                String[] levels = path.replaceAll("\\[[^]]*]", "").split(" > ");
                addStarts(phrases, withoutModifiers(levels[0]));
                // each form of the main term ("Infarct, infarction"), with a subterm typed both ways: "cerebral infarction",
                // "screening mammogram"
                for (String main : java.util.Arrays.stream(withoutModifiers(levels[0]).split(",")).limit(3).toList()) {
                    addStarts(phrases, main);
                    if (levels.length > 1) {
                        addStarts(phrases, withoutModifiers(levels[1]) + " " + main);
                        addStarts(phrases, main + " " + withoutModifiers(levels[1]));
                    }
                }
            }
        });
        Map<String, Integer> wordWeights = new HashMap<>();
        Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        for (String phrase : phrases) {
            String last = phrase.substring(phrase.lastIndexOf(' ') + 1);
            weights.put(phrase, wordWeights.computeIfAbsent(last, index::completionWeight));
        }
        return weights;
    }

    /** Nonessential modifiers ("(acute)") are not what coders type first. */
    private static String withoutModifiers(String level) {
        return level.replaceAll("\\([^)]*\\)", " ");
    }

    private static void addStarts(java.util.Set<String> phrases, String text) {
        if (text == null) {
            return;
        }
        String[] words = Synonyms.normalize(text).split(" ");
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words.length && i < MAX_WORDS && !words[i].isEmpty(); i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(words[i]);
            phrases.add(phrase.toString());
        }
    }

    /** Takes the book's phrases and their weights: from now on {@link #begins} and {@link #continuations} answer. */
    void phrases(Map<String, Integer> weights) {
        Map<String, List<Map.Entry<String, Integer>>> byHead = new HashMap<>();
        weights.forEach((phrase, weight) -> {
            int space = phrase.lastIndexOf(' ');
            byHead.computeIfAbsent(space < 0 ? "" : phrase.substring(0, space + 1), h -> new ArrayList<>())
                    .add(Map.entry(phrase.substring(space + 1), weight));
        });
        Map<String, Words> next = new HashMap<>();
        byHead.forEach((head, words) -> {
            words.sort(Map.Entry.comparingByKey());
            next.put(head, new Words(words.stream().map(Map.Entry::getKey).toArray(String[]::new),
                    words.stream().mapToInt(Map.Entry::getValue).toArray()));
        });
        this.weights = weights;
        this.continuations = next;
    }

    /** The last words that follow one head ("pressure ulcer of "), sorted, with their weights as completions. */
    private record Words(String[] words, int[] weights) { }

    private volatile Map<String, Integer> weights;
    private volatile Map<String, Words> continuations;

    /** Whether the book's phrases are known (read or computed); the answers may still be coming. */
    boolean knowsPhrases() {
        return weights != null;
    }

    /** Whether some title, inclusion term or index entry begins with these words. */
    boolean begins(String text) {
        Map<String, Integer> known = weights;
        return known != null && known.containsKey(text);
    }

    /**
     * The {@code n} phrases that complete the last word of {@code typed} after the same words ("pressure ulcer of ri":
     * "pressure ulcer of right"), the words the index holds most first; empty when a single word is typed (a word's completions are the index's business) or
     * no phrase begins with the words before it.
     */
    List<String> continuations(String typed, int n) {
        Map<String, Words> known = continuations;
        int space = typed.lastIndexOf(' ');
        if (known == null || space < 0) {
            return List.of();
        }
        String head = typed.substring(0, space + 1);
        String fragment = typed.substring(space + 1);
        Words words = known.get(head);
        if (words == null || fragment.isEmpty()) {
            return List.of();
        }
        int from = java.util.Arrays.binarySearch(words.words(), fragment);
        List<Integer> found = new ArrayList<>();
        for (int i = from >= 0 ? from : -from - 1; i < words.words().length && words.words()[i].startsWith(fragment); i++) {
            found.add(i);
        }
        return found.stream().sorted((a, b) -> Integer.compare(words.weights()[b], words.weights()[a]) != 0
                        ? Integer.compare(words.weights()[b], words.weights()[a]) : Integer.compare(a, b))
                .limit(n).map(i -> head + words.words()[i]).toList();
    }

    /**
     * Written to a temporary file and moved, so a reader never sees half a table; only a complete table is saved, with the
     * ranking that computed it.
     */
    void save(Path file, String ranking) throws IOException {
        Map<Search.Suggestion, Integer> numbers = new HashMap<>();
        List<Search.Suggestion> distinct = new ArrayList<>();
        answers.values().forEach(list -> list.forEach(s -> numbers.computeIfAbsent(s, x -> {
            distinct.add(x);
            return distinct.size() - 1;
        })));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + System.nanoTime());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeUTF(ranking);
            out.writeInt(distinct.size());
            for (Search.Suggestion s : distinct) {
                out.writeUTF(s.system().slug());
                out.writeUTF(s.code());
                out.writeBoolean(s.title() != null);
                out.writeUTF(s.title() == null ? "" : s.title());
                out.writeBoolean(s.billable());
                out.writeUTF(s.url());
            }
            out.writeInt(answers.size());
            for (Map.Entry<String, List<Search.Suggestion>> e : answers.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(weights.getOrDefault(e.getKey(), 0));
                out.writeShort(e.getValue().size());
                for (Search.Suggestion s : e.getValue()) {
                    out.writeInt(numbers.get(s));
                }
            }
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The complete table saved for this index by this ranking ({@link RankingFingerprint}), or null when there is none, it
     * was computed by another build of the ranking, or it cannot be read (it is then rebuilt).
     */
    static PhraseAnswers load(String key, String ranking, Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key) || !in.readUTF().equals(ranking)) {
                return null;
            }
            Search.Suggestion[] distinct = new Search.Suggestion[in.readInt()];
            for (int i = 0; i < distinct.length; i++) {
                CodeSystem system = CodeSystem.ofSlug(in.readUTF()).orElseThrow();
                String code = in.readUTF();
                boolean titled = in.readBoolean();
                String title = titled ? in.readUTF() : null;
                if (!titled) {
                    in.readUTF();
                }
                distinct[i] = new Search.Suggestion(system, code, title, in.readBoolean(), in.readUTF());
            }
            PhraseAnswers table = new PhraseAnswers(key);
            Map<String, Integer> weights = new HashMap<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String text = in.readUTF();
                weights.put(text, in.readInt());
                Search.Suggestion[] answer = new Search.Suggestion[in.readShort()];
                for (int j = 0; j < answer.length; j++) {
                    answer[j] = distinct[in.readInt()];
                }
                table.answers.put(text, List.of(answer));
            }
            table.phrases(weights);
            table.completed();
            return table;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
