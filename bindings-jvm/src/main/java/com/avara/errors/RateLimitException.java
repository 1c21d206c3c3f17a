package com.avara.errors;

/** HTTP 429 ({@code rate_limited}), after the client's own retries. */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(ErrorInfo info) {
        super(info);
    }
}
