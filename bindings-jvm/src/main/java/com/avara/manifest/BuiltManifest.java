package com.avara.manifest;

import com.avara.webhooks.StudyAccessRequestedResponses;
import com.avara.webhooks.model.StudyManifest;
import java.util.List;

/**
 * What {@link Manifests} made of a study's objects, ready for
 * {@link StudyAccessRequestedResponses#authorized(BuiltManifest)}.
 *
 * @param urls every object of the requested study, in the sidecar's order (series by
 *     number, then instances by number)
 * @param manifest the sidecar: the series and SOPs the Viewer can load progressively; it
 *     has no series when no object qualifies
 * @param skipped every input left out of the sidecar, in the order given, with the reason
 */
public record BuiltManifest(List<String> urls, StudyManifest manifest, List<SkippedInput> skipped) {
    public BuiltManifest {
        urls = List.copyOf(urls);
        skipped = List.copyOf(skipped);
    }
}
