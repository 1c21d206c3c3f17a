package com.avara.errors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every API client failure. Unchecked, so one {@code @ExceptionHandler} (or
 * {@code catch}) can handle the whole family.
 *
 * <p>{@link #getCode()} is the stable code shared by every Avara SDK ({@code not_found},
 * {@code invalid_params}, {@code rate_limited}, ...); branch on it or on the subclass,
 * not on the message. The message never contains the API key.
 */
public class AvaraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorInfo info;

    public AvaraException(ErrorInfo info) {
        super(info.message());
        this.info = info;
    }

    /** The stable error code, e.g. {@code not_found}. */
    public String getCode() {
        return info.code();
    }

    /** The HTTP status of the last attempt, when the server answered. */
    public OptionalInt statusCode() {
        return info.statusCode();
    }

    /** The {@code x-request-id} of the last attempt, to quote to support. */
    public Optional<String> requestId() {
        return info.requestIdValue();
    }

    /** The error body as the server sent it: maps, lists and scalars, or its text. */
    public Optional<Object> body() {
        return Optional.ofNullable(info.body());
    }

    /** The parameter at fault, for {@code invalid_params} and errors that name one. */
    public Optional<String> field() {
        return Optional.ofNullable(info.field());
    }

    /** How many times the request was sent (0 when it never was). */
    public int attempts() {
        return info.attempts();
    }

    @Override
    public String toString() {
        return getClass().getName() + " [" + getCode() + "]: " + getMessage();
    }
}
