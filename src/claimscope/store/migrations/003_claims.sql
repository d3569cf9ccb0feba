-- Attributed claims: who said what in which document, with cue, quote type, status, citing whom.
-- Entity ids point at the entities table (002); they stay NULL for unnamed speakers ("an official").
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,               -- position among the document's claims
    speaker TEXT NOT NULL,                  -- canonical name, description as written, or "@author"
    speaker_kind TEXT,                      -- entity | description | pronoun | author
    speaker_entity_id INTEGER,              -- entities.id when the (first) speaker is a known entity
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    start INTEGER NOT NULL,                 -- content offsets in documents.text
    "end" INTEGER NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    quote TEXT NOT NULL CHECK (quote IN ('direct', 'indirect', 'mixed')),
    status TEXT NOT NULL CHECK (status IN ('asserted', 'hedged', 'unconfirmed', 'negated'))
);
CREATE INDEX claims_doc ON claims(document_id);
CREATE INDEX claims_speaker ON claims(speaker COLLATE NOCASE);
CREATE INDEX claims_speaker_entity ON claims(speaker_entity_id);
CREATE INDEX claims_status ON claims(status);

-- Every speaker of a claim (a group of speakers is several rows), in order.
CREATE TABLE claim_speakers (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    entity_id INTEGER,
    PRIMARY KEY (claim_id, position)
);
CREATE INDEX claim_speakers_name ON claim_speakers(name COLLATE NOCASE);
CREATE INDEX claim_speakers_entity ON claim_speakers(entity_id);

-- Who the speaker cites, nearest first.
CREATE TABLE claim_via (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    entity_id INTEGER,
    PRIMARY KEY (claim_id, position)
);
CREATE INDEX claim_via_entity ON claim_via(entity_id);

-- The entities, dates and amounts a claim's content mentions.
CREATE TABLE claim_mentions (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('entity', 'date', 'amount')),
    text TEXT NOT NULL,                     -- entity canonical name, or the date/amount as written
    value TEXT,                             -- ISO date, or the amount's number
    unit TEXT,                              -- amount unit
    entity_id INTEGER,
    start INTEGER,
    "end" INTEGER
);
CREATE INDEX claim_mentions_claim ON claim_mentions(claim_id);
CREATE INDEX claim_mentions_text ON claim_mentions(kind, text COLLATE NOCASE);
CREATE INDEX claim_mentions_entity ON claim_mentions(entity_id);
