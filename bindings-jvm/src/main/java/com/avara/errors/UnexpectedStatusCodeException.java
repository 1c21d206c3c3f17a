package com.avara.errors;

/** Any other error status ({@code api_status}). */
public class UnexpectedStatusCodeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnexpectedStatusCodeException(ErrorInfo info) {
        super(info);
    }
}
