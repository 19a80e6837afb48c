-- Refunds look up what was already given back for their sale and line;
-- without these, every refund scanned all conversions and commissions.
CREATE INDEX conversions_original_id ON conversions(original_id) WHERE original_id IS NOT NULL;
CREATE INDEX commissions_related ON commissions(related_id) WHERE related_id IS NOT NULL;
