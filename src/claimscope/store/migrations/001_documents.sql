-- Documents, their provenance, near-duplicate signatures, full-text index, dates and amounts.
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,                 -- sha256 of the normalised text
    source TEXT NOT NULL,                    -- how the first copy was named (path, URL, feed item...)
    url TEXT,
    outlet TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    language TEXT,
    fetched_at TEXT,
    content_type TEXT,
    text TEXT NOT NULL,
    boilerplate TEXT NOT NULL DEFAULT '[]',  -- JSON list of removed lines
    credited TEXT NOT NULL DEFAULT '[]',     -- JSON list of wires the page credits
    near_duplicate_of TEXT REFERENCES documents(id),
    similarity REAL,
    minhash BLOB,                            -- MinHash signature (uint64 little-endian)
    skipped TEXT,                            -- why the NLP did not read it (e.g. not English)
    ingested_at TEXT NOT NULL,
    claimscope_version TEXT NOT NULL,
    settings_hash TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_near ON documents(near_duplicate_of);

-- Every time an input produced a stored document (the same article from two feeds is one document, two sightings).
CREATE TABLE document_sightings (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    url TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (document_id, source)
);

-- LSH bands of the MinHash signatures: candidates for near-duplicates share a band.
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_lookup ON minhash_bands(band, hash);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;

CREATE TABLE dates (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX dates_doc ON dates(document_id);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE amounts (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL
);
CREATE INDEX amounts_doc ON amounts(document_id);
