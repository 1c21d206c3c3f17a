package com.avara.core;

import com.avara.errors.ApiConnectionException;
import com.avara.errors.ApiTimeoutException;
import com.avara.errors.AuthenticationException;
import com.avara.errors.AvaraException;
import com.avara.errors.BadRequestException;
import com.avara.errors.ConfigurationException;
import com.avara.errors.ConflictException;
import com.avara.errors.ErrorInfo;
import com.avara.errors.InternalServerException;
import com.avara.errors.InvalidParamsException;
import com.avara.errors.InvalidResponseException;
import com.avara.errors.NotFoundException;
import com.avara.errors.PermissionDeniedException;
import com.avara.errors.RateLimitException;
import com.avara.errors.UnexpectedStatusCodeException;
import com.avara.errors.UnprocessableEntityException;
import com.avara.webhooks.model.ApiFailure;
import java.nio.charset.CharacterCodingException;

/** Runs a native call and turns its failures into the {@code com.avara.errors} family. */
final class Errors {
    private Errors() {}

    @FunctionalInterface
    interface NativeCall<T> {
        T run() throws ApiFailure;
    }

    static <T> T call(NativeCall<T> call) {
        try {
            return call.run();
        } catch (ApiFailure failure) {
            throw exception(failure);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // uniffi's string encoder throws this checked exception, undeclared, for text
            // holding an unpaired surrogate; nothing was sent.
            if (e instanceof CharacterCodingException) {
                throw exception(new ErrorInfo("invalid_params",
                        "a string parameter holds an unpaired UTF-16 surrogate and cannot be sent as UTF-8",
                        null, null, null, null, 0));
            }
            throw new IllegalStateException("the Avara native library failed: " + e.getMessage(), e);
        }
    }

    /** The exception of a failure the native library reported. */
    static AvaraException exception(ApiFailure failure) {
        ApiFailure.Failed failed = (ApiFailure.Failed) failure;
        return exception(new ErrorInfo(
                failed.getCode(),
                failed.getDetail(),
                failed.getStatus(),
                failed.getRequestId(),
                failed.getBody() == null ? null : Wire.decode(failed.getBody(), 0),
                failed.getField(),
                failed.getAttempts()));
    }

    static AvaraException exception(ErrorInfo info) {
        ApiErrorCode code = ApiErrorCode.of(info.code());
        if (code == null) {
            return new AvaraException(info);
        }
        return switch (code) {
            case BAD_REQUEST -> new BadRequestException(info);
            case AUTHENTICATION -> new AuthenticationException(info);
            case PERMISSION_DENIED -> new PermissionDeniedException(info);
            case NOT_FOUND -> new NotFoundException(info);
            case CONFLICT -> new ConflictException(info);
            case UNPROCESSABLE_ENTITY -> new UnprocessableEntityException(info);
            case RATE_LIMITED -> new RateLimitException(info);
            case INTERNAL_SERVER -> new InternalServerException(info);
            case API_STATUS -> new UnexpectedStatusCodeException(info);
            case CONNECTION -> new ApiConnectionException(info);
            case TIMEOUT -> new ApiTimeoutException(info);
            case INVALID_PARAMS -> new InvalidParamsException(info);
            case INVALID_RESPONSE -> new InvalidResponseException(info);
            case CONFIGURATION -> new ConfigurationException(info);
        };
    }
}
