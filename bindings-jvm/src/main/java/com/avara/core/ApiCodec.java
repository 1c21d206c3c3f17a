package com.avara.core;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.EncodedRequest;
import com.avara.webhooks.model.QueryPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The core's request encoding and response interpretation without a server, for tests
 * and debugging: what a call would send, and what an answer would mean.
 */
public final class ApiCodec {
    private ApiCodec() {}

    /** A request as the client would send it; the query is decoded, in name order. */
    public record Request(String method, String path, List<Map.Entry<String, String>> query, Object body,
            String pathAndQuery) {}

    /**
     * Validates and encodes wire-form {@code params} for {@code operation}.
     *
     * @throws com.avara.errors.InvalidParamsException naming the field at fault
     */
    public static Request encodeRequest(String operation, Map<String, Object> params) {
        var wire = ApiCaller.wireParams(params);
        EncodedRequest request = Errors.call(() -> Avara_jvmKt.encodeRequest(operation, wire));
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (QueryPair pair : request.getQuery()) {
            query.add(Map.entry(pair.getName(), pair.getValue()));
        }
        Object body = request.getBody() == null ? null : Wire.decode(request.getBody(), 0);
        return new Request(request.getMethod(), request.getPath(), List.copyOf(query), body,
                request.getPathAndQuery());
    }

    /**
     * The canonical result of a success answer, in wire form.
     *
     * @throws com.avara.errors.AvaraException of the status's family, or
     *     {@link com.avara.errors.InvalidResponseException} for a body that breaks the contract
     */
    public static Map<String, Object> interpretResponse(String operation, int status, byte[] body) {
        return Wire.object(Wire.decode(Errors.call(() -> Avara_jvmKt.interpretResponse(operation, status, body)), 0));
    }
}
