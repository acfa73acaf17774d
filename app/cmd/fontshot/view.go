package main

import (
	"fmt"
	"strings"

	"qicao/app/window"
)

// panelView puts the window in the state a screenshot asks for: view is a
// view of the side bar (drafts, editor, compare, corpus) or one of the
// editor's panels (suggestions, gaps, templates); heading, when set, opens
// the first draft and puts the cursor on its first clause whose heading
// contains it, looking in the working text and then in each saved version;
// doc, for the corpus view, opens the corpus document whose file name
// starts with it; template chooses a template in the templates panel and fill
// (name=value;name=value) types into its form. It runs on the UI goroutine.
func panelView(s *window.Shell, view, heading, doc, template, fill string) error {
	if heading != "" {
		if err := selectHeading(s, heading); err != nil {
			return err
		}
	}
	switch view {
	case "suggestions", "gaps", "templates", "proof":
		if !s.ShowPanel(view) {
			return fmt.Errorf("no panel %q", view)
		}
	default:
		if !s.Show(view) {
			return fmt.Errorf("no view %q", view)
		}
	}
	if template != "" && !s.ChooseTemplate(template) {
		return fmt.Errorf("no template %q", template)
	}
	if fill != "" && !s.FillTemplate(formValues(fill)) {
		return fmt.Errorf("-fill %q names a field the form lacks", fill)
	}
	if doc != "" {
		return openCorpusDoc(s, doc)
	}
	return nil
}

// selectHeading opens the first draft that has a clause whose heading
// contains heading, in its working text or a saved version, with the
// cursor on that clause.
func selectHeading(s *window.Shell, heading string) error {
	ws := s.Session.WS
	list, err := ws.Drafts()
	if err != nil {
		return err
	}
	for _, d := range list {
		if err := s.OpenDraft(d.ID); err != nil {
			return err
		}
		if s.SelectClause(heading) {
			return nil
		}
		for n := d.Versions; n >= 1; n-- {
			v, err := ws.Version(d.ID, n)
			if err != nil {
				return err
			}
			s.SetText(v.Text)
			if s.SelectClause(heading) {
				return nil
			}
		}
	}
	return fmt.Errorf("no draft has a clause %q", heading)
}

// openCorpusDoc shows the corpus document whose name starts with prefix.
func openCorpusDoc(s *window.Shell, prefix string) error {
	docs, err := s.Session.WS.CorpusDocs()
	if err != nil {
		return err
	}
	for _, d := range docs {
		if strings.HasPrefix(d.Name, prefix) {
			s.ShowCorpusAt(d.ID, 0)
			return nil
		}
	}
	return fmt.Errorf("no corpus document %s…", prefix)
}

// formValues reads -fill: name=value pairs separated by ;.
func formValues(fill string) map[string]string {
	out := map[string]string{}
	for _, kv := range strings.Split(fill, ";") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}
