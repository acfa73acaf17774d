package drafts

import "time"

// The stored entities: what the workspace keeps for an officer. The store
// (drafts/sqlite) returns these types; the front ends see only them.

// Draft is a document an officer is writing: a title and a series of
// saved versions, plus the autosaved text not yet saved as a version.
type Draft struct {
	ID          int64
	Title, City string
	// Created is when the draft was made; Updated when it was last renamed
	// or given a version.
	Created, Updated time.Time
	// Versions is the number of saved versions, which is also the number
	// of the latest.
	Versions int
	// HasWorking reports autosaved text that differs from the latest
	// version; WorkingSaved is when it was autosaved.
	HasWorking   bool
	WorkingSaved time.Time
}

// Version is one saved state of a draft. Once saved it never changes.
// Its structure is not kept with it: Parse(Text) gives it back.
type Version struct {
	DraftID int64
	// N numbers the draft's versions from 1.
	N          int
	Text, Note string
	Created    time.Time
	// Author is who saved the version, "" where the store does not know.
	Author string
	// Chars is the length of Text in characters; it is set even where
	// Text is left out.
	Chars int
}

// CorpusDoc is a reference document in the corpus: a policy another city
// issued, or one the officer added.
type CorpusDoc struct {
	ID int64
	// Name identifies the document in the corpus, e.g. its file name.
	Name string
	// City, Number, Title and Date come from the document's Meta.
	City, Number, Title, Date string
	// Builtin marks the documents shipped with Qicao.
	Builtin bool
	// Text and Doc are set when one document is read, not in a listing.
	Text string
	Doc  *Document
	// Clauses is the number of clauses stored for the document.
	Clauses int
	Added   time.Time
}
