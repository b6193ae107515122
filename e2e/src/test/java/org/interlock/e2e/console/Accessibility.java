package org.interlock.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the script Deque ships in its Selenium jar) run on the page as it is: a test fails on
 * any serious or critical violation, naming the rule and the elements.
 */
final class Accessibility {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AXE = load();

    private Accessibility() {
    }

    static void assertNoSeriousViolations(ConsoleBrowser browser, String page) throws IOException {
        JavascriptExecutor js = browser.driver();
        js.executeScript(AXE);
        Object answer = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('axe failed: ' + e));");
        String text = String.valueOf(answer);
        if (text.startsWith("axe failed")) {
            throw new AssertionError(page + ": " + text);
        }
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(text)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(impact + " " + violation.path("id").asText() + " on " + targets);
            }
        }
        assertEquals(List.of(), serious, "axe-core on the " + page + " page");
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
