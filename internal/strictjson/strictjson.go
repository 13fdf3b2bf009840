// Package strictjson decodes the library's JSON forms strictly, naming each
// fault by its JSON path.
//
// A path names the key or value at fault as a reader of the file would,
// such as "terms[1].from" or "certifications[3].level".
//
// encoding/json matches keys to struct fields regardless of case, lets a
// repeated key silently win, ignores unknown keys, and names what it refuses
// by Go types ("Go struct field catalogJSON.certifications of type ..."). A
// file with a misspelt "WindowMonths" or a key given twice would pass
// unnoticed, and a refusal would speak of the code rather than of the file.
// [Decode] refuses all of these, and its refusal is an [*Error] with the
// path and byte offset of the fault and its cause.
//
// # What Decode accepts
//
// The document is exactly one JSON value (RFC 8259), with white space around
// it and nothing else. Its strings are valid UTF-8 and escape no lone
// surrogate, so that every string survives a round trip. Each object has
// exactly the keys of the struct it decodes into, spelt as its json tags
// spell them, each at most once; a key of another object, even one of the
// same document, is unknown here. A struct field tagged `strictjson:"required"`
// must be given. Values decode as encoding/json decodes them, into structs,
// maps with string keys, slices, arrays (of exactly their length),
// pointers, strings, booleans and numbers (an integer field takes an integer
// in range, no fraction or exponent), and types with an UnmarshalJSON or
// UnmarshalText method. null decodes only where Go has a nil (a pointer,
// slice, map or interface) or into a type's UnmarshalJSON; elsewhere a value
// that says nothing is refused. A value decoded into an interface type is
// decoded by encoding/json after its syntax is checked.
//
// Null as the whole document is not decoded: Decode reports it, and the
// caller decides, as an UnmarshalJSON method that takes null as no change,
// or a Parse function that refuses it.
//
// # Errors
//
// The text of an Error is its path and its cause, such as
// `terms[1].from: cert: malformed date "2021-02-30": day out of range`. It
// carries no package prefix of its own: the packages that use strictjson wrap
// it in their own errors, whose text begins with their name.
package strictjson

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The causes of the refusals of [Decode] itself match these with
// [errors.Is]. A refusal by a value's own UnmarshalText or UnmarshalJSON
// method has that method's error as its cause instead.
var (
	// ErrEmpty: no JSON value at all, the input being empty or white space.
	ErrEmpty = errors.New("no JSON value")

	// ErrSyntax: the input is not JSON, or has a string that is not valid
	// UTF-8 or escapes a lone surrogate.
	ErrSyntax = errors.New("invalid JSON")

	// ErrTrailingData: data after the JSON value.
	ErrTrailingData = errors.New("data after the value")

	// ErrUnknownKey: a key that the object does not have, or spelt in
	// another case.
	ErrUnknownKey = errors.New("unknown key")

	// ErrDuplicateKey: a key that an object gives twice.
	ErrDuplicateKey = errors.New("key given twice")

	// ErrMissing: an object lacks a key tagged `strictjson:"required"`.
	ErrMissing = errors.New("missing")

	// ErrType: a value of the wrong kind (a string where a number goes), a
	// number out of range, or null where it means nothing.
	ErrType = errors.New("value of the wrong type")
)

// An Error reports where and why [Decode] refused a document.
type Error struct {
	// Path is the JSON path of the key or value at fault, such as
	// "terms[1].from", "certifications[0]" or `labels["a b"]`; it is "" for
	// the document as a whole.
	Path string

	// Offset is the byte offset in the input of the key or value at
	// fault, or of the byte where the syntax breaks.
	Offset int64

	// Err is the cause: an error matching one of the package's sentinels,
	// or the error of a value's UnmarshalText or UnmarshalJSON method.
	Err error
}

// Error returns the path, when there is one, and the cause.
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the cause, Err.
func (e *Error) Unwrap() error { return e.Err }

// cause is a refusal of the decoder: a sentinel and the words that say
// what was found.
type cause struct {
	kind error
	text string
}

func (c *cause) Error() string { return c.text }
func (c *cause) Unwrap() error { return c.kind }

// Key returns the path of the member key of the object at path, in the
// form Error.Path uses: "retakes.wait", or `labels["a b"]` for a key that is
// not an identifier.
func Key(path, key string) string { return string(appendKey([]byte(path), key)) }

// Index returns the path of element i of the array at path: "terms[1]".
func Index(path string, i int) string { return string(appendIndex([]byte(path), i)) }

func appendKey(b []byte, key string) []byte {
	if !isIdent(key) {
		b = append(b, '[')
		b = strconv.AppendQuote(b, key)
		return append(b, ']')
	}
	if len(b) > 0 {
		b = append(b, '.')
	}
	return append(b, key...)
}

func appendIndex(b []byte, i int) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	return append(b, ']')
}

// isIdent reports whether key can follow a dot in a path: an ASCII letter
// or underscore, then letters, digits and underscores.
func isIdent(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// maxDepth bounds the nesting of arrays and objects, as encoding/json's
// does.
const maxDepth = 10000

// Decode reads the one JSON value in data into v, a non-nil pointer. It
// checks the document as the package doc says. For JSON null, with white
// space around it or not, it reports null and leaves v as it is. On error,
// v may hold part of the document: decode into a fresh value and keep it
// only on success. The error, for a document, is an [*Error] naming the
// first fault in the order of the text.
func Decode(data []byte, v any) (null bool, err error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		name := "nil"
		if v != nil {
			name = rv.Type().String()
		}
		return false, errors.New("strictjson: Decode needs a non-nil pointer, not " + name)
	}
	d := decoder{data: data}
	d.space()
	if d.pos == len(data) {
		return false, &Error{Offset: int64(d.pos), Err: &cause{ErrEmpty, "no JSON value: the input is empty or white space"}}
	}
	if d.literal("null") {
		d.pos += len("null")
		d.space()
		if d.pos == len(data) {
			return true, nil
		}
		return false, d.trailing()
	}
	if err := d.value(rv.Elem()); err != nil {
		return false, err
	}
	d.space()
	if d.pos != len(data) {
		return false, d.trailing()
	}
	return false, nil
}

// A decoder reads one document.
type decoder struct {
	data    []byte
	pos     int
	depth   int
	path    []segment
	structs map[reflect.Type]*structInfo
	methods map[reflect.Type]uint8
	scratch []byte // for unescaping keys
}

// A segment is a step of the path: an object key, or an array index when
// key is "" and index >= 0.
type segment struct {
	key   string
	index int
}

func (d *decoder) pathString() string {
	var b []byte
	for _, s := range d.path {
		if s.index >= 0 {
			b = appendIndex(b, s.index)
		} else {
			b = appendKey(b, s.key)
		}
	}
	return string(b)
}

// fail returns the error err for the value at offset off.
func (d *decoder) fail(off int, err error) *Error {
	return &Error{Path: d.pathString(), Offset: int64(off), Err: err}
}

// failKey returns the error kind, with the text, for the key at offset off,
// whose path is the current path and the key.
func (d *decoder) failKey(off int, key string, kind error, text string) *Error {
	return &Error{Path: string(appendKey([]byte(d.pathString()), key)), Offset: int64(off), Err: &cause{kind, text}}
}

// syntax returns a syntax error at offset off.
func (d *decoder) syntax(off int, what string) *Error {
	return d.fail(off, &cause{ErrSyntax, "invalid JSON at byte " + strconv.Itoa(off) + ": " + what})
}

// unexpected returns a syntax error at the current byte: want was expected.
func (d *decoder) unexpected(want string) *Error {
	return d.syntax(d.pos, "want "+want+", found "+d.found())
}

// found describes the byte at d.pos for a syntax error.
func (d *decoder) found() string {
	if d.pos >= len(d.data) {
		return "the end of the input"
	}
	r, n := utf8.DecodeRune(d.data[d.pos:])
	if r == utf8.RuneError && n <= 1 {
		return "the byte 0x" + strconv.FormatUint(uint64(d.data[d.pos]), 16)
	}
	return strconv.QuoteRune(r)
}

func (d *decoder) trailing() *Error {
	return &Error{Offset: int64(d.pos), Err: &cause{ErrTrailingData, "data after the JSON value, at byte " + strconv.Itoa(d.pos)}}
}

// mismatch returns a type error for the value at d.pos, where want goes,
// or the syntax error in that value if it has one: text that is not JSON
// is refused as such first.
func (d *decoder) mismatch(want string) error {
	start, kind := d.pos, d.kind()
	if err := d.skip(); err != nil {
		return err
	}
	return d.fail(start, &cause{ErrType, "want " + want + ", not " + kind})
}

// kind names the kind of the JSON value at d.pos.
func (d *decoder) kind() string {
	switch d.data[d.pos] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't':
		return "true"
	case 'f':
		return "false"
	case 'n':
		return "null"
	}
	return "a number"
}

func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\r', '\n':
			d.pos++
		default:
			return
		}
	}
}

// literal reports whether the input at d.pos starts with lit.
func (d *decoder) literal(lit string) bool {
	return len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit
}

// readLiteral reads true, false or null at d.pos.
func (d *decoder) readLiteral(lit string) error {
	if !d.literal(lit) {
		// Point at the first byte that differs.
		for i := 0; i < len(lit) && d.pos < len(d.data) && d.data[d.pos] == lit[i]; i++ {
			d.pos++
		}
		return d.unexpected(lit)
	}
	d.pos += len(lit)
	return nil
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// null reads the null at d.pos into v, a pointer, interface, map or slice,
// which it sets to nil.
func (d *decoder) null(v reflect.Value) error {
	if err := d.readLiteral("null"); err != nil {
		return err
	}
	v.SetZero()
	return nil
}

// value decodes the value at d.pos into v, which is settable.
func (d *decoder) value(v reflect.Value) error {
	if d.pos >= len(d.data) {
		return d.unexpected("a value")
	}
	c := d.data[d.pos]
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if c == 'n' {
			return d.null(v)
		}
		// A new value, so that nothing is written through a pointer the
		// caller holds.
		p := reflect.New(t.Elem())
		if err := d.value(p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	}
	methods := d.methodsOf(t)
	if methods&isUnmarshaler != 0 {
		start := d.pos
		if err := d.skip(); err != nil {
			return err
		}
		raw := d.data[start:d.pos:d.pos]
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return d.fail(start, err)
		}
		return nil
	}
	if methods&isTextUnmarshaler != 0 {
		if c != '"' {
			return d.mismatch("a string")
		}
		start := d.pos
		text, err := d.str()
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
			return d.fail(start, err)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Interface:
		if c == 'n' {
			return d.null(v)
		}
		return d.viaJSON(v)
	case reflect.Struct:
		if c != '{' {
			return d.mismatch("an object")
		}
		return d.object(v)
	case reflect.Map:
		if c == 'n' {
			return d.null(v)
		}
		if t.Key().Kind() != reflect.String {
			return d.viaJSON(v)
		}
		if c != '{' {
			return d.mismatch("an object")
		}
		return d.mapObject(v)
	case reflect.Slice:
		if c == 'n' {
			return d.null(v)
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return d.viaJSON(v) // base64 text, as encoding/json reads it
		}
		if c != '[' {
			return d.mismatch("an array")
		}
		return d.array(v)
	case reflect.Array:
		if c != '[' {
			return d.mismatch("an array of " + strconv.Itoa(t.Len()))
		}
		return d.array(v)
	case reflect.String:
		if c != '"' {
			return d.mismatch("a string")
		}
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(string(s))
		return nil
	case reflect.Bool:
		switch c {
		case 't':
			if err := d.readLiteral("true"); err != nil {
				return err
			}
			v.SetBool(true)
			return nil
		case 'f':
			if err := d.readLiteral("false"); err != nil {
				return err
			}
			v.SetBool(false)
			return nil
		}
		return d.mismatch("true or false")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return d.number(v)
	}
	return d.fail(d.pos, errors.New("strictjson: cannot decode into the Go type "+t.String()))
}

// The methods that decide how a type decodes.
const (
	isUnmarshaler     = 1 << iota // *T has UnmarshalJSON
	isTextUnmarshaler             // *T has UnmarshalText
)

// methodsOf returns the methods of *t that decide how t decodes, from the
// decoder's cache: asking reflect for each value costs more than the rest
// of decoding it.
func (d *decoder) methodsOf(t reflect.Type) uint8 {
	if m, ok := d.methods[t]; ok {
		return m
	}
	var m uint8
	if pt := reflect.PointerTo(t); pt.Implements(unmarshalerType) {
		m |= isUnmarshaler
	} else if pt.Implements(textUnmarshalerType) {
		m |= isTextUnmarshaler
	}
	if d.methods == nil {
		d.methods = map[reflect.Type]uint8{}
	}
	d.methods[t] = m
	return m
}

// viaJSON checks the syntax of the value at d.pos and decodes it into v
// with encoding/json.
func (d *decoder) viaJSON(v reflect.Value) error {
	start := d.pos
	if err := d.skip(); err != nil {
		return err
	}
	if err := json.Unmarshal(d.data[start:d.pos:d.pos], v.Addr().Interface()); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return d.fail(start, &cause{ErrType, "a value of the wrong type (" + te.Value + ")"})
		}
		return d.fail(start, err)
	}
	return nil
}

// enter and leave track the nesting depth of arrays and objects.
func (d *decoder) enter() error {
	if d.depth++; d.depth > maxDepth {
		return d.syntax(d.pos, "nested deeper than "+strconv.Itoa(maxDepth)+" arrays and objects")
	}
	return nil
}

func (d *decoder) leave() { d.depth-- }

// A field is a member of a struct's JSON form.
type field struct {
	key      string // as the json tag spells it
	index    []int  // for reflect.Value.FieldByIndex
	required bool
}

type structInfo struct {
	fields []field
}

// structOf returns the JSON members of struct type t, as encoding/json
// finds them: exported fields by their json tag's name or their own, none
// tagged "-", and the members of an embedded struct with no tag of its own
// unless the outer struct has a member of the same name.
func (d *decoder) structOf(t reflect.Type) *structInfo {
	if si, ok := d.structs[t]; ok {
		return si
	}
	si := &structInfo{}
	var embedded []field
	var walk func(t reflect.Type, index []int, out *[]field)
	walk = func(t reflect.Type, index []int, out *[]field) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			idx := append(index[:len(index):len(index)], i)
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, idx, &embedded)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			*out = append(*out, field{key: name, index: idx, required: f.Tag.Get("strictjson") == "required"})
		}
	}
	walk(t, nil, &si.fields)
	for _, f := range embedded {
		if si.find(f.key) < 0 {
			si.fields = append(si.fields, f)
		}
	}
	if d.structs == nil {
		d.structs = map[reflect.Type]*structInfo{}
	}
	d.structs[t] = si
	return si
}

// find returns the index of the member with the key, exactly as spelt, or
// -1.
func (si *structInfo) find(key string) int {
	for i := range si.fields {
		if si.fields[i].key == key {
			return i
		}
	}
	return -1
}

// findBytes is find for a key in bytes; it does not allocate.
func (si *structInfo) findBytes(key []byte) int {
	for i := range si.fields {
		if si.fields[i].key == string(key) {
			return i
		}
	}
	return -1
}

// members reads the members of the object at d.pos, calling member for
// each with the key's offset and unescaped text, valid until the next call.
// member decodes the value, at d.pos.
func (d *decoder) members(member func(off int, key []byte) error) error {
	if err := d.enter(); err != nil {
		return err
	}
	d.pos++ // '{'
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.leave()
		return nil
	}
	for {
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return d.unexpected("a key in quotes")
		}
		off := d.pos
		key, err := d.keyStr()
		if err != nil {
			return err
		}
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return d.unexpected("':' after the key")
		}
		d.pos++
		d.space()
		if err := member(off, key); err != nil {
			return err
		}
		d.space()
		if d.pos < len(d.data) {
			switch d.data[d.pos] {
			case ',':
				d.pos++
				d.space()
				continue
			case '}':
				d.pos++
				d.leave()
				return nil
			}
		}
		return d.unexpected("',' or '}' after a member")
	}
}

// object decodes the object at d.pos into the struct v.
func (d *decoder) object(v reflect.Value) error {
	si := d.structOf(v.Type())
	start := d.pos
	var seenSmall uint64
	var seenMore []bool
	if len(si.fields) > 64 {
		seenMore = make([]bool, len(si.fields))
	}
	seen := func(i int) bool {
		if seenMore != nil {
			s := seenMore[i]
			seenMore[i] = true
			return s
		}
		s := seenSmall&(1<<i) != 0
		seenSmall |= 1 << i
		return s
	}
	err := d.members(func(off int, key []byte) error {
		i := si.findBytes(key)
		if i < 0 {
			return d.unknown(off, string(key), si)
		}
		f := &si.fields[i]
		if seen(i) {
			return d.failKey(off, f.key, ErrDuplicateKey, "key given twice")
		}
		d.path = append(d.path, segment{key: f.key, index: -1})
		if err := d.value(v.FieldByIndex(f.index)); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		return nil
	})
	if err != nil {
		return err
	}
	for i, f := range si.fields {
		if f.required && !seen(i) {
			return d.failKey(start, f.key, ErrMissing, "missing")
		}
	}
	return nil
}

// unknown returns the error for an unknown key, naming the key it differs
// from only in case, if any.
func (d *decoder) unknown(off int, key string, si *structInfo) *Error {
	for _, f := range si.fields {
		if strings.EqualFold(f.key, key) {
			return d.failKey(off, key, ErrUnknownKey, "unknown key: the key is "+strconv.Quote(f.key)+", and keys are case-sensitive")
		}
	}
	return d.failKey(off, key, ErrUnknownKey, "unknown key")
}

// mapObject decodes the object at d.pos into the map v, whose keys are
// strings.
func (d *decoder) mapObject(v reflect.Value) error {
	t := v.Type()
	m := reflect.MakeMap(t)
	err := d.members(func(off int, key []byte) error {
		k := reflect.ValueOf(string(key)).Convert(t.Key())
		if m.MapIndex(k).IsValid() {
			return d.failKey(off, string(key), ErrDuplicateKey, "key given twice")
		}
		e := reflect.New(t.Elem()).Elem()
		d.path = append(d.path, segment{key: string(key), index: -1})
		if err := d.value(e); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		m.SetMapIndex(k, e)
		return nil
	})
	if err != nil {
		return err
	}
	v.Set(m)
	return nil
}

// array decodes the array at d.pos into the slice or array v. A slice is
// always a new one, never the storage of the one v held.
func (d *decoder) array(v reflect.Value) error {
	t := v.Type()
	isArray := t.Kind() == reflect.Array
	s := v
	if !isArray {
		s = reflect.New(t).Elem()
		s.Set(reflect.MakeSlice(t, 0, 0))
	}
	if err := d.enter(); err != nil {
		return err
	}
	d.pos++ // '['
	d.space()
	n := 0
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
	} else {
		for {
			var e reflect.Value
			if isArray {
				if n == t.Len() {
					return d.fail(d.pos, &cause{ErrType, "want an array of " + strconv.Itoa(t.Len()) + ", not more"})
				}
				e = s.Index(n)
			} else {
				if n == s.Cap() {
					s.Grow(1)
				}
				s.SetLen(n + 1)
				e = s.Index(n)
			}
			d.path = append(d.path, segment{index: n})
			if err := d.value(e); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			n++
			d.space()
			if d.pos < len(d.data) && d.data[d.pos] == ',' {
				d.pos++
				d.space()
				continue
			}
			if d.pos < len(d.data) && d.data[d.pos] == ']' {
				d.pos++
				break
			}
			return d.unexpected("',' or ']' after an element")
		}
	}
	d.leave()
	if isArray {
		if n != t.Len() {
			return d.fail(d.pos-1, &cause{ErrType, "want an array of " + strconv.Itoa(t.Len()) + ", not " + strconv.Itoa(n)})
		}
		return nil
	}
	v.Set(s)
	return nil
}

// number decodes the number at d.pos into v, of a numeric kind.
func (d *decoder) number(v reflect.Value) error {
	if c := d.data[d.pos]; c != '-' && (c < '0' || c > '9') {
		return d.mismatch(numberWant(v.Kind()))
	}
	start := d.pos
	text, err := d.numberText()
	if err != nil {
		return err
	}
	bits := v.Type().Bits()
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(string(text), bits)
		if err != nil {
			return d.fail(start, &cause{ErrType, string(text) + " is out of range"})
		}
		v.SetFloat(f)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := parseInt(text, bits)
		if !ok {
			lo, hi := -int64(1)<<(bits-1), int64(1)<<(bits-1)-1
			return d.fail(start, &cause{ErrType, "want an integer from " + strconv.FormatInt(lo, 10) + " to " + strconv.FormatInt(hi, 10) + ", not " + string(text)})
		}
		v.SetInt(n)
		return nil
	}
	n, ok := parseUint(text, bits)
	if !ok {
		hi := uint64(1)<<(bits-1)<<1 - 1
		return d.fail(start, &cause{ErrType, "want an integer from 0 to " + strconv.FormatUint(hi, 10) + ", not " + string(text)})
	}
	v.SetUint(n)
	return nil
}

func numberWant(k reflect.Kind) string {
	if k == reflect.Float32 || k == reflect.Float64 {
		return "a number"
	}
	return "an integer"
}

// parseInt reads an integer of the given bit size with no fraction or
// exponent.
func parseInt(text []byte, bits int) (int64, bool) {
	neg := len(text) > 0 && text[0] == '-'
	if neg {
		text = text[1:]
	}
	u, ok := parseUint(text, 64)
	if !ok {
		return 0, false
	}
	limit := uint64(1) << (bits - 1) // |min|
	if !neg && u >= limit || neg && u > limit {
		return 0, false
	}
	if neg {
		return -int64(u-1) - 1, true
	}
	return int64(u), true
}

// parseUint reads a non-negative integer of the given bit size with no
// fraction or exponent.
func parseUint(text []byte, bits int) (uint64, bool) {
	if len(text) == 0 {
		return 0, false
	}
	limit := uint64(1)<<(bits-1)<<1 - 1
	var n uint64
	for _, c := range text {
		if c < '0' || c > '9' {
			return 0, false // a sign, fraction or exponent
		}
		d := uint64(c - '0')
		if n > (limit-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// numberText reads the number at d.pos, checking its syntax.
func (d *decoder) numberText() ([]byte, error) {
	start := d.pos
	digits := func() bool {
		s := d.pos
		for d.pos < len(d.data) && '0' <= d.data[d.pos] && d.data[d.pos] <= '9' {
			d.pos++
		}
		return d.pos > s
	}
	if d.data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(d.data) && d.data[d.pos] == '0':
		d.pos++
	case !digits():
		return nil, d.unexpected("a digit")
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if !digits() {
			return nil, d.unexpected("a digit after the decimal point")
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if !digits() {
			return nil, d.unexpected("a digit of the exponent")
		}
	}
	return d.data[start:d.pos], nil
}

// keyStr is str for a key: an escaped key is unescaped into the decoder's
// scratch buffer, and is valid until the next key.
func (d *decoder) keyStr() ([]byte, error) {
	s, escaped, err := d.strInto(d.scratch[:0])
	if escaped {
		d.scratch = s[:0]
	}
	return s, err
}

// str reads the string at d.pos and returns its text: a slice of the input
// when it has no escapes, else a new slice. Either is clipped, so that
// appending to it never writes to the input.
func (d *decoder) str() ([]byte, error) {
	s, _, err := d.strInto(nil)
	return s, err
}

// strInto is str, unescaping into buf when the string has escapes, which
// it reports.
func (d *decoder) strInto(buf []byte) (text []byte, escaped bool, err error) {
	start := d.pos + 1
	i := start
	for i < len(d.data) {
		switch c := d.data[i]; {
		case c == '"':
			if err := d.checkUTF8(start, i); err != nil {
				return nil, false, err
			}
			d.pos = i + 1
			return d.data[start:i:i], false, nil
		case c == '\\':
			text, err := d.unescape(start, i, buf)
			return text, err == nil, err
		case c < 0x20:
			d.pos = i
			return nil, false, d.syntax(i, "a control character in a string; escape it")
		}
		i++
	}
	d.pos = i
	return nil, false, d.syntax(i, "want the end of the string, found the end of the input")
}

// checkUTF8 returns an error at the first byte of data[from:to] that is
// not part of valid UTF-8.
func (d *decoder) checkUTF8(from, to int) error {
	if utf8.Valid(d.data[from:to]) {
		return nil
	}
	for i := from; i < to; {
		r, n := utf8.DecodeRune(d.data[i:to])
		if r == utf8.RuneError && n <= 1 {
			d.pos = i
			return d.syntax(i, "a string that is not valid UTF-8")
		}
		i += n
	}
	return nil
}

// unescape reads the rest of a string whose text began at start and whose
// first escape is at i, into buf.
func (d *decoder) unescape(start, i int, buf []byte) ([]byte, error) {
	buf = append(buf, d.data[start:i]...)
	for i < len(d.data) {
		c := d.data[i]
		switch {
		case c == '"':
			if err := d.checkUTF8(start, i); err != nil {
				return nil, err
			}
			d.pos = i + 1
			return buf[:len(buf):len(buf)], nil
		case c < 0x20:
			d.pos = i
			return nil, d.syntax(i, "a control character in a string; escape it")
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(d.data) {
			break
		}
		esc := d.data[i+1]
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(d.data[i+2:])
			if !ok {
				d.pos = i
				return nil, d.syntax(i, "want four hexadecimal digits after \\u")
			}
			n := 6
			if 0xd800 <= r && r < 0xdc00 {
				// A high surrogate: a low one must follow.
				lo, ok := rune(0), false
				if i+12 <= len(d.data) && d.data[i+6] == '\\' && d.data[i+7] == 'u' {
					lo, ok = hex4(d.data[i+8:])
				}
				if ok && 0xdc00 <= lo && lo < 0xe000 {
					r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
					n = 12
				} else {
					r = -1
				}
			} else if 0xdc00 <= r && r < 0xe000 {
				r = -1
			}
			if r < 0 {
				d.pos = i
				return nil, d.syntax(i, "a lone surrogate "+string(d.data[i:i+6])+", which names no character")
			}
			buf = utf8.AppendRune(buf, r)
			i += n
			continue
		default:
			d.pos = i
			return nil, d.syntax(i, "an unknown escape \\"+string(rune(esc)))
		}
		i += 2
	}
	d.pos = len(d.data)
	return nil, d.syntax(d.pos, "want the end of the string, found the end of the input")
}

// hex4 reads four hexadecimal digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip reads past the value at d.pos, checking its syntax but no keys.
func (d *decoder) skip() error {
	if d.pos >= len(d.data) {
		return d.unexpected("a value")
	}
	switch c := d.data[d.pos]; c {
	case '{':
		return d.members(func(int, []byte) error { return d.skip() })
	case '[':
		if err := d.enter(); err != nil {
			return err
		}
		d.pos++
		d.space()
		if d.pos < len(d.data) && d.data[d.pos] == ']' {
			d.pos++
			d.leave()
			return nil
		}
		for {
			if err := d.skip(); err != nil {
				return err
			}
			d.space()
			if d.pos < len(d.data) {
				switch d.data[d.pos] {
				case ',':
					d.pos++
					d.space()
					continue
				case ']':
					d.pos++
					d.leave()
					return nil
				}
			}
			return d.unexpected("',' or ']' after an element")
		}
	case '"':
		_, err := d.keyStr()
		return err
	case 't':
		return d.readLiteral("true")
	case 'f':
		return d.readLiteral("false")
	case 'n':
		return d.readLiteral("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			_, err := d.numberText()
			return err
		}
		return d.unexpected("a value")
	}
}
