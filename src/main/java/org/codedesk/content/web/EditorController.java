package org.codedesk.content.web;

import java.security.Principal;
import java.util.List;

import org.codedesk.content.Explanations;
import org.codedesk.content.GeneratedDrafts;
import org.codedesk.content.Revision;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's page for a code's plain-language explanation ({@code /editor/...}: EDITOR or ADMIN role), and
 * unpublishing ({@code /admin/content/...}: ADMIN). Roles are checked by the security configuration.
 */
@Controller
class EditorController {

    private final Explanations explanations;
    private final GeneratedDrafts generated;

    EditorController(Explanations explanations, GeneratedDrafts generated) {
        this.explanations = explanations;
        this.generated = generated;
    }

    @GetMapping("/editor/codes/{system}/{code}")
    String editor(@PathVariable String system, @PathVariable String code, @RequestParam(required = false) Long from,
                  @RequestParam(required = false) Long to, Model model) {
        List<Revision> revisions = explanations.revisions(system, code);
        model.addAttribute("system", system);
        model.addAttribute("code", code);
        model.addAttribute("revisions", revisions);
        // before the first revision, the editor starts from the text CodeDesk generated from the official definitions
        String start = revisions.isEmpty() ? generated.draft(system, code).orElse("") : revisions.get(0).body();
        model.addAttribute("draft", start);
        model.addAttribute("draftIsGenerated", revisions.isEmpty() && !start.isEmpty());
        model.addAttribute("preview", revisions.isEmpty() ? null : explanations.preview(revisions.get(0).body()));
        if (from != null && to != null) {
            model.addAttribute("diff", explanations.diff(from, to));
        }
        return "content/editor";
    }

    @PostMapping("/editor/codes/{system}/{code}")
    String save(@PathVariable String system, @PathVariable String code, @RequestParam(defaultValue = "") String body, Principal editor,
                RedirectAttributes redirect) {
        String problem = explanations.save(editor.getName(), system, code, body);
        redirect.addFlashAttribute("message", problem == null ? "Draft saved as a new revision." : problem);
        return "redirect:/editor/codes/" + system + "/" + code;
    }

    @PostMapping("/editor/codes/{system}/{code}/publish")
    String publish(@PathVariable String system, @PathVariable String code, @RequestParam long revision, Principal editor,
                   RedirectAttributes redirect) {
        explanations.publish(editor.getName(), system, code, revision);
        redirect.addFlashAttribute("message", "Published.");
        return "redirect:/editor/codes/" + system + "/" + code;
    }

    @PostMapping("/admin/content/{system}/{code}/unpublish")
    String unpublish(@PathVariable String system, @PathVariable String code, RedirectAttributes redirect) {
        explanations.unpublish(system, code);
        redirect.addFlashAttribute("message", "Unpublished.");
        return "redirect:/editor/codes/" + system + "/" + code;
    }
}
