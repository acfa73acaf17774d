// Package templates holds what a drafting officer reuses from other
// documents: the clause bank with its suggestion index and coverage gaps,
// and templates with placeholders.
//
// The clause bank (Bank) holds every clause of the corpus documents it is
// given as drafts.CorpusDoc values; the store keeps the truth and the bank is
// built from it at start and kept current with Add and Remove. Suggest
// ranks the bank's clauses for a query — a whole clause, a heading or a
// two-character word — with BM25 over character bigrams of the normalised
// text (drafts/norm: traditional folded to simplified, widths folded,
// punctuation and 责任单位 left out), the heading weighted, the asking
// city left out; each suggestion carries the spans it shares with the
// query. Adapt makes a suggestion ready for another city's draft. Gaps
// lists the measures other cities have that a draft lacks.
//
// Templates (Template, Fill, Builtin) are recurring parts of a 实施意见
// with named placeholders.
//
// The package knows nothing of SQLite or the window.
package templates
