-- Statements carry the business's logo and the partner's postal address.

-- The logo as the manager chose it, normalised to a PNG of bounded size
-- (see logo.rs), so every statement embeds the same small image.
ALTER TABLE program ADD COLUMN logo_png BLOB;

-- A postal address as the partner writes it, several lines.
ALTER TABLE partners ADD COLUMN address TEXT NOT NULL DEFAULT '';
