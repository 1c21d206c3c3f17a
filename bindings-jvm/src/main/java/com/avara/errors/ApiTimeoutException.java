package com.avara.errors;

/** The server did not answer in time ({@code timeout}). */
public class ApiTimeoutException extends ApiConnectionException {
    private static final long serialVersionUID = 1L;

    public ApiTimeoutException(ErrorInfo info) {
        super(info);
    }
}
