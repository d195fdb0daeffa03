-- The crypto suite (HALLCAST_CRYPTO: standard or gm) each MAC'd or hashed value was made in, so
-- that a switch of suite keeps every old record verifiable in its own.
ALTER TABLE audit_log ADD COLUMN suite TEXT NOT NULL DEFAULT 'standard';

-- The keyed hash of an entry's identifier (code_hash) in its suite: full ID numbers are never
-- stored, so old hashes cannot be recomputed in the new suite; lookups compute both.
ALTER TABLE entries ADD COLUMN code_suite TEXT NOT NULL DEFAULT 'standard';
