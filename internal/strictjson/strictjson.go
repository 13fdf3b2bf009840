// Package strictjson reads JSON documents more strictly than encoding/json
// does, for the library's configuration forms: encoding/json matches keys to
// fields regardless of case, lets a repeated key silently win and ignores
// unknown keys, so a misspelt "WindowMonths" or a key given twice in a
// configuration file would pass unnoticed.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
)

// space holds the bytes that JSON counts as white space.
const space = " \t\r\n"

// ErrTrailingData reports data after the JSON value.
var ErrTrailingData = errors.New("data after the value")

// Decode reads the one JSON value in data into v, refusing unknown keys
// (with DisallowUnknownFields), keys that are not exactly one of keys, keys
// an object repeats (see [CheckKeys]) and anything after the value. For JSON
// null it reports null and leaves v as it was: encoding/json's convention
// for an UnmarshalJSON method, which these forms follow.
func Decode(data []byte, v any, keys ...string) (null bool, err error) {
	if string(bytes.Trim(data, space)) == "null" {
		return true, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return false, err
	}
	if err := CheckKeys(data, keys...); err != nil {
		return false, err
	}
	if len(bytes.TrimLeft(data[dec.InputOffset():], space)) != 0 {
		return false, ErrTrailingData
	}
	return false, nil
}

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
