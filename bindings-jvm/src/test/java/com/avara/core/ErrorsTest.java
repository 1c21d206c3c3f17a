package com.avara.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.errors.AvaraException;
import com.avara.errors.ErrorInfo;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every API error code of the core (the generated {@code ApiErrorCode}) raises its own exception. */
class ErrorsTest {
    private static AvaraException exception(String code) {
        return Errors.exception(new ErrorInfo(code, "message", null, null, null, null, 0));
    }

    @Test
    void everyCoreCodeRaisesItsOwnExceptionCarryingTheCode() {
        Set<Class<?>> classes = new HashSet<>();
        for (ApiErrorCode constant : ApiErrorCode.values()) {
            String code = constant.name().toLowerCase(Locale.ROOT);
            AvaraException exception = exception(code);
            assertEquals(code, exception.getCode());
            assertNotEquals(AvaraException.class, exception.getClass(), code);
            assertTrue(classes.add(exception.getClass()), code);
        }
    }

    @Test
    void aCodeThisLibraryDoesNotKnowIsTheBaseException() {
        assertEquals(AvaraException.class, exception("from_a_newer_core").getClass());
    }
}
