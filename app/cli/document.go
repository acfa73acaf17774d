package cli

import (
	"fmt"

	"qicao/app/workspace"
	"qicao/drafts"
)

// loadedDoc is a document read for a command, with the name it goes by.
type loadedDoc struct {
	Name string // file path, draft:ID, draft:ID@N or corpus:ID
	Text string
	Doc  *drafts.Document
}

// loadDocument reads a document named on the command line through
// workspace.ParseRef: a file path, draft:ID (the working text where there
// is one, else the latest version), draft:ID@N or corpus:ID. The database
// is opened only for a stored reference.
func loadDocument(env *Env, s string) (*loadedDoc, error) {
	ref, err := parseRef(s)
	if err != nil {
		return nil, err
	}
	var ws *workspace.Workspace
	if ref.Stored() {
		if ws, err = openWorkspace(env); err != nil {
			return nil, err
		}
	}
	src, err := ws.Read(ref)
	if err != nil {
		return nil, err
	}
	return parseLoaded(src.Name(), src.Text)
}

// parseRef is workspace.ParseRef with a reference that does not read
// reported as a usage error (exit code 2).
func parseRef(s string) (workspace.Ref, error) {
	ref, err := workspace.ParseRef(s)
	if err != nil {
		return ref, usageError{msg: err.Error(), err: err}
	}
	return ref, nil
}

func parseLoaded(name, text string) (*loadedDoc, error) {
	doc, err := drafts.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("「%s」：%w", name, err)
	}
	return &loadedDoc{Name: name, Text: text, Doc: doc}, nil
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
