package cli

import (
	"qicao/app/workspace"
)

// loadSuggester opens the clause index kept in the database, which the
// suggest command reads without building a bank.
func loadSuggester(env *Env) (workspace.Suggester, error) {
	return withWorkspace(env, (*workspace.Workspace).Suggester)
}
