-- The hub's per-host bounds count a callback's resolved address (127.1 and [::ffff:127.0.0.1] are
-- 127.0.0.1), and pending verifications are also bounded per client that asked for them.
ALTER TABLE hub_subscription ADD COLUMN callback_address VARCHAR(64);
UPDATE hub_subscription SET callback_address = callback_host;
CREATE INDEX hub_subscription_address ON hub_subscription (callback_address);

ALTER TABLE hub_verification ADD COLUMN callback_address VARCHAR(64);
ALTER TABLE hub_verification ADD COLUMN client_address VARCHAR(64);
UPDATE hub_verification SET callback_address = callback_host;
CREATE INDEX hub_verification_address ON hub_verification (callback_address);
CREATE INDEX hub_verification_client ON hub_verification (client_address);
