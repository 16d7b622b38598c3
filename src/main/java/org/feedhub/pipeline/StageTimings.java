package org.feedhub.pipeline;

import java.time.Duration;

/** Where a poll's time went, for metrics: the HTTP fetches and the parse of the document. */
public interface StageTimings {
    StageTimings NONE =
            new StageTimings() {
                @Override
                public void fetched(Duration took, String outcome) {}

                @Override
                public void parsed(Duration took, boolean ok) {}
            };

    /** One request (or file read), by its outcome: ok, not_modified, gone, failed. */
    void fetched(Duration took, String outcome);

    /** One document parsed (ok) or refused. */
    void parsed(Duration took, boolean ok);
}
