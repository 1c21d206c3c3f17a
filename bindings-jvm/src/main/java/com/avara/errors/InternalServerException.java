package com.avara.errors;

/** HTTP 5xx ({@code internal_server}), after the client's own retries. */
public class InternalServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InternalServerException(ErrorInfo info) {
        super(info);
    }
}
