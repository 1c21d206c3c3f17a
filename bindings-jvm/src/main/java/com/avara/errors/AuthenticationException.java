package com.avara.errors;

/** HTTP 401 ({@code authentication}): the API key is missing, mistyped or revoked. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(ErrorInfo info) {
        super(info);
    }
}
