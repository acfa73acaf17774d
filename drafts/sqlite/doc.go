package sqlite

import "encoding/json"

// marshalStrings returns ss as a JSON array, "[]" for none.
func marshalStrings(ss []string) string {
	if ss == nil {
		ss = []string{}
	}
	b, _ := json.Marshal(ss) // a []string always marshals
	return string(b)
}
