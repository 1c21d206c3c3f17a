package com.avara.testing;

/**
 * The emulator could not be found or started. {@link #code()} is stable:
 * {@code emulator_not_found}, {@code emulator_start_failed} or {@code emulator_start_timeout}.
 */
public final class EmulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    EmulatorException(String code, String message) {
        super(message);
        this.code = code;
    }

    EmulatorException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable identifier of what went wrong. */
    public String code() {
        return code;
    }
}
