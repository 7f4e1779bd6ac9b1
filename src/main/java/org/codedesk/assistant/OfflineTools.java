package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The offline answers offered to a language model as tools: the model names a tool and its arguments, the
 * arguments are read like a question (codes, modifiers, setting), and the tool's intent is answered from
 * CodeDesk's data for the reader of the answer (a guest's tools give the members' gate, not the facts). Thread-safe.
 */
final class OfflineTools implements ToolBox {

    private record Tool(String name, Intent intent, String description, List<String> parameters) { }

    private static final List<Tool> TOOLS = List.of(
            new Tool("lookup_code", Intent.CODE_LOOKUP, "Descriptor, billable status and key notes of codes (ICD-10-CM, ICD-10-PCS, HCPCS, CPT)", List.of("codes")),
            new Tool("ncci_ptp_edits", Intent.PTP_PAIR, "NCCI procedure-to-procedure edits between CPT/HCPCS codes billed on the same day", List.of("codes", "setting")),
            new Tool("mue", Intent.MUE, "Medically unlikely edit (maximum units) of CPT/HCPCS codes per setting", List.of("codes", "setting")),
            new Tool("fee_schedule", Intent.FEE_SCHEDULE, "Physician Fee Schedule status, RVUs, national payment, global period of CPT/HCPCS codes", List.of("codes")),
            new Tool("modifier", Intent.MODIFIER, "What a modifier means and how NCCI treats it", List.of("modifiers")),
            new Tool("icd9_crosswalk", Intent.CROSSWALK, "GEM mappings between ICD-10-CM/PCS codes and ICD-9-CM", List.of("codes")),
            new Tool("search_codes", Intent.FIND_CODE, "Codes matching a description of a condition or procedure", List.of("query")),
            new Tool("guidelines", Intent.GUIDELINE, "Sections of the ICD-10-CM Official Guidelines about a topic", List.of("query")));

    private final OfflineAnswers answers;
    private final Function<String, Interpretation> interpreter;
    private final Reader reader;

    OfflineTools(OfflineAnswers answers, Function<String, Interpretation> interpreter, Reader reader) {
        this.answers = answers;
        this.interpreter = interpreter;
        this.reader = reader;
    }

    @Override
    public List<Map<String, Object>> definitions() {
        List<Map<String, Object>> definitions = new ArrayList<>();
        for (Tool tool : TOOLS) {
            Map<String, Object> properties = new java.util.LinkedHashMap<>();
            for (String p : tool.parameters()) {
                properties.put(p, switch (p) {
                    case "codes" -> Map.of("type", "array", "items", Map.of("type", "string"), "description", "codes as coders write them");
                    case "modifiers" -> Map.of("type", "array", "items", Map.of("type", "string"));
                    case "setting" -> Map.of("type", "string", "enum", List.of("practitioner", "outpatient hospital", "dme"));
                    default -> Map.of("type", "string");
                });
            }
            definitions.add(Map.of("type", "function", "function", Map.of("name", tool.name(), "description", tool.description(),
                    "parameters", Map.of("type", "object", "properties", properties, "required", List.of(tool.parameters().get(0))))));
        }
        return definitions;
    }

    @Override
    public Answer run(String name, Map<String, Object> arguments, LocalDate date) {
        Tool tool = TOOLS.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (tool == null) {
            return new Answer(name, date, Intent.FIND_CODE, List.of(), List.of("There is no tool " + name + "."), List.of());
        }
        StringBuilder text = new StringBuilder();
        arguments.values().forEach(v -> text.append(' ').append(v instanceof List<?> list ? String.join(" modifier ", list.stream()
                .map(String::valueOf).toList()) : String.valueOf(v)));
        if (tool.intent() == Intent.MODIFIER) {
            text.insert(0, " modifier");
        }
        Interpretation read = interpreter.apply(text.toString());
        Interpretation asked = new Interpretation(tool.intent(), read.procedures(), read.diagnoses(), read.pcs(), read.modifiers(), read.date(),
                read.setting(), read.words());
        return answers.answer(text.toString().trim(), date, asked, reader);
    }
}
