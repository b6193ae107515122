package org.interlock.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver, with a fresh profile: the console as a
 * user sees it. Records the browser's network requests, so a test can check that no URL ever
 * carried a token. Closing it ends the browser and deletes the profile.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARRIED_BEARER = "quarkus-http-upgrade#Authorization#Bearer ";

    private final Path profile;
    private final ChromeDriver driver;
    private final String gateway;
    private final List<String> requestedUrls = new ArrayList<>();
    private final Set<String> bearerTokens = new TreeSet<>();

    private ConsoleBrowser(Path profile, ChromeDriver driver, String gateway) {
        this.profile = profile;
        this.driver = driver;
        this.gateway = gateway;
    }

    /** Fails (never skips) when the browser is not installed: .ci/run installs it. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The console's browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (as .ci/run does; docs/console.md)");
        }
    }

    static ConsoleBrowser open(String gateway) throws IOException {
        requireChromium();
        Path profile = Files.createTempDirectory("interlock-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1100,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ConsoleBrowser(profile, new ChromeDriver(service, options), gateway);
    }

    /** Opens a console route (e.g. {@code #/auditor?person=...}) and logs in on Keycloak's own form. */
    void loginAt(String route, String persona) {
        driver.get(gateway + "/console/" + route);
        WebElement username = await(By.id("username"));
        assertTrue(driver.getCurrentUrl().contains("/realms/interlock/protocol/openid-connect/auth"),
                driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE S256 is asked for");
        username.sendKeys(persona);
        driver.findElement(By.id("password")).sendKeys(persona);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"),
                persona));
        assertEquals(gateway + "/console/" + route, driver.getCurrentUrl(), "back on the route asked for, no code in it");
    }

    /** Goes to another route of the console already logged in. */
    void go(String route) {
        ((JavascriptExecutor) driver).executeScript("window.location.hash = arguments[0]", route.replaceFirst("^#", ""));
    }

    WebElement await(By what) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    void awaitText(By what, String text, Duration within) {
        new WebDriverWait(driver, within).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    String text(By what) {
        return driver.findElement(what).getText();
    }

    List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    ChromeDriver driver() {
        return driver;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** A screenshot of the page as it is, for the docs. */
    void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("..", "docs", "img"));
        Files.write(dir.resolve("console-" + name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Both storages of the gateway's origin, and its cookies: what a token must never be in. */
    Map<String, Object> storage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "return {local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage),"
                        + " cookies: document.cookie}");
        return kept;
    }

    /**
     * Every access token the console sent, so far (read by {@link #requestedUrls}): in an
     * Authorization header, or offered as a WebSocket sub-protocol.
     */
    Set<String> bearerTokens() {
        return Set.copyOf(bearerTokens);
    }

    /** Every URL the browser requested or opened a socket to, so far. */
    List<String> requestedUrls() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                if (method.equals("Network.requestWillBeSent")) {
                    JsonNode request = message.path("params").path("request");
                    requestedUrls.add(request.path("url").asText());
                    String authorization = request.path("headers").path("Authorization").asText();
                    if (authorization.startsWith("Bearer ")) {
                        bearerTokens.add(authorization.substring("Bearer ".length()));
                    }
                } else if (method.equals("Network.webSocketCreated")) {
                    requestedUrls.add(message.path("params").path("url").asText());
                } else if (method.equals("Network.webSocketWillSendHandshakeRequest")) {
                    carriedToken(message.path("params").path("request").path("headers")
                            .path("Sec-WebSocket-Protocol").asText()).ifPresent(bearerTokens::add);
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable performance log entry", e);
            }
        }
        return List.copyOf(requestedUrls);
    }

    /** The token a WebSocket offers as the sub-protocol {@code quarkus-http-upgrade#Authorization#Bearer <token>}. */
    private static Optional<String> carriedToken(String protocols) {
        for (String offered : protocols.split(",")) {
            String protocol = URLDecoder.decode(offered.trim(), StandardCharsets.UTF_8);
            if (protocol.startsWith(CARRIED_BEARER)) {
                return Optional.of(protocol.substring(CARRIED_BEARER.length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
