package cert

import "strconv"

// A Level is the level of a certification. The zero Level is no level; the
// four real ones start at 1, as [time.Month] does.
//
// Associate and Expert certifications are role-based. Fundamentals ones never
// expire (RULES V1); the other three are renewed (RULES V2, V3, E1).
type Level uint8

// The levels of the catalog.
const (
	Fundamentals Level = iota + 1
	Associate
	Expert
	Specialty
)

// levelNames holds the text form of each real Level, indexed by Level.
var levelNames = [...]string{
	Fundamentals: "Fundamentals",
	Associate:    "Associate",
	Expert:       "Expert",
	Specialty:    "Specialty",
}

// IsValid reports whether l is one of the four real levels.
func (l Level) IsValid() bool { return l >= Fundamentals && l <= Specialty }

// IsRoleBased reports whether l is Associate or Expert.
func (l Level) IsRoleBased() bool { return l == Associate || l == Expert }

// String returns the level's name, such as "Associate". A value that is no
// level prints as "Level(9)", and the zero Level as "Level(0)".
func (l Level) String() string {
	if l.IsValid() {
		return levelNames[l]
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// AppendText implements [encoding.TextAppender]: it appends the level's name.
// The zero Level appends nothing; any other value that is no level is an
// error matching [ErrUnknownLevel].
func (l Level) AppendText(b []byte) ([]byte, error) {
	switch {
	case l == 0:
		return b, nil
	case !l.IsValid():
		return b, &LevelError{Text: l.String()}
	}
	return append(b, levelNames[l]...), nil
}

// MarshalText implements [encoding.TextMarshaler]: the text is the level's
// name, and the zero Level marshals to empty text.
func (l Level) MarshalText() ([]byte, error) {
	return l.AppendText(nil)
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts a level's
// name as String gives it, and empty text for the zero Level; anything else
// is an error matching [ErrUnknownLevel], and l is left unchanged.
func (l *Level) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*l = 0
		return nil
	}
	for v := Fundamentals; v <= Specialty; v++ {
		if string(text) == levelNames[v] {
			*l = v
			return nil
		}
	}
	return &LevelError{Text: string(text)}
}
