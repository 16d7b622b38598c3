-- Takeover after a crash. A claim on a source names its holder's process (host, pid, the process's start
-- time) and pass, so a pass on the same host sees at once that the holder is gone. Every live instance
-- renews a heartbeat row; the claims of an instance whose heartbeat stopped are free for the others.
ALTER TABLE source ADD COLUMN claim_pass VARCHAR(64);
ALTER TABLE source ADD COLUMN claim_host VARCHAR(255);
ALTER TABLE source ADD COLUMN claim_pid BIGINT;
ALTER TABLE source ADD COLUMN claim_started BIGINT;

CREATE TABLE instance_heartbeat (
    instance_id VARCHAR(200) NOT NULL PRIMARY KEY,
    host        VARCHAR(255) NOT NULL,
    pid         BIGINT       NOT NULL,
    started     BIGINT,
    pass_id     VARCHAR(64),
    beat_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
