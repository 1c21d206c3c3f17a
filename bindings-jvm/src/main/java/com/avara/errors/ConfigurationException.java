package com.avara.errors;

/** The client is misconfigured, e.g. no API key ({@code configuration}). */
public class ConfigurationException extends AvaraException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(ErrorInfo info) {
        super(info);
    }
}
