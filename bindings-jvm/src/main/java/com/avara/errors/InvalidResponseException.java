package com.avara.errors;

/** The server's answer does not match the contract ({@code invalid_response}). */
public class InvalidResponseException extends AvaraException {
    private static final long serialVersionUID = 1L;

    public InvalidResponseException(ErrorInfo info) {
        super(info);
    }
}
