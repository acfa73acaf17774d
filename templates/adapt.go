package templates

// Adapted is a suggestion made ready to paste into another city's draft.
type Adapted struct {
	Text string `json:"text"`
}

// Adapt is a placeholder until adaptation is written.
func Adapt(text, from, to string) Adapted { return Adapted{Text: text} }
