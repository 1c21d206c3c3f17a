package com.example.avara;

import com.avara.errors.AvaraException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API failures keep their code; invalid parameters name the field at fault. */
@RestControllerAdvice
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(AvaraException.class)
    public ResponseEntity<Map<String, Object>> apiFailure(AvaraException e) {
        log.warn("Avara API call failed: {} {}", e.getCode(), e.getMessage());
        int status = "invalid_params".equals(e.getCode()) ? 400 : e.statusCode().orElse(502);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getCode());
        body.put("message", e.getMessage());
        body.put("field", e.field().orElse(null));
        return ResponseEntity.status(status).body(body);
    }
}
