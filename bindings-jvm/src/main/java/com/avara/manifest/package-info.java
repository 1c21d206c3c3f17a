/**
 * Study manifests from DICOM headers: {@link com.avara.manifest.Manifests} reads each
 * object's header in the native core and builds the progressive-loading sidecar of a
 * {@code study.access_requested} answer, which
 * {@link com.avara.webhooks.StudyAccessRequestedResponses#authorized(com.avara.manifest.BuiltManifest)}
 * takes as it is. Inputs the sidecar cannot carry are listed in
 * {@link com.avara.manifest.BuiltManifest#skipped()} with a stable code, never thrown.
 */
package com.avara.manifest;
