package org.interlock.gateway.proxy;

/** What an agency service answered: status, content type and body, before any enforcement. */
public record Upstream(int status, String contentType, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean json() {
        return contentType != null && contentType.startsWith("application/json");
    }
}
