package org.codedesk.assistant;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The optional language model: any OpenAI-compatible chat completions endpoint ({@code codedesk.assistant.model.url},
 * {@code .name}, {@code .key}, {@code .timeout}). It gets the question with PHI redacted and CodeDesk's own
 * numbered sources, and must write from them and cite them as [n]. Off when no URL is set. A model that fails
 * or takes too long gives way to the offline answer (the caller says so). Thread-safe.
 */
@Component
class LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(LanguageModel.class);
    static final int ROUNDS = 3;
    private static final Pattern REFERENCE = Pattern.compile("\\[(\\d{1,2})]");
    static final String RULES = "You are CodeDesk's assistant for professional medical coders. Answer only from the numbered sources"
            + " given. After each paragraph cite the sources it rests on as [n]. Never name a code that is not in the sources. If the"
            + " sources do not answer the question, say what is missing. Be concise; plain text, paragraphs separated by a blank line.";

    private final String url;
    private final String name;
    private final String key;
    private final Duration timeout;
    private final RestClient client;

    LanguageModel(@Value("${codedesk.assistant.model.url:}") String url, @Value("${codedesk.assistant.model.name:}") String name,
                  @Value("${codedesk.assistant.model.key:}") String key, @Value("${codedesk.assistant.model.timeout:PT20S}") Duration timeout) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.name = name;
        this.key = key;
        this.timeout = timeout;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.client = RestClient.builder().requestFactory(factory).build();
    }

    boolean enabled() {
        return !url.isBlank();
    }

    String name() {
        return name.isBlank() ? "model" : name;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The model's answer written from the offline answer's statements (its first sources) and, when a tool box is
     * given, from the results of the tools it calls (at most {@value #ROUNDS} rounds), each result becoming more
     * numbered sources. Empty when the model failed, timed out or answered nothing. Only the redacted question and
     * CodeDesk's own data leave the machine.
     */
    Optional<Answer> answer(Answer sources, ToolBox tools) {
        List<Answer.Citation> numbered = new ArrayList<>();
        StringBuilder prompt = new StringBuilder("Date of service: ").append(sources.dateOfService()).append("\nQuestion: ")
                .append(PhiRedactor.redact(sources.question())).append("\n\nSources:\n").append(number(sources, numbered));
        if (!sources.missing().isEmpty()) {
            prompt.append("\nNot available in CodeDesk's data:\n");
            sources.missing().forEach(m -> prompt.append("- ").append(m).append('\n'));
        }
        List<Object> messages = new ArrayList<>(List.of(Map.of("role", "system", "content", RULES), Map.of("role", "user", "content", prompt.toString())));
        try {
            for (int round = 0; round <= ROUNDS; round++) {
                Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("model", name(), "temperature", 0, "messages", messages));
                if (tools != null && round < ROUNDS) {
                    body.put("tools", tools.definitions());
                }
                Map<?, ?> response = client.post().uri(url + "/chat/completions")
                        .headers(h -> { if (!key.isBlank()) h.setBearerAuth(key); })
                        .body(body).retrieve().body(Map.class);
                Map<?, ?> message = message(response);
                if (message == null) {
                    return Optional.empty();
                }
                if (tools != null && message.get("tool_calls") instanceof List<?> calls && !calls.isEmpty()) {
                    messages.add(message);
                    for (Object call : calls) {
                        messages.add(runTool((Map<?, ?>) call, tools, sources.dateOfService(), numbered));
                    }
                    continue;
                }
                String content = message.get("content") instanceof String text ? text : null;
                if (content == null || content.isBlank()) {
                    return Optional.empty();
                }
                return Optional.of(new Answer(sources.question(), sources.dateOfService(), sources.intent(), statements(content, numbered),
                        sources.missing(), List.of(), "model " + name(), sources.notices()));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("The language model at {} failed ({}: {}); the offline answer is used", url, e.getClass().getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs one tool call and returns the "tool" message with its result as numbered sources (continuing the numbering). */
    private static Map<String, Object> runTool(Map<?, ?> call, ToolBox tools, java.time.LocalDate date, List<Answer.Citation> numbered) {
        Map<?, ?> function = (Map<?, ?>) call.get("function");
        String name = String.valueOf(function.get("name"));
        Map<String, Object> arguments;
        try {
            arguments = org.springframework.boot.json.JsonParserFactory.getJsonParser().parseMap(String.valueOf(function.get("arguments")));
        } catch (RuntimeException e) {
            arguments = Map.of();
        }
        Answer result = tools.run(name, arguments, date);
        String content = number(result, numbered) + (result.missing().isEmpty() ? "" : "Not available: " + String.join(" ", result.missing()));
        return Map.of("role", "tool", "tool_call_id", String.valueOf(call.get("id")), "content", content.isBlank() ? "No result." : content);
    }

    /** The answer's statements as "[n] text (source)" lines, numbered after those already given. */
    private static String number(Answer answer, List<Answer.Citation> numbered) {
        StringBuilder text = new StringBuilder();
        for (Answer.Statement s : answer.statements()) {
            numbered.add(s.citations().isEmpty() ? new Answer.Citation("CodeDesk", null) : s.citations().get(0));
            text.append('[').append(numbered.size()).append("] ").append(s.text()).append(" (").append(numbered.get(numbered.size() - 1).source())
                    .append(")\n");
        }
        return text.toString();
    }

    private static Map<?, ?> message(Map<?, ?> response) {
        if (response == null || !(response.get("choices") instanceof List<?> choices) || choices.isEmpty()
                || !(choices.get(0) instanceof Map<?, ?> choice) || !(choice.get("message") instanceof Map<?, ?> message)) {
            return null;
        }
        return message;
    }

    /** Paragraphs become statements; their [n] become citations of the numbered sources; an uncited paragraph says so. */
    static List<Answer.Statement> statements(String content, List<Answer.Citation> numbered) {
        List<Answer.Statement> statements = new ArrayList<>();
        for (String paragraph : content.trim().split("\\n\\s*\\n")) {
            Set<Answer.Citation> cited = new LinkedHashSet<>();
            Matcher m = REFERENCE.matcher(paragraph);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n >= 1 && n <= numbered.size()) {
                    cited.add(numbered.get(n - 1));
                }
            }
            String text = REFERENCE.matcher(paragraph).replaceAll("").replaceAll("\\s+", " ").trim();
            if (!text.isEmpty()) {
                statements.add(new Answer.Statement(cited.isEmpty() ? text + " [No source cited: check before relying on it.]" : text,
                        List.copyOf(cited)));
            }
        }
        return statements;
    }
}
