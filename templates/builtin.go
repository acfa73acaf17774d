package templates

//go:generate go run ./internal/gen

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"qicao/assets"
)

// builtinJSON is the generated seed of built-in templates (see
// GenerateBuiltin and internal/gen).
//
//go:embed builtin.json
var builtinJSON []byte

// BuiltinFile is the shape of builtin.json.
type BuiltinFile struct {
	// Version stamps the corpus the templates were drawn from.
	Version   string     `json:"version"`
	Templates []Template `json:"templates"`
}

// Builtin returns the built-in templates, drawn from the corpus, for the
// database seed loaded on first start.
func Builtin() ([]Template, error) {
	var f BuiltinFile
	if err := json.Unmarshal(builtinJSON, &f); err != nil {
		return nil, fmt.Errorf("内置模板数据损坏：%w", err)
	}
	return f.Templates, nil
}

// Source is a corpus document a generator reads: its file name and text.
type Source struct {
	Name, Text string
}

// CorpusSources returns the built-in corpus, the input of GenerateBuiltin.
func CorpusSources() []Source {
	var out []Source
	for _, f := range assets.Corpus() {
		out = append(out, Source{f.Name, string(f.Data)})
	}
	return out
}

// EncodeBuiltin writes a BuiltinFile as builtin.json is written: indented,
// Chinese unescaped, ending in a newline.
func EncodeBuiltin(f BuiltinFile) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
