/**
 * Who holds a claim on a source, and whether the holder still lives: the claim records the holder's
 * process (host, pid, start time) and pass; every live instance renews a heartbeat row. A pass
 * takes over the claims (and the unfinished Spring Batch execution) of a holder that is gone: at
 * once when the holder ran on the same host and its process has ended, after the heartbeat timeout
 * otherwise.
 */
package org.feedhub.claim;
