-- The evidence board (analysis stage): a snapshot of statements, propositions, conflicts and grades,
-- the incremental board state, and analysts' grade overrides (which survive every rebuild).
CREATE TABLE board_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL,                  -- claimscope version and settings hash that built it
    documents INTEGER NOT NULL,             -- how many documents it holds
    state BLOB NOT NULL,                    -- the board itself (zlib-compressed pickle), added to incrementally
    updated_at TEXT NOT NULL
);

CREATE TABLE board_propositions (
    id TEXT PRIMARY KEY,                    -- "p12" as `claimscope weigh` shows it
    anchor TEXT NOT NULL,                   -- id of its first statement: stable across rebuilds
    statement TEXT NOT NULL,
    outlets INTEGER NOT NULL,
    independent_origins INTEGER NOT NULL,
    reliability TEXT NOT NULL,
    credibility INTEGER NOT NULL,
    data TEXT NOT NULL                      -- JSON: claims, origins, evidence, grade reasons
);
CREATE INDEX board_propositions_anchor ON board_propositions(anchor);

CREATE TABLE board_statements (
    id TEXT PRIMARY KEY,                    -- <document id prefix>:<start>
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    proposition_id TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    content TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX board_statements_doc ON board_statements(document_id);
CREATE INDEX board_statements_prop ON board_statements(proposition_id);

CREATE TABLE board_conflicts (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    kind TEXT NOT NULL,
    why TEXT NOT NULL,
    PRIMARY KEY (a, b)
);

CREATE TABLE grade_overrides (
    id INTEGER PRIMARY KEY,
    anchor TEXT NOT NULL,                   -- statement id the overridden proposition contains
    reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
    analyst TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX grade_overrides_anchor ON grade_overrides(anchor);
