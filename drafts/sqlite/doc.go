package sqlite

import (
	"database/sql"
	"encoding/json"

	"qicao/drafts"
)

// unmarshalDoc reads a doc_json column back; NULL gives nil (see
// drafts.UnmarshalStored for what comes back).
func unmarshalDoc(js sql.NullString, text string) (*drafts.Document, error) {
	if !js.Valid {
		return nil, nil
	}
	return drafts.UnmarshalStored([]byte(js.String), text)
}

// marshalStrings returns ss as a JSON array, "[]" for none.
func marshalStrings(ss []string) string {
	if ss == nil {
		ss = []string{}
	}
	b, _ := json.Marshal(ss) // a []string always marshals
	return string(b)
}
