package workspace

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"qicao/drafts"
	"qicao/drafts/input"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// Importing many documents into the corpus: files are read and parsed on
// every core, refused or skipped with a message each (unreadable, no
// numbered clauses, the same text as a document already there), and
// stored in batches of one transaction each, indexed IndexBatch at a time. An
// interrupted import keeps the batches stored; running it again skips
// them as duplicates and carries on.

// ImportBatch is how many documents one transaction stores.
const ImportBatch = 200

// IndexBatch is how many imported documents are indexed at a time.
const IndexBatch = 2000

// ImportProgress counts an import's files.
type ImportProgress struct {
	Total, Done, Added, Skipped, Failed int
}

// CorpusFiles lists the files an import reads: each FILE argument, and
// every file under each DIR argument (hidden ones left out), in name order.
func CorpusFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, &drafts.Error{Code: drafts.ENotFound, Err: err,
				Message: fmt.Sprintf("无法读取「%s」：文件或文件夹不存在或无权读取", a),
				English: fmt.Sprintf("Cannot read “%s”: no such file or folder, or no permission to read it", a)}
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != a {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, &drafts.Error{Code: drafts.EInvalid, Err: err,
				Message: fmt.Sprintf("无法读取文件夹「%s」：%v", a, err),
				English: fmt.Sprintf("Cannot read the folder “%s”: %s", a, drafts.Message(err, true))}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// parsed is one file read and parsed, or why not.
type parsed struct {
	path, text string
	doc        *drafts.Document
	err        error
}

// ImportCorpus adds the files to the corpus. note is told why each file
// not added was skipped or refused, as an error with a code and both
// messages (drafts.Message chooses one); progress is called after each
// file.
// Cancelling ctx stops after the batch being stored.
func (w *Workspace) ImportCorpus(ctx context.Context, files []string, note func(path string, why error), progress func(ImportProgress)) (ImportProgress, error) {
	p := ImportProgress{Total: len(files)}
	names, err := w.corpusNames()
	if err != nil {
		return p, err
	}
	// The clause index is written as the documents are stored, IndexBatch
	// documents at a time: with the index closed, the first suggestion
	// after importing 10,000 documents indexed them all (33 s, 1.2 GB);
	// indexing every stored batch of 200 merged segments so often that
	// the import took 133 s instead of 20.
	if _, ok := w.db.(templates.IndexStore); ok {
		if _, err := w.StoredBank(); err != nil {
			return p, err
		}
	}
	seen := map[string]string{} // text key → name, this import
	var batch []sqlite.NewCorpusDoc
	var unindexed []drafts.CorpusDoc
	flush := func(index bool) error {
		if len(batch) > 0 {
			docs, err := w.addCorpusBatch(batch)
			if err != nil {
				return err
			}
			unindexed = append(unindexed, docs...)
			p.Added += len(batch)
			batch = batch[:0]
		}
		if !index || len(unindexed) == 0 {
			return nil
		}
		err := w.indexAdded(unindexed)
		unindexed = nil
		return err
	}
	for r := range parseFiles(ctx, files) {
		p.Done++
		if dup, why := w.refusal(r, seen); why != nil {
			note(r.path, why)
			if dup {
				p.Skipped++
			} else {
				p.Failed++
			}
		} else {
			name := corpusName(r.path, names)
			names[name] = true
			seen[sqlite.TextKey(r.text)] = name
			batch = append(batch, sqlite.NewCorpusDoc{Name: name, Text: r.text, Doc: r.doc})
		}
		if len(batch) >= ImportBatch {
			if err := flush(len(unindexed)+len(batch) >= IndexBatch); err != nil {
				return p, err
			}
		}
		progress(p)
	}
	// Interrupted, the documents stored since the last index write are
	// indexed when the index is next opened (the next import opens it
	// first), not while the officer waits for Ctrl-C to take effect.
	if err := flush(ctx.Err() == nil); err != nil {
		return p, err
	}
	progress(p)
	return p, ctx.Err()
}

// refusal says whether a parsed file is a duplicate and why it is not
// added, or nil.
func (w *Workspace) refusal(r parsed, seen map[string]string) (dup bool, why error) {
	if r.err != nil {
		return false, r.err
	}
	if err := CheckCorpusDoc(filepath.Base(r.path), r.doc); err != nil {
		return false, err
	}
	if name, ok := seen[sqlite.TextKey(r.text)]; ok {
		return true, drafts.Errorf(drafts.EInvalid, fmt.Sprintf("与本次导入的「%s」内容相同，已跳过", name),
			fmt.Sprintf("the same text as “%s” of this import; skipped", name))
	}
	if d, ok, err := w.CorpusDocByText(r.text); err != nil {
		return false, err
	} else if ok {
		return true, drafts.Errorf(drafts.EInvalid, fmt.Sprintf("与参考文件库中的「%s」（编号 %d）内容相同，已跳过", d.Name, d.ID),
			fmt.Sprintf("the same text as “%s” (corpus:%d) in the corpus; skipped", d.Name, d.ID))
	}
	return false, nil
}

// CorpusDocByText finds a corpus document with the same normalised text, when
// the store can tell.
func (w *Workspace) CorpusDocByText(text string) (drafts.CorpusDoc, bool, error) {
	if s, ok := w.db.(interface {
		CorpusDocByText(string) (drafts.CorpusDoc, bool, error)
	}); ok {
		return s.CorpusDocByText(text)
	}
	return drafts.CorpusDoc{}, false, nil
}

// corpusNames returns the names taken in the corpus.
func (w *Workspace) corpusNames() (map[string]bool, error) {
	list, err := w.db.CorpusDocs()
	if err != nil {
		return nil, err
	}
	names := make(map[string]bool, len(list))
	for _, d := range list {
		names[d.Name] = true
	}
	return names, nil
}

// corpusName is the file's base name, or its path when that is taken.
func corpusName(path string, taken map[string]bool) string {
	name := filepath.Base(path)
	if !taken[name] {
		return name
	}
	name = filepath.ToSlash(filepath.Clean(path))
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s (%d)", filepath.ToSlash(filepath.Clean(path)), i)
	}
	return name
}

// addCorpusBatch stores documents in one transaction when the store can,
// adds them to the bank if it is built, and returns them for the index.
func (w *Workspace) addCorpusBatch(batch []sqlite.NewCorpusDoc) ([]drafts.CorpusDoc, error) {
	var added []drafts.CorpusDoc
	if s, ok := w.db.(interface {
		AddCorpusDocs([]sqlite.NewCorpusDoc) ([]drafts.CorpusDoc, error)
	}); ok {
		var err error
		if added, err = s.AddCorpusDocs(batch); err != nil {
			return nil, err
		}
	} else {
		for _, d := range batch {
			a, err := w.db.AddCorpusDoc(d.Name, d.Text, d.Doc, false)
			if err != nil {
				return nil, err
			}
			a.Doc = d.Doc
			added = append(added, a)
		}
	}
	if bank := w.builtBank(); bank != nil {
		for _, d := range added {
			bank.Add(d)
		}
	}
	return added, nil
}

// parseFiles reads and parses files on every core, yielding them in
// order; it stops reading when ctx is cancelled.
func parseFiles(ctx context.Context, files []string) func(func(parsed) bool) {
	return func(yield func(parsed) bool) {
		workers := runtime.GOMAXPROCS(0)
		results := make([]chan parsed, len(files))
		for i := range results {
			results[i] = make(chan parsed, 1)
		}
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					results[i] <- parseFile(files[i])
				}
			}()
		}
		go func() {
			defer close(next)
			for i := range files {
				select {
				case next <- i:
				case <-ctx.Done():
					return
				}
			}
		}()
		defer wg.Wait()
		for i := range files {
			select {
			case r := <-results[i]:
				if !yield(r) {
					go drain(next)
					return
				}
			case <-ctx.Done():
				go drain(next)
				return
			}
		}
	}
}

func drain(next chan int) {
	for range next {
	}
}

func parseFile(path string) parsed {
	r := parsed{path: path}
	if r.text, r.err = input.ReadFile(path); r.err != nil {
		return r
	}
	if r.doc, r.err = drafts.Parse(r.text); r.err != nil {
		r.err = &drafts.Error{Code: drafts.EInvalid, Err: r.err,
			Message: "无法解析：" + r.err.Error(), English: "cannot be parsed: " + drafts.Message(r.err, true)}
	}
	return r
}
