-- What `qicao migrate` has copied in, so that running it again (after an
-- interruption, or later) adds only what is missing and never duplicates.
-- key is the importing role and a hash that identifies the source draft.
CREATE TABLE qicao.imports (
	key         text PRIMARY KEY,
	target_id   bigint NOT NULL,
	imported_at timestamptz NOT NULL DEFAULT now(),
	role        name NOT NULL DEFAULT current_user
);

ALTER TABLE qicao.imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY imports_own ON qicao.imports USING (role = current_user) WITH CHECK (role = current_user);
GRANT SELECT, INSERT ON qicao.imports TO qicao_officer;
