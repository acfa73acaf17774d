package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"qicao/drafts"
)

// Officer is who may use the bureau's database.
type Officer struct {
	// Role is the PostgreSQL login role the officer connects as.
	Role string
	// Display is the name shown as the author of their versions; "" shows
	// the role.
	Display string
	// Team, if set, is a team the officer joins (created if new).
	Team string
	// Curator may change the corpus and the templates.
	Curator bool
}

// AddOfficer makes a login role an officer, creating the role (without a
// password: the administrator sets one with psql's \password, never on a
// command line) when it does not exist, and puts them in o.Team. It needs
// the database's owner with CREATEROLE, as `qicao db init` does.
func (db *DB) AddOfficer(o Officer) error {
	if o.Role == "" {
		return drafts.Errorf(drafts.EInvalid, "请给出官员的数据库用户名", "Give the officer's database user name")
	}
	role := pgx.Identifier{o.Role}.Sanitize()
	err := db.inTx(func(tx pgx.Tx, c context.Context) error {
		var exists bool
		if err := tx.QueryRow(c, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, o.Role).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			// DDL takes no parameters: the name goes in quoted as an identifier.
			if _, err := tx.Exec(c, `CREATE ROLE `+role+` LOGIN`); err != nil {
				return err
			}
		}
		grant := `GRANT qicao_officer TO ` + role
		if o.Curator {
			grant = `GRANT qicao_officer, qicao_curator TO ` + role
		}
		if _, err := tx.Exec(c, grant); err != nil {
			return err
		}
		if _, err := tx.Exec(c, `INSERT INTO qicao.officers (role, display) VALUES ($1, $2)
			ON CONFLICT (role) DO UPDATE SET display = CASE WHEN excluded.display = '' THEN officers.display ELSE excluded.display END`,
			o.Role, o.Display); err != nil {
			return err
		}
		return joinTeam(tx, c, o.Role, o.Team)
	})
	if err != nil {
		return wrapf(err, "添加官员“%s”失败", "Adding officer “%s” failed", o.Role)
	}
	return nil
}

// joinTeam puts role in team, creating the team; "" does nothing.
func joinTeam(tx pgx.Tx, c context.Context, role, team string) error {
	if team == "" {
		return nil
	}
	if _, err := tx.Exec(c, `INSERT INTO qicao.teams (name) VALUES ($1) ON CONFLICT DO NOTHING`, team); err != nil {
		return err
	}
	_, err := tx.Exec(c, `INSERT INTO qicao.team_members (team, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, team, role)
	return err
}

// ShareDraft shares a draft with a team: its members may read it, save
// versions of it and rename it; only its owner may delete or share it.
func (db *DB) ShareDraft(id int64, team string) error {
	if _, err := db.Draft(id); err != nil {
		return err
	}
	err := db.exec(nil, `INSERT INTO qicao.draft_shares (draft_id, team) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, team)
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe) && pe.Code == "23503":
		return notFoundf("团队“%[1]s”不存在，请管理员先用 qicao db officer add 名字 --team %[1]s 建立", "There is no team “%[1]s”; the administrator makes it with qicao db officer add NAME --team %[1]s", team)
	case errors.As(err, &pe) && pe.Code == "42501":
		return refusedf("只有草稿的创建者可以共享草稿 %d", "Only the officer who made draft %d may share it", id)
	case err != nil:
		return wrapf(err, "共享草稿 %d 失败", "Sharing draft %d failed", id)
	}
	return nil
}

// Owner returns the login role that owns a draft.
func (db *DB) Owner(id int64) (string, error) {
	var owner string
	err := db.queryRow(`SELECT owner FROM qicao.drafts WHERE id = $1`, []any{id}, &owner)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", draftMissing(id)
	}
	return owner, err
}
