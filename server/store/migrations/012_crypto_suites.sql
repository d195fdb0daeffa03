-- The crypto suite (HALLCAST_CRYPTO: standard or gm) each MAC'd or hashed value was made in, so
-- that a switch of suite keeps every old record verifiable in its own.
ALTER TABLE audit_log ADD COLUMN suite TEXT NOT NULL DEFAULT 'standard';
