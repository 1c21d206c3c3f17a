package com.avara.manifest;

/**
 * An input left out of the sidecar. {@code code} is stable and the same in every Avara
 * SDK ({@code not_dicom}, {@code truncated_header}, {@code malformed}, {@code too_large},
 * {@code too_complex}, {@code missing_attribute}, {@code invalid_attribute},
 * {@code study_mismatch}, {@code duplicate_sop_instance}, {@code enhanced_multiframe});
 * {@code reason} explains it for this input. {@code listed} says whether {@code url} is
 * still among the built URLs: the object belongs to the study but the Viewer loads it
 * without the sidecar.
 */
public record SkippedInput(String url, String code, String reason, boolean listed) {}
