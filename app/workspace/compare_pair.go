package workspace

import (
	"fmt"
	"strconv"
	"strings"
)

// CompareSide is one side of a comparison as the officer chooses it: a
// saved version of the draft, its working text, or a corpus document.
type CompareSide struct {
	Working bool  // the working text
	N       int   // a version number, when not Working and ID is 0
	ID      int64 // a corpus document
}

// ComparePair is the two sides compared, old first.
type ComparePair struct{ Old, New CompareSide }

// String writes the pair as it is remembered: "v3>working", "v1>v2",
// "c5>working".
func (p ComparePair) String() string { return p.Old.String() + ">" + p.New.String() }

func (s CompareSide) String() string {
	switch {
	case s.Working:
		return "working"
	case s.ID != 0:
		return fmt.Sprintf("c%d", s.ID)
	}
	return fmt.Sprintf("v%d", s.N)
}

// ParseComparePair reads a remembered pair; ok is false for anything
// else.
func ParseComparePair(s string) (ComparePair, bool) {
	a, b, found := strings.Cut(s, ">")
	old, ok1 := parseSide(a)
	new, ok2 := parseSide(b)
	return ComparePair{old, new}, found && ok1 && ok2
}

func parseSide(s string) (CompareSide, bool) {
	if s == "working" {
		return CompareSide{Working: true}, true
	}
	if len(s) < 2 || s[0] != 'v' && s[0] != 'c' {
		return CompareSide{}, false
	}
	n, err := strconv.ParseInt(s[1:], 10, 64)
	if err != nil || n <= 0 {
		return CompareSide{}, false
	}
	if s[0] == 'c' {
		return CompareSide{ID: n}, true
	}
	return CompareSide{N: int(n)}, true
}

// DefaultComparePair is the pair an officer compares first on a draft
// with versions 1…versions: the remembered pair while both its sides
// still exist, else the last saved version against the working text when
// that has unsaved changes, else the two latest versions, else the only
// version against the working text. ok is false when the draft has no
// version (nothing to compare against).
func DefaultComparePair(versions int, dirty bool, remembered string, exists func(CompareSide) bool) (ComparePair, bool) {
	if p, ok := ParseComparePair(remembered); ok && sideExists(p.Old, versions, exists) && sideExists(p.New, versions, exists) {
		return p, true
	}
	last := CompareSide{N: versions}
	switch {
	case versions == 0:
		return ComparePair{}, false
	case dirty || versions == 1:
		return ComparePair{last, CompareSide{Working: true}}, true
	}
	return ComparePair{CompareSide{N: versions - 1}, last}, true
}

// sideExists reports whether a side can still be compared: the working
// text always, a version up to the last, a corpus document if exists
// says so.
func sideExists(s CompareSide, versions int, exists func(CompareSide) bool) bool {
	switch {
	case s.Working:
		return true
	case s.ID != 0:
		return exists != nil && exists(s)
	}
	return s.N >= 1 && s.N <= versions
}
