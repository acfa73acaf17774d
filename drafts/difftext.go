package drafts

// DiffText returns the character-level ops turning old into new, with the
// same phrase clean-up and '~' changes of form that Compare gives the
// clauses it pairs. Writers use it for the text Compare does not pair:
// title, preamble and closing paragraphs.
func DiffText(old, new string) []Op { return diffOps(old, new) }
