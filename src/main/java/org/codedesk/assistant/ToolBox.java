package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * CodeDesk's tools as a language model sees them (OpenAI function calling): each runs one of the offline
 * answers for the given arguments and returns its statements, which become numbered sources.
 */
interface ToolBox {

    /** The tool definitions sent with a request ({@code tools} of the chat completions API). */
    List<Map<String, Object>> definitions();

    /** Runs a tool; an unknown tool or bad arguments give an answer whose {@code missing} says so. */
    Answer run(String name, Map<String, Object> arguments, LocalDate date);
}
