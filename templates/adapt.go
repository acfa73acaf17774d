package templates

// Adapted is a suggestion made ready to paste into another city's draft.
type Adapted struct {
	Text string `json:"text"`
	// Flags mark what the officer must review, as rune offsets into Text.
	Flags []Flag `json:"flags"`
}

// Flag marks a part of an adapted text for review.
type Flag struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

// Adapt is a placeholder until adaptation is written.
func Adapt(text, from, to string) Adapted { return Adapted{Text: text, Flags: []Flag{}} }
