package cli

import (
	"qicao/app/workspace"
	"qicao/templates"
)

// loadBank builds the clause bank the suggest and gaps commands search:
// every corpus document in the database, the built-in ones and those the
// officer added.
func loadBank(env *Env) (*templates.Bank, error) {
	ws, err := openWorkspace(env)
	if err != nil {
		return nil, err
	}
	return ws.Bank()
}

// loadSuggester opens the clause index kept in the database, which the
// suggest command reads without building a bank.
func loadSuggester(env *Env) (workspace.Suggester, error) {
	ws, err := openWorkspace(env)
	if err != nil {
		return nil, err
	}
	return ws.Suggester()
}
