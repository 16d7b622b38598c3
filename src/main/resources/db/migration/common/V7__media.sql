-- Media that came with stories (enclosures, attachments, Media RSS), the story's lead image, and each
-- source's own image for the pages and the <source> element.
ALTER TABLE story ADD COLUMN lead_image VARCHAR(2048);
ALTER TABLE source ADD COLUMN image_url VARCHAR(2048);
CREATE TABLE story_media (
    story_id  BIGINT        NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    position  INTEGER       NOT NULL,
    url       VARCHAR(2048) NOT NULL,
    mime_type VARCHAR(200),
    length    BIGINT,
    medium    VARCHAR(20),
    title     VARCHAR(1000),
    thumbnail BOOLEAN       NOT NULL,
    PRIMARY KEY (story_id, position)
);
