package com.avara.errors;

/** HTTP 409 ({@code conflict}). */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorInfo info) {
        super(info);
    }
}
