package workspace

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// goList returns, for every package of the module, its direct imports
// and all its dependencies, as go list reports them.
func goList(t *testing.T) (imports, deps map[string][]string) {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", "qicao/...")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list: %v", err) // no go command where the test binary runs
	}
	imports, deps = map[string][]string{}, map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		imports[f[0]], deps[f[0]] = strings.Fields(f[1]), strings.Fields(f[2])
	}
	if len(imports) < 10 {
		t.Fatalf("go list found %d packages", len(imports))
	}
	return imports, deps
}

func within(pkg string, roots ...string) bool {
	for _, r := range roots {
		if pkg == r || strings.HasPrefix(pkg, r+"/") {
			return true
		}
	}
	return false
}

// The service is the one door to the store: no package outside the store
// imports drafts/sqlite or drafts/postgres but app/workspace (and its
// test helper storetest).
func TestOnlyTheServiceImportsTheStore(t *testing.T) {
	imports, _ := goList(t)
	for pkg, imps := range imports {
		if within(pkg, "qicao/app/workspace", "qicao/drafts/sqlite", "qicao/drafts/postgres") {
			continue
		}
		for _, imp := range imps {
			if within(imp, "qicao/drafts/sqlite", "qicao/drafts/postgres") {
				t.Errorf("%s imports the store %s: go through app/workspace", pkg, imp)
			}
		}
	}
}

// fynePackages are the packages that may import Fyne: the window, its
// widgets and the screenshot tool. The window's other sub-packages (the
// rules of its pages: comparemodel, outlinemodel, editormodel) may not.
var fynePackages = []string{"qicao/app/window", "qicao/app/window/widgets", "qicao/app/cmd/fontshot"}

// Fyne stays in the window: no package but app/window, its widgets (and
// the screenshot tool app/cmd/fontshot, and main, which picks the window)
// depends on it; the command line in particular builds without it, and
// the window's models test without it.
func TestOnlyTheWindowImportsFyne(t *testing.T) {
	imports, deps := goList(t)
	for pkg, imps := range imports {
		if slices.Contains(fynePackages, pkg) || within(pkg, "qicao/app/cmd/fontshot") {
			continue
		}
		for _, imp := range imps {
			if within(imp, "fyne.io") {
				t.Errorf("%s imports %s: Fyne belongs in app/window and app/window/widgets", pkg, imp)
			}
		}
		if pkg == "qicao" {
			continue
		}
		for _, d := range deps[pkg] {
			if within(d, "fyne.io/fyne/v2") {
				t.Errorf("%s depends on Fyne (%s)", pkg, d)
				break
			}
		}
	}
	for _, model := range []string{"qicao/app/window/comparemodel", "qicao/app/window/outlinemodel", "qicao/app/window/editormodel"} {
		if _, ok := imports[model]; !ok {
			t.Errorf("go list did not list %s", model)
		}
	}
	if _, ok := imports["qicao/app/cli"]; !ok {
		t.Fatal("go list did not list qicao/app/cli")
	}
}
