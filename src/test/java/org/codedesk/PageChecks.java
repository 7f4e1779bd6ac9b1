package org.codedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Checks the page open in a browser at a phone's width (390 px) and a laptop's (1366 px), without reloading it (so a
 * page answering a form is checked as well): the page does not scroll sideways, it has the layout's skip link to
 * {@code main#content} and the footer with the AMA notice, and axe-core finds no serious or critical violation. Problems
 * are collected, one line each, so one run lists every page's; {@link #counts()} keeps axe's figures per impact.
 */
public final class PageChecks {

    /** The widths every page is checked at: a phone (iPhone 12 to 15) and a common laptop. */
    public static final int[] WIDTHS = {390, 1366};

    private static final String AXE = readAxe();
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
                id: v.id, impact: v.impact || 'none', help: v.help,
                nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))))
              .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0, targets: ''}]));
            """;

    private final WebDriver browser;
    private final List<String> problems = new ArrayList<>();
    private final java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();

    public PageChecks(WebDriver browser) {
        this.browser = browser;
    }

    /** Checks the page now open at each width, under {@code label} in the problems. */
    public void check(String label) {
        for (int width : WIDTHS) {
            resize(width);
            String at = label + " @" + width + "px: ";
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
            // clientWidth: the viewport less a vertical scrollbar, so content hidden under it counts too
            long innerWidth = (Long) js.executeScript("return document.documentElement.clientWidth");
            if (scrollWidth > innerWidth) {
                problems.add(at + "scrolls sideways (scrollWidth " + scrollWidth + " > " + innerWidth + "; widest: "
                        + js.executeScript(WIDEST) + ")");
            }
            if (!(Boolean) js.executeScript("return !!document.querySelector(\"a.skip-link[href='#content']\") && !!document.querySelector('main#content')")) {
                problems.add(at + "no skip link to main#content");
            }
            Object footer = js.executeScript("const f = document.querySelector('footer.site-footer'); return f ? f.textContent : ''");
            if (!footer.toString().contains("American Medical Association")) {
                problems.add(at + "no footer with the AMA/CPT notice");
            }
            axe(at);
        }
    }

    private void axe(String at) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!(Boolean) js.executeScript("return typeof axe !== 'undefined'")) {
            js.executeScript(AXE); // WebDriver's scripts are not bound by the page's Content-Security-Policy
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(RUN_AXE);
        for (Map<String, Object> v : violations) {
            String impact = String.valueOf(v.get("impact"));
            counts.merge(impact, ((Number) v.get("nodes")).intValue(), Integer::sum);
            if (impact.equals("serious") || impact.equals("critical")) {
                problems.add(at + impact + " " + v.get("id") + " (" + v.get("help") + "), " + v.get("nodes") + " element(s): " + v.get("targets"));
            }
        }
    }

    private void resize(int width) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    public List<String> problems() {
        return problems;
    }

    /** Elements (axe nodes) with a violation, per impact, over every check so far. */
    public Map<String, Integer> counts() {
        return counts;
    }

    /** The element reaching furthest right, to name in a failure. */
    /** The outermost elements reaching past the viewport's right edge, none of whose ancestors clips them, to name in a failure. */
    private static final String WIDEST = """
            const width = document.documentElement.clientWidth, found = [];
            const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
            for (const e of document.querySelectorAll('body *')) {
              if (e.getBoundingClientRect().right > width && e.parentElement.getBoundingClientRect().right <= width && !clipped(e)) {
                found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                    ? '.' + e.className.trim().replace(/\\s+/g, '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
              }
            }
            return found.slice(0, 5).join(', ');
            """;

    private static String readAxe() {
        try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
