package org.feedhub.parse;

/** A document that yields no feed; the message is the one-line reason shown to editors. */
public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
