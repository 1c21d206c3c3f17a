package com.avara.webhooks;

/**
 * A webhook delivery could not be verified or parsed, a response broke the contract, or
 * the verifier was misconfigured (for example an empty secret).
 *
 * <p>{@link #getCode()} is the stable code shared by every Avara SDK, such as
 * {@code signature_mismatch}, {@code timestamp_too_old}, {@code schema_error} or
 * {@code invalid_secret}; branch on it, not on the message. The message names the header
 * or field at fault and never contains a secret.
 *
 * <p>Unchecked, so a Spring {@code @ExceptionHandler} can answer 401 for it in one place.
 */
public class WebhookVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public WebhookVerificationException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable error code, e.g. {@code signature_mismatch}. */
    public String getCode() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getName() + " [" + code + "]: " + getMessage();
    }
}
