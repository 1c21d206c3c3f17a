package com.avara.manifest;

import com.avara.core.NativeFailures;
import com.avara.errors.ErrorInfo;
import com.avara.errors.InvalidParamsException;
import com.avara.webhooks.model.ManifestCollector;
import com.avara.webhooks.model.ManifestFailure;
import com.avara.webhooks.model.NativeBuiltManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the manifest of a {@code study.access_requested} answer from the study's DICOM
 * objects. Each header is read by the native core, up to Pixel Data and within fixed
 * bounds of bytes and work, in any transfer syntax; objects it cannot use are reported in
 * {@link BuiltManifest#skipped()}, never thrown. Thread-safe: any number of threads may
 * build at once.
 *
 * <pre>{@code
 * BuiltManifest built = Manifests.buildFromFiles(uid, files, file -> presign(file));
 * String body = StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.authorized(built));
 * }</pre>
 */
public final class Manifests {
    private Manifests() {}

    /**
     * The manifest of {@code studyInstanceUid} from {@code items}, each object's URL with
     * its whole bytes or a prefix that reaches Pixel Data.
     *
     * @throws InvalidParamsException (code {@code invalid_params}, {@code field()}
     *     {@code studyInstanceUid}) when the study UID is not a DICOM UID
     * @throws NullPointerException naming the argument, when an argument or item is null
     */
    public static BuiltManifest build(String studyInstanceUid, Iterable<ManifestItem> items) {
        Objects.requireNonNull(items, "items must not be null");
        try (ManifestCollector collector = open(studyInstanceUid)) {
            long handle = call(collector::directHandle);
            try {
                int index = 0;
                for (ManifestItem item : items) {
                    DirectManifestCalls.add(handle, Objects.requireNonNull(item, "items[" + index + "] is null"));
                    index++;
                }
            } finally {
                DirectManifestCalls.avara_jvm_manifest_release(handle);
            }
            return finish(collector);
        }
    }

    /**
     * The manifest of {@code studyInstanceUid} from files, reading each only as far as its
     * header goes (64 KiB first, more only while the header continues), never its pixel
     * data. {@code urlFor} gives the URL the Viewer loads each file from, such as a
     * presigned URL of the object it was stored as.
     *
     * @throws InvalidParamsException (code {@code invalid_params}, {@code field()}
     *     {@code studyInstanceUid}) when the study UID is not a DICOM UID
     * @throws UncheckedIOException when a file cannot be opened or read
     * @throws IllegalArgumentException when a path is not on the default file system
     * @throws NullPointerException naming the argument, when an argument, a path or a URL is null
     */
    public static BuiltManifest buildFromFiles(String studyInstanceUid, Iterable<Path> files, Function<Path, String> urlFor) {
        Objects.requireNonNull(files, "files must not be null");
        Objects.requireNonNull(urlFor, "urlFor must not be null");
        try (ManifestCollector collector = open(studyInstanceUid)) {
            int index = 0;
            for (Path file : files) {
                Objects.requireNonNull(file, "files[" + index + "] is null");
                if (file.getFileSystem() != FileSystems.getDefault()) {
                    throw new IllegalArgumentException(file.toUri() + " is not on the default file system");
                }
                String url = Objects.requireNonNull(urlFor.apply(file), "urlFor returned null for " + file);
                if (!call(() -> collector.addFile(url, file.toString()))) {
                    throw new IllegalStateException("the build of " + studyInstanceUid + " is already finished");
                }
                index++;
            }
            return finish(collector);
        }
    }

    private static ManifestCollector open(String studyInstanceUid) {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid must not be null");
        return call(() -> new ManifestCollector(studyInstanceUid));
    }

    private static BuiltManifest finish(ManifestCollector collector) {
        NativeBuiltManifest built = Objects.requireNonNull(call(collector::finish), "a build finishes once");
        return new BuiltManifest(built.getUrls(), built.getManifest(), built.getSkipped().stream()
                .map(input -> new SkippedInput(input.getUrl(), input.getCode(), input.getReason(), input.getListed()))
                .toList());
    }

    @FunctionalInterface
    private interface NativeCall<T> {
        T run() throws ManifestFailure;
    }

    /** Runs a call into the generated layer and turns its failures into Java's idioms. */
    private static <T> T call(NativeCall<T> call) {
        try {
            return call.run();
        } catch (ManifestFailure.InvalidParams e) {
            throw new InvalidParamsException(new ErrorInfo(e.getCode(), e.getDetail(), null, null, null, e.getField(), 0));
        } catch (ManifestFailure.Unreadable e) {
            throw new UncheckedIOException(new IOException(e.getPath() + ": " + e.getDetail()));
        } catch (Exception e) {
            throw NativeFailures.unexpected(e);
        }
    }
}
