package workspace

import "testing"

func TestDefaultComparePair(t *testing.T) {
	corpus5 := func(s CompareSide) bool { return s.ID == 5 }
	for _, tc := range []struct {
		name       string
		versions   int
		dirty      bool
		remembered string
		want       string // "" for no pair
	}{
		{"no version: nothing to compare", 0, true, "", ""},
		{"one version: it against the working text", 1, false, "", "v1>working"},
		{"unsaved changes: the last version against them", 3, true, "", "v3>working"},
		{"all saved: the two latest versions", 3, false, "", "v2>v3"},
		{"the remembered pair wins", 3, false, "v1>working", "v1>working"},
		{"a remembered corpus document that still exists", 2, false, "c5>v2", "c5>v2"},
		{"a remembered corpus document that is gone", 2, false, "c6>v2", "v1>v2"},
		{"a remembered version past the last (another draft's)", 2, true, "v1>v4", "v2>working"},
		{"a remembered pair that does not read", 2, false, "v1>", "v1>v2"},
	} {
		p, ok := DefaultComparePair(tc.versions, tc.dirty, tc.remembered, corpus5)
		got := ""
		if ok {
			got = p.String()
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestComparePairRoundTrip(t *testing.T) {
	for _, s := range []string{"v1>v2", "v3>working", "c12>v1", "working>v2"} {
		p, ok := ParseComparePair(s)
		if !ok || p.String() != s {
			t.Errorf("%q → %v %v", s, p, ok)
		}
	}
	for _, s := range []string{"", "v0>v1", "x1>v2", "v1v2", "v-1>v2", "vx>v1"} {
		if _, ok := ParseComparePair(s); ok {
			t.Errorf("%q read as a pair", s)
		}
	}
}
