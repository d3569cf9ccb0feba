-- Entities: one row per real-world actor or place across documents, with every alias and role seen,
-- and each mention (document, character offsets, surface text).
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                      -- canonical name
    type TEXT NOT NULL CHECK (type IN ('PERSON', 'ORG', 'PLACE')),
    kind TEXT,                               -- armed_group, government, media, ngo, think_tank, party, ...
    country TEXT,                            -- ISO 3166-1 alpha-2 when known
    lat REAL,
    lon REAL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX entities_name_type ON entities(name COLLATE NOCASE, type, coalesce(country, ''));
CREATE INDEX entities_type ON entities(type);

-- Names an entity goes by (the canonical name too), with the folded key used to merge across documents.
CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    first_document_id TEXT,
    PRIMARY KEY (entity_id, key)
);
CREATE INDEX entity_aliases_key ON entity_aliases(key);

-- Roles the documents give a person ("director of a Bishkek-based think tank"), per document.
CREATE TABLE entity_roles (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, role, document_id)
);
CREATE INDEX entity_roles_doc ON entity_roles(document_id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,                  -- character offsets in documents.text
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(document_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
