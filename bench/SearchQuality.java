import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search quality benchmark against a running CodeDesk.
 *
 * Search mode (default): runs every query of a queries file (kind, query, expected, note) through /api/v1/search and
 * prints accuracy@1, accuracy@5 and MRR (over the top 10) per query kind and overall.
 * Suggest mode (--suggest): runs every prefix of a prefixes file (same columns) through /api/v1/search/suggest
 * (8 answers) and prints top-1, top-3 and MRR per kind and overall.
 *
 * A hit counts when its code system is the query's (the note starts with PCS, HCPCS or CPT, else ICD-10-CM) and its
 * code equals an expected code or starts with an expected prefix (expected codes are separated by |).
 *
 * Usage: java bench/SearchQuality.java [base-url] [file.tsv] [--suggest] [--failures]
 */
public class SearchQuality {

    private static final Pattern HIT = Pattern.compile("\"system\":\"(\\w+)\",\"code\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                positional.add(a);
            }
        }
        String base = positional.size() > 0 ? positional.get(0) : "http://localhost:8080";
        Path file = Path.of(positional.size() > 1 ? positional.get(1) : "bench/search-queries.tsv");
        boolean showFailures = List.of(args).contains("--failures");
        boolean suggest = List.of(args).contains("--suggest");
        int good = suggest ? 3 : 5;
        HttpClient http = HttpClient.newHttpClient();
        Map<String, double[]> byKind = new LinkedHashMap<>(); // count, @1, @good, mrr
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String kind = f[0], query = f[1];
            String[] expected = f[2].split("\\|");
            String note = f.length > 3 ? f[3] : "";
            String system = note.startsWith("HCPCS") ? "HCPCS" : note.startsWith("PCS") ? "ICD10PCS" : note.startsWith("CPT") ? "CPT" : "ICD10CM";
            String url = base + (suggest ? "/api/v1/search/suggest?limit=8&q=" : "/api/v1/search?limit=10&q=")
                    + URLEncoder.encode(query, StandardCharsets.UTF_8);
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            List<String> codes = new ArrayList<>();
            Matcher m = HIT.matcher(body);
            while (m.find()) {
                codes.add(m.group(1) + ":" + m.group(2).replace(".", ""));
            }
            int rank = 0;
            for (int i = 0; i < codes.size() && rank == 0; i++) {
                String[] hit = codes.get(i).split(":");
                for (String e : expected) {
                    if (hit[0].equals(system) && hit[1].startsWith(e.trim())) {
                        rank = i + 1;
                        break;
                    }
                }
            }
            for (String k : List.of(kind, "overall")) {
                double[] s = byKind.computeIfAbsent(k, x -> new double[4]);
                s[0]++;
                s[1] += rank == 1 ? 1 : 0;
                s[2] += rank >= 1 && rank <= good ? 1 : 0;
                s[3] += rank == 0 ? 0 : 1.0 / rank;
            }
            if (showFailures && rank != 1) {
                System.out.printf("MISS@%d %-12s %-40s expected %-18s got %s%n", rank, kind, query, f[2],
                        codes.subList(0, Math.min(5, codes.size())));
            }
        }
        System.out.printf("%-13s %8s %8s %8s %8s%n", "kind", suggest ? "prefixes" : "queries", suggest ? "top-1" : "acc@1",
                suggest ? "top-3" : "acc@5", "MRR");
        for (var e : byKind.entrySet()) {
            double[] s = e.getValue();
            System.out.printf("%-13s %8d %8.3f %8.3f %8.3f%n", e.getKey(), (int) s[0], s[1] / s[0], s[2] / s[0], s[3] / s[0]);
        }
    }
}
