package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"qicao/drafts"
	"qicao/drafts/postgres"
	"qicao/drafts/sqlite"
)

// MoveReport is what Migrate copied and checked.
type MoveReport struct {
	Drafts, Versions, Corpus, Templates int // in the source, all checked equal
	// Added counts what this run copied; the rest was there already.
	AddedDrafts, AddedVersions, AddedCorpus, AddedTemplates int
	// Kept names corpus documents and templates of the same name but other
	// content on the server, which were left as they are.
	Kept []string
}

// Migrate copies every draft (with every version, its time and note),
// corpus document (with its clauses) and template from src to dst, then
// checks that dst holds each one with the same content hash. Each draft
// and document is one transaction, so after an interruption running it
// again copies only what is missing; nothing is copied twice. progress,
// if not nil, is told of each item.
func Migrate(src Store, dst *postgres.DB, progress func(kind string, done, total int)) (MoveReport, error) {
	var r MoveReport
	if progress == nil {
		progress = func(string, int, int) {}
	}
	steps := []func(Store, *postgres.DB, *MoveReport, func(string, int, int)) error{moveDrafts, moveCorpus, moveTemplates}
	for _, step := range steps {
		if err := step(src, dst, &r, progress); err != nil {
			return r, err
		}
	}
	return r, nil
}

// draftKey identifies a source draft across runs: its creation time and
// its first version, which never change.
func draftKey(d drafts.Draft, first drafts.Version) string {
	return hashOf("draft", d.Created.UTC().Format("2006-01-02 15:04:05.000"), first.Text, first.Note)
}

// hashOf is the hex SHA-256 of the parts, each length-prefixed.
func hashOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// versionsHash is the content hash of a draft's versions: number, text,
// note and time (to the millisecond, as SQLite keeps it).
func versionsHash(vs []drafts.Version) string {
	parts := make([]string, 0, 4*len(vs))
	for _, v := range vs {
		parts = append(parts, fmt.Sprint(v.N), v.Text, v.Note, v.Created.UTC().Format("2006-01-02 15:04:05.000"))
	}
	return hashOf(parts...)
}

// fullVersions reads every version of a draft with its text.
func fullVersions(s Store, id int64) ([]drafts.Version, error) {
	list, err := s.Versions(id)
	if err != nil {
		return nil, err
	}
	out := make([]drafts.Version, 0, len(list))
	for _, v := range list {
		full, err := s.Version(id, v.N)
		if err != nil {
			return nil, err
		}
		out = append(out, full)
	}
	return out, nil
}

func moveDrafts(src Store, dst *postgres.DB, r *MoveReport, progress func(string, int, int)) error {
	list, err := src.Drafts()
	if err != nil {
		return err
	}
	for i, d := range list {
		vs, err := fullVersions(src, d.ID)
		if err != nil {
			return err
		}
		first := drafts.Version{Note: d.Title} // the key of a draft without versions
		if len(vs) > 0 {
			first = vs[0]
		}
		id, created, added, err := dst.ImportDraft(draftKey(d, first), d, vs)
		if err != nil {
			return err
		}
		got, err := fullVersions(dst, id)
		if err != nil {
			return err
		}
		if versionsHash(got) != versionsHash(vs) {
			return fmt.Errorf("草稿“%s”复制后校验不一致（源 %d 个版本，服务器 %d 个）", d.Title, len(vs), len(got))
		}
		if created {
			r.AddedDrafts++
		}
		r.Drafts++
		r.Versions += len(vs)
		r.AddedVersions += added
		progress("草稿", i+1, len(list))
	}
	return nil
}

func moveCorpus(src Store, dst *postgres.DB, r *MoveReport, progress func(string, int, int)) error {
	list, err := src.CorpusDocs()
	if err != nil {
		return err
	}
	for i, c := range list {
		full, err := src.CorpusDoc(c.ID)
		if err != nil {
			return err
		}
		clauses, err := src.CorpusClauses(c.ID)
		if err != nil {
			return err
		}
		added, same, err := dst.ImportCorpusDoc(full, clauses)
		if err != nil {
			return err
		}
		if !same {
			r.Kept = append(r.Kept, "参考文件“"+c.Name+"”")
		} else if err := checkCorpus(dst, full, len(clauses)); err != nil {
			return err
		}
		if added {
			r.AddedCorpus++
		}
		r.Corpus++
		progress("参考文件", i+1, len(list))
	}
	return nil
}

// checkCorpus compares the server's copy of a document with the source.
func checkCorpus(dst *postgres.DB, want drafts.CorpusDoc, clauses int) error {
	got, err := dst.CorpusDocByName(want.Name)
	if err != nil {
		return err
	}
	if hashOf(got.Text) != hashOf(want.Text) || got.Clauses != clauses {
		return fmt.Errorf("参考文件“%s”复制后校验不一致", want.Name)
	}
	return nil
}

func moveTemplates(src Store, dst *postgres.DB, r *MoveReport, progress func(string, int, int)) error {
	list, err := src.Templates()
	if err != nil {
		return err
	}
	for i, t := range list {
		have, err := dst.Template(t.Name)
		switch {
		case err == nil && templateHash(have) != templateHash(t):
			r.Kept = append(r.Kept, "模板“"+t.Name+"”")
		case err == nil:
		case errors.Is(err, sqlite.ErrNotFound):
			if err := dst.SaveTemplate(t); err != nil {
				return err
			}
			if have, err = dst.Template(t.Name); err != nil || templateHash(have) != templateHash(t) {
				return fmt.Errorf("模板“%s”复制后校验不一致", t.Name)
			}
			r.AddedTemplates++
		default:
			return err
		}
		r.Templates++
		progress("模板", i+1, len(list))
	}
	return nil
}

// templateHash is the content hash of a template.
func templateHash(t sqlite.TemplateRow) string {
	return hashOf(t.Name, t.Category, t.Body, string(t.Placeholders), string(t.Provenance), t.Version, fmt.Sprint(t.Builtin))
}

// Print writes the report in Chinese.
func (r MoveReport) Print(w io.Writer) {
	fmt.Fprintf(w, "草稿 %d 份（本次新增 %d 份）、版本 %d 个（新增 %d 个）、参考文件 %d 份（新增 %d 份）、模板 %d 个（新增 %d 个），逐一校验内容一致。\n",
		r.Drafts, r.AddedDrafts, r.Versions, r.AddedVersions, r.Corpus, r.AddedCorpus, r.Templates, r.AddedTemplates)
	if len(r.Kept) > 0 {
		fmt.Fprintf(w, "服务器上已有同名而内容不同的 %d 项，保留服务器上的：%s\n", len(r.Kept), strings.Join(r.Kept, "、"))
	}
}
