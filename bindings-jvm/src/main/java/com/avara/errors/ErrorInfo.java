package com.avara.errors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the core reported about a failed call: its stable code, message and, where they
 * apply, the HTTP status, request id, error body, parameter at fault and attempt count.
 */
public record ErrorInfo(
        String code, String message, Integer status, String requestId, Object body, String field, int attempts) {

    OptionalInt statusCode() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    Optional<String> requestIdValue() {
        return Optional.ofNullable(requestId);
    }
}
