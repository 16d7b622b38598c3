package org.feedhub.websub;

/** A {@code POST /hub} the hub refuses at once: the HTTP status to answer and a one-line reason. */
public final class HubRequestException extends Exception {
    private final int status;

    public HubRequestException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    /** 400 Bad Request. */
    public static HubRequestException bad(String reason) {
        return new HubRequestException(400, reason);
    }

    public int status() {
        return status;
    }
}
