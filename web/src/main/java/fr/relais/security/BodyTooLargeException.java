package fr.relais.security;

import java.io.IOException;

/** A request body went past the configured limit while being read (a body sent without length). */
public class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
    }
}
