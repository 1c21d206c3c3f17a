package com.avara.errors;

/** The server answered with an error status; {@link #statusCode()} says which. */
public class ApiException extends AvaraException {
    private static final long serialVersionUID = 1L;

    public ApiException(ErrorInfo info) {
        super(info);
    }
}
