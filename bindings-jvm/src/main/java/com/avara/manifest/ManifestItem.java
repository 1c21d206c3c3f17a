package com.avara.manifest;

import java.util.Objects;

/**
 * One object of a study: the URL the Viewer will load it from and its bytes, either the
 * whole file or any prefix that reaches Pixel Data (such as a ranged read of its first
 * 64 KiB). Only the header is read; the array is not kept.
 */
public record ManifestItem(String url, byte[] bytes) {
    public ManifestItem {
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(bytes, "bytes must not be null");
    }
}
