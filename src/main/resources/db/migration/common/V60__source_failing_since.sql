-- When a source's current run of failures began (NULL while it works), for the /sources page.
ALTER TABLE source ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
