package sqlite

import (
	"bytes"
	"compress/flate"
	"database/sql"
	"fmt"
	"io"
	"sync"
)

// A corpus document's text is stored deflated (migration 009): texts are
// read by Go, never searched by SQL, and Chinese in UTF-8 deflates to 0.4
// of its size. Level 4 deflates within 2% of the best at 1.6 times its
// speed (40 against 25 MB/s on the seeds). A text is read back before it
// is stored: what cannot be read back the same is stored as it is.

const deflateLevel = 4

var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, deflateLevel)
	return w
}}

// deflateText returns text deflated, or nil when the deflated form is not
// smaller or does not read back as text (kept then as it is).
func deflateText(text string) []byte {
	if text == "" {
		return nil
	}
	var buf bytes.Buffer
	w := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(w)
	w.Reset(&buf)
	if _, err := io.WriteString(w, text); err != nil || w.Close() != nil || buf.Len() >= len(text) {
		return nil
	}
	if back, err := inflateText(buf.Bytes()); err != nil || back != text {
		return nil
	}
	return buf.Bytes()
}

// inflateText reads a deflated text.
func inflateText(z []byte) (string, error) {
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		return "", wrap(err, "参考文件正文无法解压", "A corpus document’s text cannot be inflated")
	}
	return b.String(), nil
}

// storedText is a corpus_docs row's text as stored: deflated in z, or as
// it is in text.
type storedText struct {
	text string
	z    []byte
}

// read returns the text.
func (s storedText) read() (string, error) {
	if s.z == nil {
		return s.text, nil
	}
	return inflateText(s.z)
}

// storeText is how text is written to corpus_docs (text, text_z).
func storeText(text string) (string, []byte) {
	if z := deflateText(text); z != nil {
		return "", z
	}
	return text, nil
}

// clauseRun is where a stored clause's text is: its own column, or the
// run at (1-based, bytes) of length n of its document's text.
type clauseRun struct {
	doc   int64
	at, n int
	text  *string // own text on scan, the clause's text after fillRuns
}

// fillRuns gives the clauses stored as runs of their document's text
// their text, reading each document's text once (and nothing, not even
// a prepared statement, when every clause holds its own text).
func (db *DB) fillRuns(runs []clauseRun) error {
	var stmt *sql.Stmt
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	var doc int64 = -1
	var text string
	for _, r := range runs {
		if r.at <= 0 {
			continue
		}
		if r.doc != doc {
			var err error
			if stmt == nil {
				if stmt, err = db.sql.Prepare(`SELECT text, text_z FROM corpus_docs WHERE id = ?`); err != nil {
					return err
				}
			}
			var s storedText
			if err := stmt.QueryRow(r.doc).Scan(&s.text, &s.z); err != nil {
				return err
			}
			if text, err = s.read(); err != nil {
				return err
			}
			doc = r.doc
		}
		if r.at-1+r.n > len(text) {
			return fmt.Errorf("参考文件 %d 的条款超出正文（%d+%d > %d 字节）", r.doc, r.at, r.n, len(text))
		}
		*r.text = text[r.at-1 : r.at-1+r.n]
	}
	return nil
}

// deflateStoredTexts deflates the texts stored as they are (before
// migration 009), a few hundred documents to a transaction.
func (db *DB) deflateStoredTexts() error {
	var last int64
	for {
		type row struct {
			id   int64
			text string
		}
		rows, err := queryAll(db, failed{"读取参考文件失败", "Reading the corpus documents failed"}, func(r rowScanner) (row, error) {
			var x row
			return x, r.Scan(&x.id, &x.text)
		}, `SELECT id, text FROM corpus_docs WHERE text_z IS NULL AND text <> '' AND id > ? ORDER BY id LIMIT 500`, last)
		if err != nil || len(rows) == 0 {
			return err
		}
		last = rows[len(rows)-1].id // a text deflate cannot shrink stays as it is
		err = db.inTx(func(tx *sql.Tx) error {
			for _, r := range rows {
				text, z := storeText(r.text)
				if _, err := tx.Exec(`UPDATE corpus_docs SET text = ?, text_z = ? WHERE id = ?`, text, z, r.id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
}
