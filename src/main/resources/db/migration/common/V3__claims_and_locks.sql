-- Several instances on one database: a pass claims each due source with a lease before fetching it, so
-- two instances never poll the same source in the same interval. A claim ends when the source's result is
-- written (same transaction) or, if the instance died, when the lease runs out.
ALTER TABLE source ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE source ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX source_due ON source (next_due_at);

-- ShedLock's table (https://github.com/lukas-krecan/ShedLock): cluster-wide once-only jobs such as retention.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
