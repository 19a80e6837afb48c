-- The plan that applies to partners with no plan of their own and none from
-- their group. New books are made with one ("Standard"); existing books
-- keep what they have, and a sale no plan applies to is held, visibly, until
-- one does.
ALTER TABLE program ADD COLUMN default_plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL;
