package org.codedesk.assistant.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.assistant.Answer;
import org.codedesk.assistant.AskedQuestion;
import org.codedesk.assistant.Assistant;
import org.codedesk.assistant.QuestionHistory;
import org.codedesk.assistant.Reader;
import org.codedesk.catalog.DateOfService;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The assistant page {@code /ask}: a question form answered in the page (works without JavaScript), and
 * {@code POST /ask/stream}, the same answer as server-sent events, a statement at a time, for the page's script.
 * Each question counts against the plan's assistant quota, and a member's is kept in their history: so both are
 * POSTs with the form's CSRF token, which another site cannot make the member's browser send (a GET is refused).
 * A guest's answer keeps the code pages' gate ({@link Reader#GUEST}).
 */
@Controller
class AskController {

    static final String VIEW = "assistant/ask";
    static final String QUOTA = "You have used the assistant questions of your plan for this period. Register or log in for more,"
            + " or see the plans for unlimited questions.";

    static final String ASKED_VIEW = "assistant/asked";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AskController.class);

    private final Assistant assistant;
    private final CodePageViews quotas;
    private final Viewers viewers;
    private final QuestionHistory history;
    private final Accounts accounts;
    private final ExecutorService streams = Executors.newFixedThreadPool(2);

    AskController(Assistant assistant, CodePageViews quotas, Viewers viewers, QuestionHistory history, Accounts accounts) {
        this.assistant = assistant;
        this.quotas = quotas;
        this.viewers = viewers;
        this.history = history;
        this.accounts = accounts;
    }

    @GetMapping("/ask")
    String page(@RequestParam(required = false) Long conversation, Model model, HttpServletRequest request) {
        memberId(request).ifPresent(member -> {
            model.addAttribute("history", history.conversations(member, 20));
            if (conversation != null) {
                List<AskedQuestion> thread = history.conversation(member, conversation);
                if (!thread.isEmpty()) {
                    model.addAttribute("thread", thread);
                    model.addAttribute("conversation", conversation);
                }
            }
        });
        return VIEW;
    }

    /** The member's conversation to continue: its questions, oldest first; empty for a guest or another member's id. */
    private List<AskedQuestion> thread(HttpServletRequest request, Long conversation) {
        return conversation == null ? List.of() : memberId(request).map(member -> history.conversation(member, conversation)).orElse(List.of());
    }

    /** One of the member's earlier questions with its answer and their feedback; another member's is not found. */
    @GetMapping("/ask/history/{id}")
    String asked(@PathVariable long id, Model model, HttpServletRequest request) {
        AskedQuestion asked = memberId(request).flatMap(member -> history.find(member, id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no question " + id + " in your history."));
        model.addAttribute("asked", asked);
        return ASKED_VIEW;
    }

    @PostMapping("/ask/history/{id}/feedback")
    String feedback(@PathVariable long id, @RequestParam boolean helpful, HttpServletRequest request) {
        boolean saved = memberId(request).map(member -> history.feedback(member, id, helpful)).orElse(false);
        if (!saved) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no question " + id + " in your history.");
        }
        return "redirect:/ask/history/" + id;
    }

    private Optional<Long> memberId(HttpServletRequest request) {
        return accounts.member(request.getUserPrincipal()).map(Member::id);
    }

    /** A member (logged in, or an API token) reads what the code pages show members; anyone else is a guest, as there. */
    static Reader reader(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? Reader.GUEST : Reader.MEMBER;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView notFound(ResponseStatusException e) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", e.getStatusCode().value());
        view.addObject("message", e.getReason());
        view.setStatus(HttpStatus.valueOf(e.getStatusCode().value()));
        return view;
    }

    @PostMapping("/ask")
    String ask(@RequestParam(required = false) String q, @RequestParam(required = false) String date,
               @RequestParam(required = false) Long conversation, Model model, HttpServletRequest request, HttpServletResponse response) {
        List<AskedQuestion> thread = thread(request, conversation);
        Long continued = thread.isEmpty() ? null : conversation;
        model.addAttribute("q", q);
        model.addAttribute("date", date);
        try {
            LocalDate day = DateOfService.parse(date);
            Assistant.requireQuestion(q);
            if (!quotas.assistantQuestion(viewers.of(request, response))) {
                model.addAttribute("error", QUOTA);
                return VIEW;
            }
            Answer answer = assistant.answer(q, day, thread.isEmpty() ? null : thread.get(thread.size() - 1).question(), reader(request));
            model.addAttribute("answer", answer);
            model.addAttribute("thread", thread);
            memberId(request).ifPresent(member -> {
                long id = history.record(member, answer, continued);
                model.addAttribute("askedId", id);
                model.addAttribute("conversation", continued == null ? id : continued);
                model.addAttribute("history", history.conversations(member, 20));
            });
        } catch (ResponseStatusException e) {
            model.addAttribute("error", e.getReason());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return VIEW;
    }

    @PostMapping(path = "/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String q, @RequestParam(required = false) String date,
                      @RequestParam(required = false) Long conversation, HttpServletRequest request, HttpServletResponse response) {
        List<AskedQuestion> thread = thread(request, conversation);
        Long continued = thread.isEmpty() ? null : conversation;
        String previous = thread.isEmpty() ? null : thread.get(thread.size() - 1).question();
        SseEmitter emitter = new SseEmitter(60_000L);
        LocalDate day;
        try {
            // refused before it counts against the quota, as on the page and in the API
            day = DateOfService.parse(date);
            Assistant.requireQuestion(q);
        } catch (ResponseStatusException e) {
            sendError(emitter, e.getReason());
            return emitter;
        } catch (IllegalArgumentException e) {
            sendError(emitter, e.getMessage());
            return emitter;
        }
        boolean allowed = quotas.assistantQuestion(viewers.of(request, response));
        Optional<Long> member = memberId(request);
        Reader reader = reader(request);
        streams.submit(() -> {
            try {
                if (!allowed) {
                    emitter.send(SseEmitter.event().name("error").data(Map.of("message", QUOTA)));
                } else {
                    Answer answer = assistant.answer(q, day, previous, reader);
                    for (Answer.Statement statement : answer.statements()) {
                        emitter.send(SseEmitter.event().name("statement").data(statement, MediaType.APPLICATION_JSON));
                    }
                    for (String notice : answer.notices()) {
                        emitter.send(SseEmitter.event().name("notice").data(Map.of("text", notice), MediaType.APPLICATION_JSON));
                    }
                    for (String missing : answer.missing()) {
                        emitter.send(SseEmitter.event().name("missing").data(Map.of("text", missing), MediaType.APPLICATION_JSON));
                    }
                    Map<String, Object> done = new java.util.HashMap<>(Map.of("intent", answer.intent().name(),
                            "dateOfService", answer.dateOfService().toString()));
                    member.ifPresent(id -> {
                        long asked = history.record(id, answer, continued);
                        done.put("history", "/ask/history/" + asked);
                        done.put("conversation", continued == null ? asked : continued);
                    });
                    emitter.send(SseEmitter.event().name("done").data(done, MediaType.APPLICATION_JSON));
                }
                emitter.complete();
            } catch (IOException e) {
                emitter.completeWithError(e); // the browser went away
            } catch (RuntimeException e) {
                log.warn("Answering over the stream failed", e);
                sendError(emitter, "The answer could not be composed; please ask again.");
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


    @PreDestroy
    void stop() {
        streams.shutdownNow();
    }
}
