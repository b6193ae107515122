package org.interlock.e2e.readme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.e2e.readme.ReadmeSnippet.Language;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestKeycloak;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's shell and JavaScript snippets, read from README.md when the test runs, each run as
 * written against the running system (real Keycloak, Kafka and PostgreSQL, every application a
 * process) on a machine whose default {@code java} is whatever the PATH says (no JAVA_HOME). Only
 * the hosts are pointed at the test stack, through the variables the snippets read ({@code GATEWAY},
 * {@code KEYCLOAK}), and the README's stated inputs are given ({@code PERSON}; {@code gateway} and
 * {@code token} in JavaScript). Each must end well and print what the README promises: a token,
 * the person's records, the streamed event, "VERIFIED". A snippet marked
 * {@code <!-- not run by ReadmeSnippetsTest: why -->} is reported as not run, with that reason;
 * no other is left out.
 */
class ReadmeSnippetsTest {

    private static final Duration BOUND = Duration.ofSeconds(150);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration STREAMED = Duration.ofSeconds(60);
    private static final Duration SEALED = Duration.ofSeconds(30);
    private static final Pattern SSE_ID = Pattern.compile("(?m)^id: ?(\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = TestKeycloak.repository();

    @TestFactory
    Stream<DynamicTest> everyReadmeSnippetRunsAsWritten() throws IOException {
        List<ReadmeSnippet> snippets = ReadmeSnippet.in(REPOSITORY.resolve("README.md"));
        assertFalse(snippets.isEmpty(), "README.md has shell snippets");
        return snippets.stream().map(snippet -> dynamicTest(snippet.title(), () -> run(snippet)));
    }

    private void run(ReadmeSnippet snippet) throws Exception {
        if (snippet.notRunBecause().isPresent()) {
            Assumptions.abort(snippet.title() + ": not run, as README.md says before it: "
                    + snippet.notRunBecause().get());
        }
        try {
            check(snippet);
        } catch (AssertionError e) {
            AssertionError named = new AssertionError(snippet.title() + ": " + e.getMessage());
            named.setStackTrace(e.getStackTrace());
            throw named;
        }
    }

    /** Runs it, and checks what the README promises it prints. */
    private void check(ReadmeSnippet snippet) throws Exception {
        if (snippet.mentions("/feeds/v1/")) {
            showsTheFeed(snippet);
        } else if (snippet.mentions("audit-verifier")) {
            verifiesTheSignedExport(snippet);
        } else if (snippet.mentions("/api/v1/")) {
            readsThePersonsRecords(snippet);
        } else if (snippet.mentions("openid-connect/token")) {
            printsAToken(snippet);
        } else {
            endsWell(snippet);
        }
    }

    /** A token answer of Keycloak's: JSON with an access token (a JWT). */
    private void printsAToken(ReadmeSnippet snippet) throws Exception {
        SnippetProcess.Ending ending = runToEnd(snippet, Map.of());
        String token = json(ending).path("access_token").asText();
        assertEquals(3, token.split("\\.").length, "an access token (JWT)\n" + ending.describe());
    }

    /** The custody episodes of the person named by PERSON, as its owning agency reads them: exactly the one recorded. */
    private void readsThePersonsRecords(ReadmeSnippet snippet) throws Exception {
        String person = PersonReference.random();
        String episode = receiveIntoCustody(person);
        SnippetProcess.Ending ending = runToEnd(snippet, Map.of("PERSON", person));
        List<String> ids = new ArrayList<>();
        json(ending).forEach(record -> ids.add(record.path("id").asText()));
        assertEquals(List.of(episode), ids, ending.describe());
    }

    /**
     * A live feed shows a release recorded while it runs. Feeds start at the live end, so the
     * release date is set again until both the snippet and the test's own view of the feed show it.
     * Where the snippet reconnects with Last-Event-ID, its first stream is frozen (a connection gone
     * quiet), a release is recorded and reaches the feed log, then the stream is interrupted: the
     * snippet's second stream can only show that release by resuming.
     */
    private void showsTheFeed(ReadmeSnippet snippet) throws Exception {
        GatewayClient olivia = GatewayClient.as(gateway(), "olivia.prison", "case-management");
        String person = PersonReference.random();
        String episode = receiveIntoCustody(person);
        String follower = snippet.language() == Language.BASH ? "curl" : "node";
        try (AnalystFeed observer = new AnalystFeed(gateway(), person);
                SnippetProcess run = start(snippet, Map.of("TOKEN", KeycloakTokens.accessToken("ana.analyst")))) {
            awaitShown(run, observer, () -> {
                assertTrue(run.running(), "the feed ended by itself\n" + run.snapshot().describe());
                setReleaseDate(olivia, episode, LocalDate.now().plusDays(30));
                return run.stdout().contains(person) && observer.shows(person);
            });
            if (snippet.mentions("Last-Event-ID")) {
                resumesWhereItStopped(run, observer, olivia, episode);
            }
            run.interrupt(follower);
            SnippetProcess.Ending ending = run.awaitEnd(PATIENCE);
            assertEquals(SnippetProcess.INTERRUPTED, ending.exit(), "ended by the interruption only\n" + ending.describe());
        }
    }

    private void resumesWhereItStopped(SnippetProcess run, AnalystFeed observer, GatewayClient olivia, String episode) {
        run.pause("curl");
        String before = run.stdout();
        List<String> ids = sseIds(before);
        assertFalse(ids.isEmpty(), "the feed's events carry ids\n" + before);
        String whileAway = LocalDate.now().plusDays(90).toString();
        setReleaseDate(olivia, episode, LocalDate.parse(whileAway));
        awaitShown(run, observer, () -> observer.shows(whileAway));
        run.interrupt("curl");
        awaitShown(run, observer, () -> run.stdout().contains(whileAway));
        assertFalse(sseIds(run.stdout().substring(before.length())).contains(ids.getLast()),
                "the resumed feed starts after the last event received\n" + run.stdout());
    }

    private static void awaitShown(SnippetProcess run, AnalystFeed observer, Callable<Boolean> shown) {
        try {
            await().atMost(STREAMED).pollInterval(Duration.ofSeconds(1)).until(shown);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + run.snapshot().describe() + "\n--- the test's own view\n"
                    + observer, e);
        }
    }

    /** The auditor's recipe ends with the verifier saying the export is exactly what the log signed. */
    private void verifiesTheSignedExport(ReadmeSnippet snippet) throws Exception {
        GatewayClient auditor = GatewayClient.as(gateway(), "aud.auditor", null);
        await().atMost(SEALED).until(() -> auditor.get("/audit/v1/tree-heads/latest").status() == 200);
        SnippetProcess.Ending ending = runToEnd(snippet, Map.of());
        assertEquals(0, ending.exit(), ending.describe());
        assertTrue(ending.stdout().startsWith("VERIFIED: "), ending.describe());
    }

    /** Any other snippet: exit 0, and an answer that is not an error. */
    private void endsWell(ReadmeSnippet snippet) throws Exception {
        SnippetProcess.Ending ending = runToEnd(snippet, Map.of());
        assertFalse(ending.stdout().isBlank(), ending.describe());
        assertFalse(ending.stdout().contains("urn:interlock:problem:"), ending.describe());
    }

    private SnippetProcess.Ending runToEnd(ReadmeSnippet snippet, Map<String, String> inputs) throws Exception {
        try (SnippetProcess run = start(snippet, inputs)) {
            SnippetProcess.Ending ending = run.awaitEnd(PATIENCE);
            assertEquals(0, ending.exit(), ending.describe());
            return ending;
        }
    }

    /**
     * Starts the snippet in a directory of its own that looks like the repository (a link to each
     * of its entries), as a user runs the README from the repository's root, without leaving
     * the snippet's files (export.ndjson, feed.txt, ...) in the working tree.
     */
    private static SnippetProcess start(ReadmeSnippet snippet, Map<String, String> inputs) throws IOException {
        Path directory = Path.of("target", "readme-snippets", "line-" + snippet.line()).toAbsolutePath();
        deleteTree(directory);
        Files.createDirectories(directory);
        try (Stream<Path> entries = Files.list(REPOSITORY)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().matches("\\.git|\\.interlock")).toList()) {
                Files.createSymbolicLink(directory.resolve(entry.getFileName()), entry);
            }
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("JAVA_HOME"); // a new user's machine: `java` is whatever the PATH finds
        environment.put("GATEWAY", gateway());
        environment.put("KEYCLOAK", TestKeycloak.shared().url());
        environment.putAll(inputs);
        return SnippetProcess.start(command(snippet, directory), directory, environment, BOUND);
    }

    /** bash for shell snippets; Node for JavaScript, given the README's free variables gateway and token. */
    private static List<String> command(ReadmeSnippet snippet, Path directory) throws IOException {
        if (snippet.language() == Language.BASH) {
            return List.of("bash", Files.writeString(directory.resolve("snippet.sh"), snippet.code()).toString());
        }
        String preamble = "const gateway = process.env.GATEWAY;\nconst token = process.env.TOKEN;\n";
        Path script = Files.writeString(directory.resolve("snippet.mjs"), preamble + snippet.code());
        List<String> node = new ArrayList<>(List.of("node"));
        if (snippet.mentions("WebSocket") && nodeMajor() < 22) {
            node.add("--experimental-websocket"); // global WebSocket: Node 22+, behind this flag in 20 and 21
        }
        node.add(script.toString());
        return node;
    }

    private static int nodeMajor() throws IOException {
        Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        String version = new String(node.getInputStream().readAllBytes()).strip(); // v20.20.2
        return Integer.parseInt(version.substring(1, version.indexOf('.')));
    }

    private static String receiveIntoCustody(String person) {
        GatewayClient olivia = GatewayClient.as(gateway(), "olivia.prison", "case-management");
        GatewayClient.Answer received = olivia.post("/api/v1/prisons/custody-episodes", Map.of("person", person,
                "prisonNumber", "R1234EA", "establishment", "HMP Frankland", "securityCategory", "B",
                "receivedOn", LocalDate.now().toString()));
        assertEquals(201, received.status(), String.valueOf(received.body()));
        return received.body().path("id").asText();
    }

    private static void setReleaseDate(GatewayClient olivia, String episode, LocalDate date) {
        GatewayClient.Answer set = olivia.put("/api/v1/prisons/custody-episodes/" + episode + "/release-date",
                Map.of("releaseDate", date.toString()));
        assertEquals(200, set.status(), String.valueOf(set.body()));
    }

    private static JsonNode json(SnippetProcess.Ending ending) {
        try {
            return JSON.readTree(ending.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON\n" + ending.describe(), e);
        }
    }

    private static List<String> sseIds(String stream) {
        List<String> ids = new ArrayList<>();
        Matcher id = SSE_ID.matcher(stream);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    private static String gateway() {
        return TestStack.shared().gatewayUrl();
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> tree = Files.walk(directory)) { // walk does not follow the links
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
