package org.interlock.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits until an HTTP endpoint answers 200, or fails with the reason and where to look. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Readiness() {
    }

    public static boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls {@code url} until it answers 200. {@code alive} lets a crashed process fail the wait
     * at once instead of after the whole timeout.
     */
    public static void await(String what, String url, Duration timeout, BooleanSupplier alive, String logHint) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (answers200(url)) {
                return;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it was ready; see " + logHint);
            }
            sleep();
        }
        throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s (" + url
                + "); see " + logHint);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
