package cli

import (
	"fmt"
	"strconv"
	"strings"

	"qicao/app/workspace"
	"qicao/drafts"
	"qicao/drafts/input"
)

// loadedDoc is a document read for a command, with the name it goes by.
type loadedDoc struct {
	Name string // file path or draft:ID@N
	Text string
	Doc  *drafts.Document
}

// loadDocument reads a document named on the command line: a file path, or
// draft:ID@N for version N of a draft in the database (draft:ID for its
// latest version).
func loadDocument(env *Env, ref string) (*loadedDoc, error) {
	if strings.HasPrefix(ref, "draft:") {
		return loadDraftRef(env, ref)
	}
	text, err := readText(ref)
	if err != nil {
		return nil, err
	}
	return parseLoaded(ref, text)
}

func parseLoaded(name, text string) (*loadedDoc, error) {
	doc, err := drafts.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("「%s」：%w", name, err)
	}
	return &loadedDoc{Name: name, Text: text, Doc: doc}, nil
}

// readText reads a file and decodes it into text: UTF-8, GBK/GB18030,
// UTF-16 or .docx. Anything else is refused with a message in Chinese.
func readText(path string) (string, error) {
	return input.ReadFile(path)
}

// loadDraftRef reads draft:ID@N (or draft:ID, the latest version) from
// the database.
func loadDraftRef(env *Env, ref string) (*loadedDoc, error) {
	id, n, err := parseDraftRef(ref)
	if err != nil {
		return nil, err
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return nil, err
	}
	v, err := ws.Version(id, n)
	if err != nil {
		return nil, err
	}
	return parseLoaded(fmt.Sprintf("draft:%d@%d", id, v.N), v.Text)
}

// parseDraftRef splits draft:ID@N; N is 0 when not given.
func parseDraftRef(ref string) (id int64, n int, err error) {
	body := strings.TrimPrefix(ref, "draft:")
	idPart, nPart, hasN := strings.Cut(body, "@")
	id, err = strconv.ParseInt(idPart, 10, 64)
	if err == nil && hasN {
		n, err = strconv.Atoi(nPart)
	}
	if err != nil || id <= 0 || n < 0 {
		return 0, 0, usagef("「%s」不是有效的草稿版本，应写作 draft:编号@版本，例如 draft:1@2", ref)
	}
	return id, n, nil
}

// openWorkspace opens the database named by --db, $QICAO_DB or the
// default path. A command opens it once: later calls return the same
// workspace, and Main closes it when the command is done.
func openWorkspace(env *Env) (*workspace.Workspace, error) {
	if env.ws == nil {
		open := workspace.Open
		if env.ReadOnly {
			open = workspace.OpenReadOnly
		}
		ws, err := open(env.DBPath)
		if err != nil {
			return nil, withChoices(err)
		}
		env.ws = ws
	}
	return env.ws, nil
}

// closeWorkspace closes the command's workspace if it was opened.
func closeWorkspace(env *Env) {
	if env.ws != nil {
		env.ws.Close()
		env.ws = nil
	}
}
