package org.codedesk.assistant.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.codedesk.assistant.Answer;
import org.codedesk.assistant.Assistant;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The assistant page {@code /ask}: a question form answered in the page (works without JavaScript), and
 * {@code /ask/stream}, the same answer as server-sent events, a statement at a time, for the page's script.
 * Each question counts against the plan's assistant quota.
 */
@Controller
class AskController {

    static final String VIEW = "assistant/ask";
    static final String QUOTA = "You have used the assistant questions of your plan for this period. Register or log in for more,"
            + " or see the plans for unlimited questions.";

    private final Assistant assistant;
    private final CodePageViews quotas;
    private final Viewers viewers;
    private final ExecutorService streams = Executors.newFixedThreadPool(2);

    AskController(Assistant assistant, CodePageViews quotas, Viewers viewers) {
        this.assistant = assistant;
        this.quotas = quotas;
        this.viewers = viewers;
    }

    @GetMapping("/ask")
    String page() {
        return VIEW;
    }

    @PostMapping("/ask")
    String ask(@RequestParam(required = false) String q, @RequestParam(required = false) String date, Model model,
               HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("q", q);
        model.addAttribute("date", date);
        try {
            LocalDate day = date(date);
            Assistant.requireQuestion(q);
            if (!quotas.assistantQuestion(viewers.of(request, response))) {
                model.addAttribute("error", QUOTA);
                return VIEW;
            }
            model.addAttribute("answer", assistant.answer(q, day));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return VIEW;
    }

    @GetMapping(path = "/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String q, @RequestParam(required = false) String date,
                      HttpServletRequest request, HttpServletResponse response) {
        SseEmitter emitter = new SseEmitter(60_000L);
        boolean allowed = quotas.assistantQuestion(viewers.of(request, response));
        streams.submit(() -> {
            try {
                if (!allowed) {
                    emitter.send(SseEmitter.event().name("error").data(Map.of("message", QUOTA)));
                } else {
                    Answer answer = assistant.answer(q, date(date));
                    for (Answer.Statement statement : answer.statements()) {
                        emitter.send(SseEmitter.event().name("statement").data(statement, MediaType.APPLICATION_JSON));
                    }
                    for (String missing : answer.missing()) {
                        emitter.send(SseEmitter.event().name("missing").data(Map.of("text", missing), MediaType.APPLICATION_JSON));
                    }
                    emitter.send(SseEmitter.event().name("done").data(Map.of("intent", answer.intent().name(),
                            "dateOfService", answer.dateOfService().toString()), MediaType.APPLICATION_JSON));
                }
                emitter.complete();
            } catch (IllegalArgumentException e) {
                sendError(emitter, e.getMessage());
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    private static void sendError(SseEmitter emitter, String message) {
        try {
            emitter.send(SseEmitter.event().name("error").data(Map.of("message", message), MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
    }

    static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + date + "\" is not a date: write it as YYYY-MM-DD.");
        }
    }

    @PreDestroy
    void stop() {
        streams.shutdownNow();
    }
}
