package org.interlock.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the policy alone cannot show about the console's own files (ADR 0020): no inline script or
 * event handler for the policy to have to allow, no HTML parsed from data, no token kept in the
 * browser's storage (only the login round trip's verifier and state, in auth.js), and the
 * policy's origins derived from the configured realm.
 */
class ConsoleAssetsTest {

    private static final Path CONSOLE = Path.of("src/main/resources/META-INF/resources/console");

    @Test
    void thePageHasNoInlineScriptStyleOrHandler() throws IOException {
        for (Path html : files(".html")) {
            String text = Files.readString(html);
            assertTrue(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(text).results().findAny().isEmpty(),
                    html + " has an inline script");
            assertTrue(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).results().findAny()
                    .isEmpty(), html + " has an inline event handler");
            assertTrue(!text.contains("<style") && !text.contains("style="), html + " has an inline style");
        }
    }

    @Test
    void theScriptsNeverParseDataAsHtmlNorKeepATokenInStorage() throws IOException {
        for (Path script : files(".js")) {
            String text = Files.readString(script);
            for (String forbidden : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function", "localStorage", "document.cookie")) {
                assertTrue(!text.contains(forbidden), script + " uses " + forbidden);
            }
            if (!script.endsWith("auth.js")) {
                assertTrue(!text.contains("sessionStorage"), script + " uses sessionStorage");
            }
        }
        String auth = Files.readString(CONSOLE.resolve("js/auth.js"));
        assertEquals(List.of("sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, route: route || '' }))"),
                Pattern.compile("sessionStorage\\.setItem\\([^;]*").matcher(auth).results().map(m -> m.group()).toList());
    }

    @Test
    void thePolicyLetsTheConsoleReachTheGatewayAndItsRealmOnly() {
        assertTrue(ConsolePolicy.forRealm(Optional.of("http://127.0.0.1:8180/realms/interlock")).contentSecurityPolicy()
                .contains("; connect-src 'self' http://127.0.0.1:8180; "));
        assertTrue(ConsolePolicy.forRealm(Optional.empty()).contentSecurityPolicy().contains("; connect-src 'self'; "));
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(CONSOLE)) {
            return all.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
