package cli

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"qicao/app/workspace"
	"qicao/drafts"
)

func init() {
	register("draft", "草稿与版本：new | save | list | versions | show | insert | clean",
		"drafts and versions: new | save | list | versions | show | insert | clean", runDraft)
}

// draftCommands are the sub-commands of `qicao draft`.
var draftCommands = subcommands{
	"new":      runDraftNew,
	"save":     runDraftSave,
	"list":     runDraftList,
	"versions": runDraftVersions,
	"show":     runDraftShow,
	"insert":   runDraftInsert,
	"clean":    runDraftClean,
}

func runDraft(env *Env, args []string) error {
	return draftCommands.run(env, args, "draft", "用法：qicao draft new|save|list|versions|show|insert|clean …",
		"usage: qicao draft new|save|list|versions|show|insert|clean …")
}

// runDraftNew: qicao draft new --title T [--file F] [--note N]. The file is
// read and parsed before the database is touched, so bad input writes
// nothing.
func runDraftNew(env *Env, args []string) error {
	fs := newFlags(env, "draft new")
	title := fs.String("title", "", help("草稿标题（缺省取文件中的标题）", "the draft's title (default: the title in the file)"))
	file := fs.String("file", "", help("作为第 1 版的文件", "the file that becomes version 1"))
	note := fs.String("note", "", help("版本说明", "a note on the version"))
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return orUsage(err, "用法：qicao draft new --title 标题 [--file 文件] [--note 说明]",
			"usage: qicao draft new --title TITLE [--file FILE] [--note NOTE]")
	}
	var ld *loadedDoc
	if *file != "" {
		var err error
		if ld, err = loadDocument(env, *file); err != nil {
			return err
		}
		if *title == "" {
			*title = ld.Doc.Title
		}
		if *title == "" {
			*title = strings.TrimSuffix(filepath.Base(*file), filepath.Ext(*file))
		}
	}
	if *title == "" {
		return usage("请用 --title 给草稿一个标题", "give the draft a title with --title")
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	text, city := "", ""
	if ld != nil {
		text, city = ld.Text, ld.Doc.City
	}
	d, err := ws.CreateDraft(*title, city, text, *note)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, d.ID)
	return nil
}

// runDraftSave: qicao draft save ID [--file F] [--note N] saves the file, or
// without --file the draft's working text, as a new version.
func runDraftSave(env *Env, args []string) error {
	fs := newFlags(env, "draft save")
	file := fs.String("file", "", help("新版本的文件（缺省：保存工作稿）", "the file of the new version (default: the working text)"))
	note := fs.String("note", "", help("版本说明", "a note on the version"))
	rest, err := parseFlags(fs, args)
	id, err := draftArg(rest, err, true, "用法：qicao draft save 编号 [--file 文件] [--note 说明]",
		"usage: qicao draft save ID [--file FILE] [--note NOTE]")
	if err != nil {
		return err
	}
	var ld *loadedDoc
	if *file != "" {
		if ld, err = loadDocument(env, *file); err != nil {
			return err
		}
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	if ld == nil {
		if ld, err = workingDoc(ws, id); err != nil {
			return err
		}
	}
	v, err := ws.SaveVersion(id, -1, ld.Text, *note)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "草稿 %d 已保存第 %d 版\n", id, v.N)
	return nil
}

// runDraftClean: qicao draft clean ID [--note N]. The lines of the
// draft's working text (else its latest version) that the parser reads as
// no part of the document are listed and removed: the text as it was is
// kept as a version first (unless it is the latest), the cleaned text
// becomes the working text, as 清除 in the window does.
func runDraftClean(env *Env, args []string) error {
	fs := newFlags(env, "draft clean")
	note := fs.String("note", "导入原文（清理前）", help("保留原文的版本说明", "the note on the version that keeps the original"))
	rest, err := parseFlags(fs, args)
	id, err := draftArg(rest, err, true, "用法：qicao draft clean 编号 [--note 说明]", "usage: qicao draft clean ID [--note NOTE]")
	if err != nil {
		return err
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	text, err := draftText(ws, id, 0)
	if err != nil {
		return err
	}
	base := 0
	if d, err := ws.Draft(id); err == nil {
		base = d.Versions
	}
	return reportClean(env, ws, id, base, text, *note)
}

// reportClean cleans text and says what it removed and where the
// original is kept.
func reportClean(env *Env, ws *workspace.Workspace, id int64, base int, text, note string) error {
	c, err := ws.CleanWorking(id, base, text, note)
	if err != nil {
		return err
	}
	if len(c.Removed) == 0 {
		fmt.Fprintf(env.Stdout, "草稿 %d 没有要清除的非正文内容\n", id)
		return nil
	}
	for _, r := range c.Removed {
		fmt.Fprintf(env.Stdout, "- %s　（%s）\n", r.Text, r.Why)
	}
	n, split := drafts.CountRemovals(c.Removed)
	did := fmt.Sprintf("已清除 %d 行", n)
	if split > 0 {
		did += fmt.Sprintf("，%d 行文号与标题分为两行", split)
	}
	fmt.Fprintf(env.Stdout, "%s；原文保留为第 %d 版，清理后的文字为工作稿\n", did, c.Kept.N)
	return nil
}

// workingDoc returns a draft's working text, parsed; an error if it has
// none (nothing changed since the latest version).
func workingDoc(ws *workspace.Workspace, id int64) (*loadedDoc, error) {
	text, ok, err := ws.Working(id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("草稿 %d 没有未保存的修改；要保存文件请用 --file", id)
	}
	return parseLoaded(fmt.Sprintf("draft:%d", id), text)
}

type draftJSON struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	City       string `json:"city"`
	Created    string `json:"created"`
	Updated    string `json:"updated"`
	Versions   int    `json:"versions"`
	HasWorking bool   `json:"has_working"`
}

// runDraftList: qicao draft list [--json].
func runDraftList(env *Env, args []string) error {
	fs := newFlags(env, "draft list")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return orUsage(err, "用法：qicao draft list [--json]", "usage: qicao draft list [--json]")
	}
	list, err := withWorkspace(env, (*workspace.Workspace).Drafts)
	if err != nil {
		return err
	}
	out := []draftJSON{}
	for _, d := range list {
		out = append(out, draftJSON{d.ID, d.Title, d.City, stamp(d.Created), stamp(d.Updated), d.Versions, d.HasWorking})
	}
	return printList(env, *asJSON, map[string]any{"drafts": out}, out, func(d draftJSON) string {
		mark := ""
		if d.HasWorking {
			mark = "（有未保存的修改）"
		}
		return fmt.Sprintf("%d\t%s\t%d 个版本\t%s%s", d.ID, d.Title, d.Versions, d.Updated, mark)
	})
}

type versionJSON struct {
	N       int    `json:"n"`
	Created string `json:"created"`
	Note    string `json:"note"`
	Chars   int    `json:"chars"`
}

// runDraftVersions: qicao draft versions ID [--json].
func runDraftVersions(env *Env, args []string) error {
	fs := newFlags(env, "draft versions")
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	rest, err := parseFlags(fs, args)
	id, err := draftArg(rest, err, true, "用法：qicao draft versions 编号 [--json]", "usage: qicao draft versions ID [--json]")
	if err != nil {
		return err
	}
	vs, err := withWorkspace(env, func(ws *workspace.Workspace) ([]drafts.Version, error) { return ws.Versions(id) })
	if err != nil {
		return err
	}
	out := []versionJSON{}
	for _, v := range vs {
		out = append(out, versionJSON{v.N, stamp(v.Created), v.Note, v.Chars})
	}
	return printList(env, *asJSON, map[string]any{"draft": id, "versions": out}, out, func(v versionJSON) string {
		return fmt.Sprintf("第 %d 版\t%s\t%d 字\t%s", v.N, v.Created, v.Chars, v.Note)
	})
}

// runDraftShow: qicao draft show ID [--version N] prints the working text
// where there is one, else the latest version; --version picks a version.
func runDraftShow(env *Env, args []string) error {
	fs := newFlags(env, "draft show")
	n := fs.Int("version", 0, help("版本号（缺省：未保存的工作稿，否则最新版本）", "the version number (default: the unsaved working text, else the latest version)"))
	rest, err := parseFlags(fs, args)
	id, err := draftArg(rest, err, true, "用法：qicao draft show 编号 [--version 版本]", "usage: qicao draft show ID [--version N]")
	if err != nil {
		return err
	}
	text, err := withWorkspace(env, func(ws *workspace.Workspace) (string, error) { return draftText(ws, id, *n) })
	if err != nil {
		return err
	}
	fmt.Fprint(env.Stdout, text)
	return nil
}

// draftText returns version n of a draft, or for n == 0 what draft:ID
// names (workspace.RefDraft): its working text where there is one, else
// its latest version.
func draftText(ws *workspace.Workspace, id int64, n int) (string, error) {
	ref := workspace.Ref{Kind: workspace.RefDraft, ID: id}
	if n != 0 {
		ref = workspace.Ref{Kind: workspace.RefVersion, ID: id, N: n}
	}
	src, err := ws.Read(ref)
	return src.Text, err
}

// currentDoc returns what draft:ID names, parsed.
func currentDoc(ws *workspace.Workspace, id int64) (*drafts.Document, error) {
	text, err := draftText(ws, id, 0)
	if err != nil {
		return nil, err
	}
	return drafts.Parse(text)
}

// draftArg reads the one draft id a draft sub-command takes after its
// flags; valid is the command's own check of its flags, how (in Chinese
// and English) the usage error when they are wrong.
func draftArg(rest []string, err error, valid bool, how, howEnglish string) (int64, error) {
	if err != nil || len(rest) != 1 || !valid {
		return 0, orUsage(err, how, howEnglish)
	}
	return parseID(rest[0])
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("「%s」不是有效的草稿编号", "“%s” is not a valid draft ID", s)
	}
	return id, nil
}

func stamp(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }

// orUsage returns err if set, else a usage error saying chinese or
// english.
func orUsage(err error, chinese, english string) error {
	if err != nil {
		return err
	}
	return usage(chinese, english)
}
