// Package strictjson checks the object keys of a JSON document more strictly
// than encoding/json does: encoding/json matches keys to fields regardless
// of case and lets a repeated key silently win, so a misspelt "WindowMonths"
// or a key given twice in a configuration file would pass unnoticed.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
)

// CheckKeys reports the first object key in data that is not exactly one of
// names (same case), or that an object repeats, as an error naming the key.
// It returns nil for a document whose keys are all known, and leaves syntax
// errors, and which key belongs in which object, to the decoder that reads
// data afterwards with DisallowUnknownFields: together they accept exactly
// the keys of the target type, spelt as its tags spell them.
func CheckKeys(data []byte, names ...string) error {
	type container struct {
		object  bool
		wantKey bool // in an object: the next string token is a key
		keys    []string
	}
	var stack []container
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return nil // a syntax error: the decoder reports it
		}
		top := len(stack) - 1
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				stack = append(stack, container{object: d == '{', wantKey: d == '{'})
			case '}', ']':
				stack = stack[:top]
				if top > 0 && stack[top-1].object {
					stack[top-1].wantKey = true
				}
			}
			continue
		}
		if top < 0 || !stack[top].object {
			continue
		}
		if !stack[top].wantKey {
			stack[top].wantKey = true // a scalar value; the next token is a key
			continue
		}
		key, _ := tok.(string)
		switch {
		case !slices.Contains(names, key):
			return errors.New("unknown key " + strconv.Quote(key))
		case slices.Contains(stack[top].keys, key):
			return errors.New("key " + strconv.Quote(key) + " given twice")
		}
		stack[top].keys = append(stack[top].keys, key)
		stack[top].wantKey = false
	}
}
