package main

import (
	"regexp"
	"slices"
	"testing"

	"github.com/certrenew/certrenew/policy/explain"
)

// verb matches a verb of package fmt, with its argument index if it has
// one.
var verb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*[0-9.]*([a-zA-Z%])`)

// TestWords checks the tables of the program's words: every word has a text
// in every language, every verb of a text names its argument by index, and
// a word's texts in the languages take the same arguments.
func TestWords(t *testing.T) {
	args := func(text string) []string {
		var idx []string
		for _, m := range verb.FindAllStringSubmatch(text, -1) {
			if m[2] == "%" {
				continue
			}
			if m[1] == "" {
				t.Errorf("%q: the verb %q names no argument", text, m[0])
			}
			idx = append(idx, m[1])
		}
		slices.Sort(idx)
		return slices.Compact(idx)
	}
	for w := word(1); w < numWords; w++ {
		want := args(english[w])
		for _, l := range explain.Languages {
			text := texts(l)[w]
			if text == "" {
				t.Errorf("word %d has no text in %s", w, l)
				continue
			}
			if got := args(text); !slices.Equal(got, want) {
				t.Errorf("word %d in %s takes the arguments %v, in English %v", w, l, got, want)
			}
		}
	}
}
