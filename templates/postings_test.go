package templates

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPostingListsRoundTrip: a list written is read back posting for
// posting, whatever its tf and htf, and the common posting (tf 1, htf 0,
// near its neighbour) takes one byte.
func TestPostingListsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var want []posting
		var doc uint32
		for range r.IntN(300) + 1 {
			doc += uint32(r.IntN(1 << uint(r.IntN(20))))
			p := posting{doc, 1, 0}
			if r.IntN(5) == 0 {
				p.tf, p.htf = uint16(r.IntN(40)), uint16(r.IntN(3))
			}
			want = append(want, p)
		}
		var w postingWriter
		for _, p := range want {
			w.add(p)
		}
		data := w.bytes()
		got := slices.Collect(decodePostings(data))
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: read back %v, want %v", round, got, want)
		}
		if postingCount(data) != len(want) {
			t.Fatalf("round %d: count %d, want %d", round, postingCount(data), len(want))
		}
	}
	var w postingWriter
	for i := range 100 {
		w.add(posting{uint32(i * 3), 1, 0})
	}
	if n := len(w.bytes()); n != 2+100 {
		t.Errorf("100 common postings take %d bytes, want 102", n)
	}
}

// TestPostingListsOldFormat: lists an index wrote before the format with
// the common-posting bit (length, then gap, tf, htf for every posting) are
// read as they were, so an existing index needs no rewrite.
func TestPostingListsOldFormat(t *testing.T) {
	want := []posting{{0, 1, 0}, {4, 2, 1}, {300, 1, 0}, {301, 7, 0}}
	data := binary.AppendUvarint(nil, uint64(len(want)))
	var last uint32
	for _, p := range want {
		data = binary.AppendUvarint(data, uint64(p.doc-last))
		data = binary.AppendUvarint(data, uint64(p.tf))
		data = binary.AppendUvarint(data, uint64(p.htf))
		last = p.doc
	}
	if got := slices.Collect(decodePostings(data)); !slices.Equal(got, want) {
		t.Errorf("old list read as %v, want %v", got, want)
	}
	if postingCount(data) != len(want) {
		t.Errorf("old list count %d, want %d", postingCount(data), len(want))
	}
}

// FuzzDecodePostings: any bytes decode without panic, to at most the
// count they announce.
func FuzzDecodePostings(f *testing.F) {
	var w postingWriter
	w.add(posting{3, 1, 0})
	w.add(posting{9, 4, 1})
	f.Add(w.bytes())
	f.Add([]byte{2, 1, 1, 0, 5, 2, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for range decodePostings(data) {
			n++
		}
		if n > postingCount(data) {
			t.Fatalf("%d postings of %d announced", n, postingCount(data))
		}
	})
}
