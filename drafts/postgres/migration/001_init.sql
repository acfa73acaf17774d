-- Qicao's first schema on PostgreSQL. Run by the database's owner
-- (qicao db init), in one transaction. Everything lives in schema qicao.
-- Officers are login roles in the group qicao_officer; curators, who may
-- change the corpus and the templates, are also in qicao_curator.

DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qicao_officer') THEN
		CREATE ROLE qicao_officer NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qicao_curator') THEN
		CREATE ROLE qicao_curator NOLOGIN IN ROLE qicao_officer;
	END IF;
END $$;

GRANT USAGE ON SCHEMA qicao TO qicao_officer;

CREATE TABLE qicao.teams (
	name text PRIMARY KEY CHECK (name <> '')
);

CREATE TABLE qicao.team_members (
	team text NOT NULL REFERENCES qicao.teams (name) ON DELETE CASCADE,
	role name NOT NULL,
	PRIMARY KEY (team, role)
);

-- Officers' display names (the author shown on versions).
CREATE TABLE qicao.officers (
	role    name PRIMARY KEY,
	display text NOT NULL DEFAULT ''
);

CREATE TABLE qicao.drafts (
	id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	owner              name NOT NULL DEFAULT current_user,
	title              text NOT NULL,
	city               text NOT NULL DEFAULT '',
	created_at         timestamptz NOT NULL DEFAULT now(),
	updated_at         timestamptz NOT NULL DEFAULT now(),
	-- The number of the latest version: the base an optimistic save names.
	latest             integer NOT NULL DEFAULT 0
);

CREATE INDEX drafts_by_updated ON qicao.drafts (updated_at);

CREATE TABLE qicao.draft_shares (
	draft_id bigint NOT NULL REFERENCES qicao.drafts (id) ON DELETE CASCADE,
	team     text NOT NULL REFERENCES qicao.teams (name) ON DELETE CASCADE,
	PRIMARY KEY (draft_id, team)
);

CREATE TABLE qicao.versions (
	draft_id    bigint NOT NULL REFERENCES qicao.drafts (id) ON DELETE CASCADE,
	n           integer NOT NULL CHECK (n >= 1),
	text        text NOT NULL,
	doc_json    text,
	note        text NOT NULL DEFAULT '',
	created_at  timestamptz NOT NULL DEFAULT now(),
	-- Who saved it: the login role, and the name the officer goes by.
	author_role name NOT NULL DEFAULT current_user,
	author      text NOT NULL DEFAULT '',
	PRIMARY KEY (draft_id, n)
);

-- Each officer's own autosaved text of a draft (two officers editing one
-- shared draft must not overwrite each other's unsaved text).
CREATE TABLE qicao.working (
	draft_id   bigint NOT NULL REFERENCES qicao.drafts (id) ON DELETE CASCADE,
	role       name NOT NULL DEFAULT current_user,
	text       text NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (draft_id, role)
);

-- A saved version never changes, and goes only with its draft.
CREATE FUNCTION qicao.versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		RAISE EXCEPTION '版本一经保存不可修改';
	END IF;
	IF EXISTS (SELECT 1 FROM qicao.drafts WHERE id = OLD.draft_id) THEN
		RAISE EXCEPTION '版本不可单独删除，只能随草稿一并删除';
	END IF;
	RETURN OLD;
END $$;

CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON qicao.versions
	FOR EACH ROW EXECUTE FUNCTION qicao.versions_immutable();

CREATE TABLE qicao.corpus_docs (
	id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name     text NOT NULL UNIQUE,
	city     text NOT NULL DEFAULT '',
	number   text NOT NULL DEFAULT '',
	title    text NOT NULL DEFAULT '',
	date     text NOT NULL DEFAULT '',
	text     text NOT NULL,
	doc_json text,
	builtin  boolean NOT NULL DEFAULT false,
	added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE qicao.corpus_clauses (
	doc_id     bigint NOT NULL REFERENCES qicao.corpus_docs (id) ON DELETE CASCADE,
	idx        integer NOT NULL,
	label      text NOT NULL DEFAULT '',
	ordinal    integer NOT NULL DEFAULT 0,
	heading    text NOT NULL DEFAULT '',
	text       text NOT NULL,
	path_json  text NOT NULL DEFAULT '[]',
	units_json text NOT NULL DEFAULT '[]',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE qicao.templates (
	name              text PRIMARY KEY,
	category          text NOT NULL DEFAULT '',
	body              text NOT NULL,
	placeholders_json text,
	provenance_json   text,
	version           text NOT NULL DEFAULT '',
	builtin           boolean NOT NULL DEFAULT false
);

-- The corpus's change counter: a client's clause bank is current when it
-- has seen this number.
CREATE TABLE qicao.corpus_state (
	one     boolean PRIMARY KEY DEFAULT true CHECK (one),
	changes bigint NOT NULL DEFAULT 0
);
INSERT INTO qicao.corpus_state DEFAULT VALUES;

CREATE FUNCTION qicao.corpus_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = qicao, pg_temp AS $$
DECLARE
	c bigint;
BEGIN
	UPDATE qicao.corpus_state SET changes = changes + 1 RETURNING changes INTO c;
	PERFORM pg_notify('qicao_corpus', c::text);
	RETURN NULL;
END $$;

CREATE TRIGGER corpus_changed AFTER INSERT OR DELETE OR UPDATE ON qicao.corpus_docs
	FOR EACH STATEMENT EXECUTE FUNCTION qicao.corpus_changed();

CREATE FUNCTION qicao.version_saved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('qicao_drafts', NEW.draft_id::text || ' ' || NEW.n::text);
	RETURN NULL;
END $$;

CREATE TRIGGER version_saved AFTER INSERT ON qicao.versions
	FOR EACH ROW EXECUTE FUNCTION qicao.version_saved();

-- Access. A draft is visible to its owner and to the members of the teams
-- it is shared with. The functions are SECURITY DEFINER so that policies
-- can read shares and memberships, which officers cannot read directly;
-- inside them current_user is the definer, so the policies pass in the
-- officer's current_user as who.
CREATE FUNCTION qicao.may_see(d_owner name, d_id bigint, who name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qicao, pg_temp AS $$
	SELECT d_owner = who OR EXISTS (
		SELECT 1 FROM qicao.draft_shares s JOIN qicao.team_members m ON m.team = s.team
		WHERE s.draft_id = d_id AND m.role = who)
$$;

CREATE FUNCTION qicao.may_see_draft(d_id bigint, who name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qicao, pg_temp AS $$
	SELECT EXISTS (SELECT 1 FROM qicao.drafts d WHERE d.id = d_id AND qicao.may_see(d.owner, d.id, who))
$$;

CREATE FUNCTION qicao.owns_draft(d_id bigint, who name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qicao, pg_temp AS $$
	SELECT EXISTS (SELECT 1 FROM qicao.drafts d WHERE d.id = d_id AND d.owner = who)
$$;

REVOKE ALL ON FUNCTION qicao.may_see(name, bigint, name), qicao.may_see_draft(bigint, name),
	qicao.owns_draft(bigint, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qicao.may_see(name, bigint, name), qicao.may_see_draft(bigint, name),
	qicao.owns_draft(bigint, name) TO qicao_officer;

ALTER TABLE qicao.drafts ENABLE ROW LEVEL SECURITY;
CREATE POLICY drafts_read ON qicao.drafts FOR SELECT USING (qicao.may_see(owner, id, current_user));
CREATE POLICY drafts_create ON qicao.drafts FOR INSERT WITH CHECK (owner = current_user);
CREATE POLICY drafts_change ON qicao.drafts FOR UPDATE USING (qicao.may_see(owner, id, current_user));
CREATE POLICY drafts_delete ON qicao.drafts FOR DELETE USING (owner = current_user);

ALTER TABLE qicao.versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY versions_read ON qicao.versions FOR SELECT USING (qicao.may_see_draft(draft_id, current_user));
CREATE POLICY versions_save ON qicao.versions FOR INSERT
	WITH CHECK (qicao.may_see_draft(draft_id, current_user) AND author_role = current_user);

ALTER TABLE qicao.working ENABLE ROW LEVEL SECURITY;
CREATE POLICY working_own ON qicao.working
	USING (role = current_user AND qicao.may_see_draft(draft_id, current_user))
	WITH CHECK (role = current_user AND qicao.may_see_draft(draft_id, current_user));

ALTER TABLE qicao.draft_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY shares_read ON qicao.draft_shares FOR SELECT USING (qicao.may_see_draft(draft_id, current_user));
CREATE POLICY shares_owner ON qicao.draft_shares FOR INSERT WITH CHECK (qicao.owns_draft(draft_id, current_user));
CREATE POLICY shares_unshare ON qicao.draft_shares FOR DELETE USING (qicao.owns_draft(draft_id, current_user));

GRANT SELECT, INSERT, DELETE ON qicao.drafts TO qicao_officer;
GRANT UPDATE (title, city, updated_at, latest) ON qicao.drafts TO qicao_officer;
GRANT SELECT, INSERT ON qicao.versions TO qicao_officer;
GRANT SELECT, INSERT, UPDATE, DELETE ON qicao.working TO qicao_officer;
GRANT SELECT, INSERT, DELETE ON qicao.draft_shares TO qicao_officer;
GRANT SELECT ON qicao.teams, qicao.officers, qicao.corpus_state TO qicao_officer;
GRANT SELECT ON qicao.corpus_docs, qicao.corpus_clauses, qicao.templates TO qicao_officer;
GRANT INSERT, UPDATE, DELETE ON qicao.corpus_docs, qicao.corpus_clauses, qicao.templates TO qicao_curator;
