package com.avara.errors;

/** The parameters were refused before anything was sent ({@code invalid_params}); {@link #field()} names the one at fault. */
public class InvalidParamsException extends AvaraException {
    private static final long serialVersionUID = 1L;

    public InvalidParamsException(ErrorInfo info) {
        super(info);
    }
}
