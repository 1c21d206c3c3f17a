package com.avara.errors;

/** HTTP 403 ({@code permission_denied}): the API key's scope or access does not allow the call. */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(ErrorInfo info) {
        super(info);
    }
}
