package com.avara.errors;

/** The server could not be reached ({@code connection}). */
public class ApiConnectionException extends AvaraException {
    private static final long serialVersionUID = 1L;

    public ApiConnectionException(ErrorInfo info) {
        super(info);
    }
}
