package org.feedhub.claim;

import java.time.Instant;
import java.util.Optional;

/** Looks up a process of this host by pid. */
@FunctionalInterface
public interface ProcessProbe {

    /**
     * The process's start time if a process with this pid is alive: {@code Optional.empty()} when
     * none is; {@code Optional.of(Instant.MIN)} when one is but its start time is unknown.
     */
    Optional<Instant> startOf(long pid);

    /** The operating system's process table. */
    ProcessProbe LOCAL =
            pid ->
                    ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .map(h -> h.info().startInstant().orElse(Instant.MIN));
}
