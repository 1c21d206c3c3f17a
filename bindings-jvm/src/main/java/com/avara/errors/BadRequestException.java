package com.avara.errors;

/** HTTP 400 ({@code bad_request}). */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(ErrorInfo info) {
        super(info);
    }
}
