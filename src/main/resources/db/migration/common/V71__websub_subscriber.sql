-- feedhub as a WebSub subscriber: one row per source whose feed announces a hub. The callback is
-- BASE/websub/callback/TOKEN (unique, random); the secret signs the hub's pushes. A worker claims a
-- row (claimed_by / claimed_until, one conditional UPDATE) before it asks the hub, so with several
-- instances each subscription is requested and renewed once; any instance answers the callback.
CREATE TABLE websub_source (
    source_id        VARCHAR(100)  NOT NULL PRIMARY KEY,
    hub_url          VARCHAR(2048) NOT NULL,
    topic_url        VARCHAR(2048) NOT NULL,
    token            VARCHAR(64)   NOT NULL,
    secret           VARCHAR(200)  NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    pending_mode     VARCHAR(20),
    pending_until    TIMESTAMP WITH TIME ZONE,
    lease_seconds    BIGINT,
    subscribed_until TIMESTAMP WITH TIME ZONE,
    next_action_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    failures         INTEGER       NOT NULL DEFAULT 0,
    last_push_at     TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(2000),
    last_error_at    TIMESTAMP WITH TIME ZONE,
    claimed_by       VARCHAR(200),
    claimed_until    TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX websub_source_token ON websub_source (token);
CREATE INDEX websub_source_due ON websub_source (next_action_at);
