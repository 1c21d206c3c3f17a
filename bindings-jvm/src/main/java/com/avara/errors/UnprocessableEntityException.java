package com.avara.errors;

/** HTTP 422 ({@code unprocessable_entity}). */
public class UnprocessableEntityException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnprocessableEntityException(ErrorInfo info) {
        super(info);
    }
}
